import { tapeRoleDefinition } from './tapeRoles.ts';
import { ROLLBACK_STEP } from './rollbackStep.ts';
import { PROCEDURE_STEPS } from './steps.ts';
import type { StepDefinition, StepId } from './types.ts';

const STEPS_BY_ID = new Map<StepId, StepDefinition>(
  [...PROCEDURE_STEPS, ROLLBACK_STEP].map((step) => [step.id, step]),
);

export function stepDefinition(id: StepId): StepDefinition {
  const step = STEPS_BY_ID.get(id);
  if (!step) throw new Error(`Unknown step ${id}`);
  return step;
}

/** Every step that must be done before `id`, directly or through other steps. */
export function transitivePrerequisites(id: StepId): Set<StepId> {
  const seen = new Set<StepId>();
  const pending = [...stepDefinition(id).prerequisites];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    pending.push(...stepDefinition(next).prerequisites);
  }
  return seen;
}

/** The step that produces the tapes a step consumes, for each tape it consumes. */
export function producersOfConsumedTapes(id: StepId): StepId[] {
  return stepDefinition(id).tapesIn.map((role) => tapeRoleDefinition(role).producedBy);
}
