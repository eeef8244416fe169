import type { WebSocket } from 'ws';
import { wireMessageSchema, type WireMessage } from '../../shared/ipc/apiContract.ts';
import type { ApiHandlers } from '../app/appService.ts';
import { dispatchApiCall } from '../app/dispatchApiCall.ts';

/**
 * Serves the typed API on one WebSocket: each call is validated against the contract (the renderer is
 * not trusted), handled by the same handlers Electron's IPC uses, and answered with its result or an
 * error message the technician can read.
 */
export function serveApiOnSocket(socket: WebSocket, handlers: ApiHandlers): void {
  const send = (message: WireMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  socket.on('message', (data) => {
    let message: WireMessage;
    try {
      message = wireMessageSchema.parse(JSON.parse(String(data)));
    } catch {
      socket.close(1003, 'malformed message');
      return;
    }
    if (message.type !== 'call') return;
    const { id } = message;
    // dispatchApiCall turns every failure into an outcome; a rejection here would be a bug, said as one.
    dispatchApiCall(handlers, message.channel, message.payload).then(
      (outcome) => send({ type: 'result', id, ...outcome }),
      (error: unknown) =>
        send({ type: 'result', id, ok: false, code: 'internal', error: `internal error: ${String(error)}` }),
    );
  });
}

export function broadcastEvent(sockets: Iterable<WebSocket>, name: string, payload: unknown): void {
  const text = JSON.stringify({ type: 'event', name, payload } satisfies WireMessage);
  for (const socket of sockets) if (socket.readyState === socket.OPEN) socket.send(text);
}
