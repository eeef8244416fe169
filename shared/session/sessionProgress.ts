import { PROCEDURE_STEPS } from '../procedure/steps.ts';
import type { StepId } from '../procedure/types.ts';
import { nextAction } from './nextAction.ts';
import { rollbackBegun } from './rollbackState.ts';
import type { SessionState } from './sessionState.ts';
import { isDone } from './stepStatusGroups.ts';

/** Where a session stands, as the list of sessions shows it. */
export interface SessionProgress {
  status: 'not-started' | 'in-progress' | 'failed' | 'complete' | 'rolling-back' | 'rolled-back';
  done: number;
  of: number;
  /** The step that failed (status `failed`), else the step to run next, when there is one. */
  next: StepId | null;
}

/** How far a session got: steps done, the next step, and whether the last attempt of it failed. */
export function sessionProgress(state: SessionState): SessionProgress {
  const done = PROCEDURE_STEPS.filter((step) => isDone(state.steps[step.id].status)).length;
  const failed = PROCEDURE_STEPS.find((step) =>
    ['failed', 'interrupted'].includes(state.steps[step.id].status),
  );
  const action = nextAction(state, null);
  const next = action.kind === 'run' || action.kind === 'running' ? action.stepId : null;
  if (action.kind === 'rolled-back')
    return { status: 'rolled-back', done, of: PROCEDURE_STEPS.length, next: null };
  if (rollbackBegun(state)) return { status: 'rolling-back', done, of: PROCEDURE_STEPS.length, next: 'RB' };
  if (action.kind === 'complete') return { status: 'complete', done, of: PROCEDURE_STEPS.length, next: null };
  if (failed) return { status: 'failed', done, of: PROCEDURE_STEPS.length, next: failed.id };
  return {
    status: done === 0 && action.kind === 'run' ? 'not-started' : 'in-progress',
    done,
    of: PROCEDURE_STEPS.length,
    next,
  };
}

/** The progress as words: "complete", "D2 failed: 7 of 17 steps done", "7 of 17 steps done, next D3". */
export function describeSessionProgress(progress: SessionProgress | null): string {
  if (progress === null) return 'state unreadable';
  switch (progress.status) {
    case 'complete':
      return 'complete';
    case 'rolled-back':
      return `rolled back after ${progress.done} of ${progress.of} steps`;
    case 'rolling-back':
      return `rolling back after ${progress.done} of ${progress.of} steps`;
    case 'not-started':
      return 'not started';
    case 'failed':
      return `${progress.next} failed, ${progress.done} of ${progress.of} steps done`;
    case 'in-progress':
      return `${progress.done} of ${progress.of} steps done${progress.next ? `, next ${progress.next}` : ''}`;
  }
}
