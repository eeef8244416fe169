import { PROCEDURE_STEPS } from '../procedure/steps.ts';
import type { ServerRole, StepId } from '../procedure/types.ts';
import type { SessionState } from './sessionState.ts';

/**
 * The CMS state a server was last put in, as the technician's ticks record it (System Setup > CMS
 * State items), or null when no tick says. The procedure's order is the order these happen in.
 */
export function recordedCmsState(
  state: SessionState,
  server: ServerRole,
): { mode: 'single-user' | 'multi-user'; stepId: StepId } | null {
  let last: { mode: 'single-user' | 'multi-user'; stepId: StepId } | null = null;
  for (const step of PROCEDURE_STEPS) {
    if (step.target !== server) continue;
    for (const item of step.checklist)
      if (item.act?.kind === 'cms-state' && state.steps[step.id].checkedItems.includes(item.id))
        last = { mode: item.act.mode, stepId: step.id };
  }
  return last;
}
