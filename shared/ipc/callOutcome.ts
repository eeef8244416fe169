/**
 * How every call of the typed API ends, on Electron's IPC and on the harness's WebSocket alike: its value,
 * or a refusal with a code and a message written for the technician. Errors cross the boundary as values,
 * never as exceptions (Electron would wrap those in "Error invoking remote method …").
 */
export type CallRefusalCode =
  /** No such call in the contract. */
  | 'unknown-call'
  /** The payload does not match the call's schema. */
  | 'invalid-request'
  /** The core refused: a session rule, a closed terminal, a server that does not answer… */
  | 'refused'
  /** A bug: the message says so and nothing of its internals is shown. */
  | 'internal';

export type CallOutcome = { ok: true; value: unknown } | { ok: false; code: CallRefusalCode; error: string };

/** A refused call, as the renderer sees it: the core's own message, and its code. */
export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  constructor(
    readonly code: CallRefusalCode,
    message: string,
  ) {
    super(message);
  }
}

/** The value of a call, or its refusal thrown as an ApiCallError with exactly the core's message. */
export function unwrapCallOutcome(outcome: CallOutcome): unknown {
  if (outcome.ok) return outcome.value;
  throw new ApiCallError(outcome.code, outcome.error);
}

/** What Electron's preload exposes to the window: outcomes as values, events by subscription. */
export interface PreloadBridge {
  call(channel: string, request: unknown): Promise<CallOutcome>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
