import { PROCEDURE_STEPS } from './steps.ts';
import type { Phase, StepId, StepKind, StepTarget, TapeRole } from './types.ts';

/** One line of the plan: what `cms-ha plan --json` prints for each step. */
export interface PlanStepSummary {
  id: StepId;
  phase: Phase;
  title: string;
  server: StepTarget;
  kind: StepKind;
  prerequisites: StepId[];
  tapesIn: TapeRole[];
  tapesOut: TapeRole[];
  skippable: boolean;
  manual: string[];
}

export function planSummary(): PlanStepSummary[] {
  return PROCEDURE_STEPS.map((step) => ({
    id: step.id,
    phase: step.phase,
    title: step.title,
    server: step.target,
    kind: step.kind,
    prerequisites: [...step.prerequisites],
    tapesIn: [...step.tapesIn],
    tapesOut: [...step.tapesOut],
    skippable: step.skippable === true,
    manual: step.manual.map((ref) => `${ref.section} (p. ${ref.page})`),
  }));
}
