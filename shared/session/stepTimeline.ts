import { stepDefinition } from '../procedure/procedureGraph.ts';
import type { StepId, StepTarget } from '../procedure/types.ts';
import type { SessionEvent } from './sessionEvents.ts';

/** The timeline's rows: the two servers, the switch, and the technician's own work (no server). */
export const TIMELINE_LANES = ['ORIG', 'NEW', 'switch', 'technician'] as const;
export type TimelineLane = (typeof TIMELINE_LANES)[number];

export type AttemptOutcome = 'running' | 'passed' | 'failed' | 'interrupted';

/** One attempt of one step: when it started, when and how it ended. */
export interface StepAttempt {
  stepId: StepId;
  attempt: number;
  lanes: readonly TimelineLane[];
  startedAt: string;
  endedAt: string | null;
  outcome: AttemptOutcome;
  /** Why a failed or interrupted attempt ended. */
  reason: string | null;
}

export function lanesOfTarget(target: StepTarget): TimelineLane[] {
  switch (target) {
    case 'ORIG':
    case 'NEW':
    case 'switch':
      return [target];
    case 'both':
      return ['ORIG', 'NEW'];
    case 'none':
      return ['technician'];
    default: {
      const unknown: never = target;
      throw new Error(`Unknown step target ${String(unknown)}`);
    }
  }
}

const OUTCOME_OF_EVENT: Partial<Record<SessionEvent['type'], AttemptOutcome>> = {
  'step-passed': 'passed',
  'step-failed': 'failed',
  'step-interrupted': 'interrupted',
};

/** Every step attempt of a session, in the order they started (what ran when, on which server). */
export function stepTimeline(events: Iterable<SessionEvent>): StepAttempt[] {
  const attempts: StepAttempt[] = [];
  const open = new Map<StepId, number>();
  const count = new Map<StepId, number>();
  for (const event of events) {
    if (event.type === 'step-started') {
      const attempt = (count.get(event.stepId) ?? 0) + 1;
      count.set(event.stepId, attempt);
      open.set(event.stepId, attempts.length);
      attempts.push({
        stepId: event.stepId,
        attempt,
        lanes: lanesOfTarget(stepDefinition(event.stepId).target),
        startedAt: event.at,
        endedAt: null,
        outcome: 'running',
        reason: null,
      });
      continue;
    }
    const outcome = OUTCOME_OF_EVENT[event.type];
    if (!outcome || !('stepId' in event) || event.stepId === null) continue;
    const index = open.get(event.stepId);
    if (index === undefined) continue;
    const reason = 'reason' in event ? event.reason : null;
    attempts[index] = { ...attempts[index]!, endedAt: event.at, outcome, reason };
    open.delete(event.stepId);
  }
  return attempts;
}
