import { STEP_IDS } from '../procedure/types.ts';
import { isDone, isRunnable } from './stepStatusGroups.ts';
import type { SessionState } from './sessionState.ts';

/** Whether the technician decided to roll back (the rollback window's clock started): the upgrade stops for good. */
export function rollbackBegun(state: SessionState): boolean {
  return state.clocks['rollback-window'].startedAt !== null;
}

/** Whether the rollback is done: ORIG back as it was and collecting data. */
export function rolledBack(state: SessionState): boolean {
  return state.steps.RB.status === 'passed';
}

/** Whether the window offers "Roll back": the day-before backups exist, the upgrade is neither done nor already rolling back. */
export function rollbackOffered(state: SessionState): boolean {
  return (
    isRunnable(state.steps.RB.status) &&
    !rollbackBegun(state) &&
    !STEP_IDS.every((id) => isDone(state.steps[id].status))
  );
}
