import type {
  ApiCall,
  ApiEvent,
  ApiEventPayload,
  ApiRequest,
  ApiResponse,
  CmsHaApi,
  WireMessage,
} from '../../../shared/ipc/apiContract.ts';
import { unwrapCallOutcome } from '../../../shared/ipc/callOutcome.ts';

/**
 * The typed API over the browser harness's WebSocket: same calls and events as Electron's preload,
 * authenticated by the per-run token the harness put in the page address (#token=…).
 */
export function connectWebSocketApi(location: Location): CmsHaApi {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  const socket = new WebSocket(`ws://${location.host}/api?token=${encodeURIComponent(token)}`);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener(
      'error',
      () => reject(new Error('The app core is not reachable (browser harness stopped?).')),
      { once: true },
    );
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  socket.addEventListener('message', (message: MessageEvent<string>) => {
    const data = JSON.parse(message.data) as WireMessage;
    if (data.type === 'result') {
      const call = pending.get(data.id);
      pending.delete(data.id);
      try {
        call?.resolve(unwrapCallOutcome(data));
      } catch (error) {
        call?.reject(error as Error);
      }
    } else if (data.type === 'event') {
      for (const listener of listeners.get(data.name) ?? []) listener(data.payload);
    }
  });
  socket.addEventListener('close', () => {
    for (const call of pending.values()) call.reject(new Error('The connection to the app core closed.'));
    pending.clear();
  });

  return {
    async call<C extends ApiCall>(channel: C, request: ApiRequest<C>): Promise<ApiResponse<C>> {
      await opened;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        socket.send(JSON.stringify({ type: 'call', id, channel, payload: request } satisfies WireMessage));
      });
    },
    on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}
