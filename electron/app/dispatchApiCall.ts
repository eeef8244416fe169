import { API_CALLS, isApiCall } from '../../shared/ipc/apiContract.ts';
import type { ApiHandlers } from './appService.ts';

export type CallOutcome = { ok: true; value: unknown } | { ok: false; error: string };

/** Errors whose message is written for the technician; anything else is reported as an internal error. */
const USER_FACING_ERRORS = new Set([
  'UserFacingError',
  'SessionGuardError',
  'JournalReadOnlyError',
  'SshConnectError',
]);

/**
 * One call from the renderer, which is not trusted: the channel must be in the contract and the
 * payload must match its schema exactly (unknown keys refused) before any handler runs. Both
 * transports (Electron IPC, the harness WebSocket) go through here.
 */
export async function dispatchApiCall(
  handlers: ApiHandlers,
  channel: unknown,
  payload: unknown,
): Promise<CallOutcome> {
  if (typeof channel !== 'string' || !isApiCall(channel))
    return { ok: false, error: `unknown call ${String(channel)}` };
  const request = API_CALLS[channel].request.strict().safeParse(payload);
  if (!request.success) {
    const issue = request.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    return { ok: false, error: `invalid ${channel} request${where}: ${issue?.message ?? 'malformed'}` };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(request.data) };
  } catch (error) {
    const userFacing = error instanceof Error && USER_FACING_ERRORS.has(error.name);
    return { ok: false, error: userFacing ? (error as Error).message : `internal error: ${String(error)}` };
  }
}
