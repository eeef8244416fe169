import { PROCEDURE_STEPS } from '../procedure/steps.ts';
import type { StepDefinition, StepId, StepTarget, TapeRole } from '../procedure/types.ts';
import { stepDefinition } from '../procedure/procedureGraph.ts';
import { ROLLBACK_STEP } from '../procedure/rollbackStep.ts';
import { rollbackBegun, rolledBack } from './rollbackState.ts';
import { describePlace } from './tapePlace.ts';
import { runningStepOf, type SessionState } from './sessionState.ts';
import { isDone, isRunnable } from './stepStatusGroups.ts';

/** A tape the next step reads: its role and each registered tape of it with where the register says it is. */
export interface TapeInHand {
  role: TapeRole;
  tapes: { id: string; where: string; condition: string }[];
}

/** What the technician does next in a session: the one thing the window's home shows. */
export type NextAction =
  | { kind: 'running'; stepId: StepId; title: string }
  | {
      kind: 'run';
      stepId: StepId;
      title: string;
      /** True when the step failed or was interrupted before: the window offers "Run again". */
      again: boolean;
      /** Why the last attempt ended, for a step run again. */
      reason: string | null;
      bring: TapeInHand[];
      /** Blank tapes the step writes (a CMSADM backup may need more than one of its role). */
      blanks: TapeRole[];
      /** Where the work happens and with which login. */
      where: string;
    }
  | { kind: 'complete'; endedAt: string | null }
  /** The rollback is done: ORIG is back as it was the day before; the upgrade does not go on. */
  | { kind: 'rolled-back'; endedAt: string | null }
  | { kind: 'stuck'; waitingFor: StepId[] };

const WHERE: Record<StepTarget, (step: StepDefinition) => string> = {
  ORIG: (step) => onServer(step, 'ORIG'),
  NEW: (step) => onServer(step, 'NEW'),
  both: (step) => onServer(step, 'ORIG and NEW'),
  switch: () => 'At the switch administration terminal (the switch administrator’s login).',
  none: () => 'Nothing on the servers: paperwork and the customer.',
};

function onServer(step: StepDefinition, servers: string): string {
  if (step.kind === 'automated') return `The app works on ${servers} over its own SSH connection.`;
  const cms = step.checklist.some((item) => item.selections !== undefined || item.act !== undefined);
  return cms
    ? `On ${servers} as root in a terminal of this app, then the CMS menus (cms).`
    : `On ${servers} as root in a terminal of this app.`;
}

/** The next action of a session: the running step, the first step that can run (in the manual's order), or the end. */
export function nextAction(state: SessionState, runningStep: StepId | null): NextAction {
  const running = runningStep ?? runningStepOf(state);
  if (running) return { kind: 'running', stepId: running, title: stepDefinition(running).title };
  if (rolledBack(state)) return { kind: 'rolled-back', endedAt: state.steps.RB.endedAt };
  // Once the rollback is decided, it is the only way on.
  const next = rollbackBegun(state)
    ? ROLLBACK_STEP
    : PROCEDURE_STEPS.find((step) => isRunnable(state.steps[step.id].status));
  if (next) {
    const run = state.steps[next.id];
    return {
      kind: 'run',
      stepId: next.id,
      title: next.title,
      again: run.status !== 'ready',
      reason: run.status === 'ready' ? null : run.reason,
      bring: next.tapesIn.map((role) => ({
        role,
        tapes: Object.values(state.tapes)
          .filter((tape) => tape.role === role)
          .map((tape) => ({ id: tape.id, where: describePlace(tape.place), condition: tape.condition })),
      })),
      blanks: [...next.tapesOut],
      where: WHERE[next.target](next),
    };
  }
  const open = PROCEDURE_STEPS.filter((step) => !isDone(state.steps[step.id].status));
  if (open.length === 0) {
    const ends = PROCEDURE_STEPS.map((step) => state.steps[step.id].endedAt).filter((at) => at !== null);
    return { kind: 'complete', endedAt: ends.sort().at(-1) ?? null };
  }
  return { kind: 'stuck', waitingFor: open.map((step) => step.id) };
}
