export type GuardErrorCode =
  | 'session-not-created'
  | 'session-already-created'
  | 'prerequisites-not-met'
  | 'illegal-transition'
  | 'skip-refused'
  | 'skip-needs-reason'
  | 'unknown-checklist-item'
  | 'unknown-tape'
  | 'duplicate-tape'
  | 'tape-not-produced-by-step'
  | 'wrong-tape-role'
  | 'tape-not-loaded'
  | 'migration-not-in-step'
  | 'migration-repeated'
  | 'migration-out-of-order'
  | 'migration-not-recorded'
  | 'migrations-incomplete'
  | 'tapes-not-registered'
  | 'correction-without-detail'
  | 'upgrade-not-complete'
  | 'rolled-back'
  | 'upgrade-complete';

/** An event the session's rules refuse. It is never journaled; the message tells the technician why. */
export class SessionGuardError extends Error {
  override readonly name = 'SessionGuardError';
  constructor(
    readonly code: GuardErrorCode,
    message: string,
  ) {
    super(message);
  }
}
