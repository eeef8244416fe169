import { API_CALLS, isApiCall } from '../../shared/ipc/apiContract.ts';
import type { CallOutcome } from '../../shared/ipc/callOutcome.ts';
import type { ApiHandlers } from './appService.ts';

/** Errors whose message is written for the technician; anything else is reported as an internal error. */
const USER_FACING_ERRORS = new Set([
  'UserFacingError',
  'SessionGuardError',
  'JournalReadOnlyError',
  'SshConnectError',
  'SymbolicLinkError',
]);

/**
 * One call from the renderer, which is not trusted: the channel must be in the contract and the
 * payload must match its schema exactly (unknown keys refused) before any handler runs. Both
 * transports (Electron IPC, the harness WebSocket) go through here, and both carry its outcome as a
 * value.
 */
export async function dispatchApiCall(
  handlers: ApiHandlers,
  channel: unknown,
  payload: unknown,
): Promise<CallOutcome> {
  if (typeof channel !== 'string' || !isApiCall(channel))
    return { ok: false, code: 'unknown-call', error: `unknown call ${String(channel).slice(0, 80)}` };
  const request = API_CALLS[channel].request.strict().safeParse(payload);
  if (!request.success) {
    const issue = request.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    return {
      ok: false,
      code: 'invalid-request',
      error: `invalid ${channel} request${where}: ${issue?.message ?? 'malformed'}`,
    };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(request.data) };
  } catch (error) {
    if (error instanceof Error && USER_FACING_ERRORS.has(error.name))
      return { ok: false, code: 'refused', error: error.message };
    return { ok: false, code: 'internal', error: `internal error: ${String(error)}` };
  }
}
