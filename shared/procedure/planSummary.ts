import { ROLLBACK_STEP } from './rollbackStep.ts';
import { PROCEDURE_STEPS } from './steps.ts';
import { checklistItemAct, type ChecklistAct } from './checklistActs.ts';
import type { MenuSelections, Phase, StepId, StepKind, StepTarget, TapeRole } from './types.ts';

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
  /** What the step asks the technician to confirm, by id (the `item` of `--technician jsonl`). */
  checklist: { id: string; text: string; selections: MenuSelections | null; act: ChecklistAct | null }[];
}

/** Every step of the upgrade, then the way back (RB), which runs only if the technician decides on it. */
export function planSummary(): PlanStepSummary[] {
  return [...PROCEDURE_STEPS, ROLLBACK_STEP].map((step) => ({
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
    checklist: step.checklist.map((item) => ({
      id: item.id,
      text: item.text,
      selections: item.selections ?? null,
      act: checklistItemAct(step, item),
    })),
  }));
}
