import type { InstallationKey } from './signing/installationKey.ts';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcMain } from 'electron';
import { API_EVENTS, type ApiEvent, type ApiEventPayload } from '../shared/ipc/apiContract.ts';
import { AppService, type DesktopShell } from './app/appService.ts';
import { dispatchApiCall } from './app/dispatchApiCall.ts';
import type { CallOutcome } from '../shared/ipc/callOutcome.ts';
import type { PdfPrinter } from './report/exportReport.ts';

/** Pushes one contract event to the window, validated like everything that crosses the boundary. */
export function sendApiEvent<E extends ApiEvent>(
  contents: WebContents | null,
  event: E,
  payload: ApiEventPayload<E>,
): void {
  contents?.send('cms-ha:event', event, API_EVENTS[event].parse(payload));
}

/**
 * The typed API on Electron's IPC: the same AppService handlers as the browser harness. Calls are
 * accepted only from the app's own top frame, and every payload is validated against the contract.
 */
export function serveApiOverIpc(options: {
  sessionsRoot: string;
  rendererUrl: string;
  contents: () => WebContents | null;
  printPdf: PdfPrinter;
  installationKey: InstallationKey;
  desktopShell: DesktopShell;
}): AppService {
  const service = new AppService(
    options.sessionsRoot,
    (event, payload) => sendApiEvent(options.contents(), event, payload),
    {
      trainingWhenEmpty: true,
      printPdf: options.printPdf,
      installationKey: options.installationKey,
      desktopShell: options.desktopShell,
    },
  );
  ipcMain.handle(
    'cms-ha:call',
    async (event: IpcMainInvokeEvent, channel: unknown, payload: unknown): Promise<CallOutcome> => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || frame.url.split('#')[0] !== options.rendererUrl) {
        return { ok: false, code: 'refused', error: 'Refused: the call does not come from the app window.' };
      }
      return dispatchApiCall(service.handlers, channel, payload);
    },
  );
  return service;
}
