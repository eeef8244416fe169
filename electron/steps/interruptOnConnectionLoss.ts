import { stepDefinition } from '../../shared/procedure/procedureGraph.ts';
import type { ServerRole, StepId } from '../../shared/procedure/types.ts';
import { STEP_IDS } from '../../shared/procedure/types.ts';
import type { SessionJournal } from '../journal/sessionJournal.ts';

/**
 * When the connection to a server drops, every step running on that server becomes `interrupted`,
 * with the reason. Nothing re-runs it: only the technician can start it again.
 */
export async function interruptStepsOnServer(
  journal: SessionJournal,
  server: ServerRole,
  reason: string,
  at = new Date(),
): Promise<StepId[]> {
  const interrupted: StepId[] = [];
  for (const stepId of STEP_IDS) {
    const run = journal.state.steps[stepId];
    if (run.status !== 'running' && run.status !== 'awaiting-technician') continue;
    const target = stepDefinition(stepId).target;
    if (target !== server && target !== 'both') continue;
    await journal.append({ type: 'step-interrupted', stepId, reason, at: at.toISOString() });
    interrupted.push(stepId);
  }
  return interrupted;
}
