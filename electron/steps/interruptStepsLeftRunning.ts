import { stepDefinition } from '../../shared/procedure/procedureGraph.ts';
import type { ServerRole, StepId } from '../../shared/procedure/types.ts';
import { STEP_IDS } from '../../shared/procedure/types.ts';
import type { SessionJournal } from '../journal/sessionJournal.ts';

/**
 * When the connection to a server drops, every step running on that server becomes `interrupted`,
 * with the reason. Nothing re-runs it: only the technician can start it again.
 */
export function interruptStepsOnServer(
  journal: SessionJournal,
  server: ServerRole,
  reason: string,
  at = new Date(),
): Promise<StepId[]> {
  return interruptRunningSteps(journal, reason, at, (stepId) => {
    const target = stepDefinition(stepId).target;
    return target === server || target === 'both';
  });
}

/**
 * A session opened by a process in which none of its steps runs, yet whose journal shows a step
 * running: the app that ran it stopped (killed, crashed, power lost). That step is `interrupted`
 * now, with the reason, so the technician checks the server before running it again.
 */
export function interruptStepsLeftRunning(journal: SessionJournal, at = new Date()): Promise<StepId[]> {
  return interruptRunningSteps(
    journal,
    'the app stopped while this step ran (found when the session was opened again): check the server before running it again',
    at,
    () => true,
  );
}

async function interruptRunningSteps(
  journal: SessionJournal,
  reason: string,
  at: Date,
  concerns: (stepId: StepId) => boolean,
): Promise<StepId[]> {
  const interrupted: StepId[] = [];
  if (journal.readOnly) return interrupted;
  for (const stepId of STEP_IDS) {
    const run = journal.state.steps[stepId];
    if (run.status !== 'running' && run.status !== 'awaiting-technician') continue;
    if (!concerns(stepId)) continue;
    await journal.append({ type: 'step-interrupted', stepId, reason, at: at.toISOString() });
    interrupted.push(stepId);
  }
  return interrupted;
}
