// The renderer's only door to the app: one object, one method per kind of action, events by
// subscription. Payloads are validated in main against shared/ipc/apiContract.ts; nothing else of
// Electron or Node reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const api = {
  call: (channel: string, request: unknown): Promise<unknown> =>
    ipcRenderer.invoke('cms-ha:call', channel, request),
  on: (event: string, listener: (payload: unknown) => void): (() => void) => {
    const forward = (_: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('cms-ha:event', forward);
    return () => ipcRenderer.off('cms-ha:event', forward);
  },
};

contextBridge.exposeInMainWorld('cmsHa', api);
