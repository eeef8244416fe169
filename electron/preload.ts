// The renderer's only door to the app: one object, one method per kind of action, events by
// subscription. Payloads are validated in main against shared/ipc/apiContract.ts; nothing else of
// Electron or Node reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { unwrapCallOutcome, type CallOutcome } from '../shared/ipc/callOutcome.ts';

const api = {
  // Main answers every call with its outcome as a value; a refusal becomes the same ApiCallError, with
  // the same message, as over the browser harness.
  call: async (channel: string, request: unknown): Promise<unknown> =>
    unwrapCallOutcome((await ipcRenderer.invoke('cms-ha:call', channel, request)) as CallOutcome),
  on: (event: string, listener: (payload: unknown) => void): (() => void) => {
    const forward = (_: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('cms-ha:event', forward);
    return () => ipcRenderer.off('cms-ha:event', forward);
  },
};

contextBridge.exposeInMainWorld('cmsHa', api);
