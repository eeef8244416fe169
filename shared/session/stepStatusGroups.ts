import type { StepStatus } from './sessionState.ts';

/** A step that counts as done: later steps may start, and the upgrade is complete once every step is. */
export function isDone(status: StepStatus): boolean {
  return status === 'passed' || status === 'skipped';
}

/** A step the technician can start now: ready, or run again after a failure or an interruption. */
export function isRunnable(status: StepStatus): boolean {
  return status === 'ready' || status === 'failed' || status === 'interrupted';
}
