import { testInstallationKey } from '../support/installationKey.ts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { AppService } from '../../electron/app/appService.ts';
import { serveApiOnSocket } from '../../electron/harness/apiOverWebSocket.ts';
import { ApiCallError, unwrapCallOutcome, type CallOutcome } from '../../shared/ipc/callOutcome.ts';
import type { CmsHaApi, WireMessage } from '../../shared/ipc/apiContract.ts';
import type { PreloadBridge } from '../../shared/ipc/callOutcome.ts';
import { preloadApi } from '../../renderer/src/api/preloadApi.ts';
import { useTempDirs } from '../support/tempDir.ts';

/**
 * Electron's modules as the shell files use them, without the binary (it cannot be downloaded here):
 * ipcMain.handle keeps the handler, ipcRenderer.invoke calls it as Electron would, from the app window.
 */
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const exposed: Record<string, unknown> = {};
  const window = { senderFrame: { parent: null, url: 'app://cms-ha/index.html' } };
  return {
    handlers,
    exposed,
    module: {
      ipcMain: { handle: (channel: string, handler: never) => handlers.set(channel, handler) },
      ipcRenderer: {
        // Electron passes values through structured clone: what main returned is all the window gets.
        invoke: async (channel: string, ...args: unknown[]) =>
          structuredClone(await handlers.get(channel)!(window, ...args)),
        on: () => undefined,
        off: () => undefined,
      },
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
    },
  };
});
vi.mock('electron', () => electron.module);

const tempDir = useTempDirs();

/** The harness's transport for one call, over a real WebSocket: the outcome the renderer receives. */
async function callOverWebSocket(
  service: AppService,
  channel: string,
  payload: unknown,
): Promise<CallOutcome> {
  const server = createServer();
  const sockets = new WebSocketServer({ server });
  sockets.on('connection', (socket) => serveApiOnSocket(socket, service.handlers));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  try {
    await new Promise((resolve) => client.once('open', resolve));
    client.send(JSON.stringify({ type: 'call', id: 1, channel, payload } satisfies WireMessage));
    const reply = JSON.parse(String(await new Promise((resolve) => client.once('message', resolve)))) as {
      type: string;
      id: number;
    } & CallOutcome;
    const { type: _type, id: _id, ...outcome } = reply;
    return outcome;
  } finally {
    client.close();
    sockets.close();
    server.close();
  }
}

describe('errors cross the process boundary as values', () => {
  let service: AppService;
  let api: CmsHaApi;

  beforeAll(async () => {
    const { serveApiOverIpc } = await import('../../electron/ipcApi.ts');
    service = serveApiOverIpc({
      sessionsRoot: await tempDir(),
      rendererUrl: 'app://cms-ha/index.html',
      contents: () => null,
      printPdf: async () => new Uint8Array(),
      installationKey: await testInstallationKey(),
      desktopShell: { openPath: async () => '', showItemInFolder: () => undefined },
    });
    await import('../../electron/preload.ts');
    // The window's side: what the preload exposed, through the renderer's own adapter.
    api = preloadApi(electron.exposed.cmsHa as PreloadBridge);
  });
  afterAll(async () => {
    await service.close();
  });

  it('a refusal reaches the window through IPC and the preload with the core message and code, as through the harness', async () => {
    const cases: [string, unknown, ApiCallError['code'], string][] = [
      ['session.open', { directory: '/etc' }, 'refused', 'That folder is not one of the sessions here.'],
      ['step.run', { stepId: 'P1' }, 'refused', 'Open or create a session first.'],
      ['step.run', { stepId: 'P99' }, 'invalid-request', 'invalid step.run request (stepId)'],
      ['nope', {}, 'unknown-call', 'unknown call nope'],
    ];
    for (const [channel, payload, code, message] of cases) {
      const overIpc = await api.call(channel as never, payload as never).then(
        () => null,
        (error: unknown) => error,
      );
      expect(overIpc, channel).toBeInstanceOf(ApiCallError);
      expect((overIpc as ApiCallError).code).toBe(code);
      expect((overIpc as ApiCallError).message.startsWith(message), (overIpc as Error).message).toBe(true);
      expect((overIpc as Error).message).not.toMatch(/Error invoking remote method/);

      const overWebSocket = await callOverWebSocket(service, channel, payload);
      expect(() => unwrapCallOutcome(overWebSocket)).toThrow(ApiCallError);
      expect(overWebSocket).toEqual({ ok: false, code, error: (overIpc as Error).message });
    }
  });

  it('a call from anywhere but the app window is refused as a value too', async () => {
    const handler = electron.handlers.get('cms-ha:call')!;
    const outcome = await handler(
      { senderFrame: { parent: null, url: 'https://evil.example/' } },
      'sessions.list',
      {},
    );
    expect(outcome).toEqual({
      ok: false,
      code: 'refused',
      error: 'Refused: the call does not come from the app window.',
    });
  });

  it('a value comes back as it is', async () => {
    expect(await api.call('sessions.list', {})).toEqual({ sessions: [] });
  });
});
