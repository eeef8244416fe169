import type { CmsHaApi } from '../../../shared/ipc/apiContract.ts';
import type { PreloadBridge } from '../../../shared/ipc/callOutcome.ts';
import { preloadApi } from './preloadApi.ts';
import { connectWebSocketApi } from './webSocketApi.ts';

declare global {
  interface Window {
    /** Exposed by Electron's preload (contextBridge); absent in the browser harness. */
    cmsHa?: PreloadBridge;
  }
}

/** Electron's preload API when present, else the browser harness's WebSocket. */
export function chooseApi(): CmsHaApi {
  return window.cmsHa ? preloadApi(window.cmsHa) : connectWebSocketApi(window.location);
}
