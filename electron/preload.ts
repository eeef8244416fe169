// The renderer's only door to the app: one object, one method per kind of action, events by
// subscription. Payloads are validated in main against shared/ipc/apiContract.ts; nothing else of
// Electron or Node reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CallOutcome, PreloadBridge } from '../shared/ipc/callOutcome.ts';

const api: PreloadBridge = {
  // Every call's outcome crosses as a value (ok, or a refusal with its code and message): an error
  // thrown across contextBridge would lose its code. The window unwraps it as the harness client does.
  call: async (channel, request) =>
    (await ipcRenderer.invoke('cms-ha:call', channel, request)) as CallOutcome,
  on: (event, listener) => {
    const forward = (_: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('cms-ha:event', forward);
    return () => ipcRenderer.off('cms-ha:event', forward);
  },
};

contextBridge.exposeInMainWorld('cmsHa', api);
