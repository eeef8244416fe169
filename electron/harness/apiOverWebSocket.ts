import type { WebSocket } from 'ws';
import { API_CALLS, isApiCall, wireMessageSchema, type WireMessage } from '../../shared/ipc/apiContract.ts';
import type { ApiHandlers } from '../app/appService.ts';

/** Errors whose message is written for the technician; anything else is reported as an internal error. */
const USER_FACING_ERRORS = new Set([
  'UserFacingError',
  'SessionGuardError',
  'JournalReadOnlyError',
  'SshConnectError',
]);

/**
 * Serves the typed API on one WebSocket: each call is validated against the contract (the renderer is
 * not trusted), handled by the same handlers Electron's IPC uses, and answered with its result or an
 * error message the technician can read.
 */
export function serveApiOnSocket(socket: WebSocket, handlers: ApiHandlers): void {
  const send = (message: WireMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  socket.on('message', async (data) => {
    let message: WireMessage;
    try {
      message = wireMessageSchema.parse(JSON.parse(String(data)));
    } catch {
      socket.close(1003, 'malformed message');
      return;
    }
    if (message.type !== 'call') return;
    const { id, channel } = message;
    if (!isApiCall(channel)) return send({ type: 'result', id, ok: false, error: `unknown call ${channel}` });
    const request = API_CALLS[channel].request.safeParse(message.payload);
    if (!request.success) {
      return send({
        type: 'result',
        id,
        ok: false,
        error: `invalid ${channel} request: ${request.error.issues[0]?.message ?? ''}`,
      });
    }
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      send({ type: 'result', id, ok: true, value: await handler(request.data) });
    } catch (error) {
      const userFacing = error instanceof Error && USER_FACING_ERRORS.has(error.name);
      const text = userFacing ? (error as Error).message : `internal error: ${String(error)}`;
      send({ type: 'result', id, ok: false, error: text });
    }
  });
}

export function broadcastEvent(sockets: Iterable<WebSocket>, name: string, payload: unknown): void {
  const text = JSON.stringify({ type: 'event', name, payload } satisfies WireMessage);
  for (const socket of sockets) if (socket.readyState === socket.OPEN) socket.send(text);
}
