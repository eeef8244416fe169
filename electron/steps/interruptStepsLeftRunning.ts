import type { StepId } from '../../shared/procedure/types.ts';
import { ALL_STEP_IDS } from '../../shared/procedure/types.ts';
import type { SessionJournal } from '../journal/sessionJournal.ts';

/**
 * A session opened by a process in which none of its steps runs, yet whose journal shows a step
 * running: the app that ran it stopped (killed, crashed, power lost). That step is `interrupted`
 * now, with the reason, so the technician checks the server before running it again.
 */
export async function interruptStepsLeftRunning(journal: SessionJournal, at = new Date()): Promise<StepId[]> {
  const reason =
    'the app stopped while this step ran (found when the session was opened again): check the server before running it again';
  const interrupted: StepId[] = [];
  if (journal.readOnly) return interrupted;
  for (const stepId of ALL_STEP_IDS) {
    const run = journal.state.steps[stepId];
    if (run.status !== 'running' && run.status !== 'awaiting-technician') continue;
    await journal.append({ type: 'step-interrupted', stepId, reason, at: at.toISOString() });
    interrupted.push(stepId);
  }
  return interrupted;
}
