import type { CmsHaApi } from '../../../shared/ipc/apiContract.ts';
import { connectWebSocketApi } from './webSocketApi.ts';

declare global {
  interface Window {
    /** Exposed by Electron's preload (contextBridge); absent in the browser harness. */
    cmsHa?: CmsHaApi;
  }
}

/** Electron's preload API when present, else the browser harness's WebSocket. */
export function chooseApi(): CmsHaApi {
  return window.cmsHa ?? connectWebSocketApi(window.location);
}
