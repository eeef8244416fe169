import { PROCEDURE_STEPS } from '../procedure/steps.ts';
import { MINIMUM_TAPES } from '../procedure/siteConsiderations.ts';
import { TAPE_ROLE_DEFINITIONS, tapeFate } from '../procedure/tapeRoles.ts';
import { rollbackBegun } from '../session/rollbackState.ts';
import type { Phase, ServerRole, StepId, TapeRole } from '../procedure/types.ts';
import type { SessionState } from '../session/sessionState.ts';
import { describePlace } from '../session/tapePlace.ts';

export interface ChecklistTape {
  role: TapeRole;
  title: string;
  server: ServerRole;
  writtenBy: StepId;
  usedBy: StepId[];
  afterUpgrade: 'keep' | 'reusable';
  /** The tapes of this role registered so far (a CMSADM set may have several). */
  tapeIds: string[];
  /** Each of them with where it is now, as the register says ("DDS4-01: drive of ORIG"). */
  whereabouts: string[];
}

export interface TapeChecklistDay {
  phase: Phase;
  title: string;
  /** Blank tapes this day writes, one per role at least: a CMSADM backup may need more than one. */
  toWrite: ChecklistTape[];
  /** Tapes written on an earlier day that this day reads. */
  toBring: ChecklistTape[];
}

export interface TapeChecklist {
  minimumTapes: string;
  days: TapeChecklistDay[];
  /** After D9 the customer keeps these… */
  keep: ChecklistTape[];
  /** …and may return these to the nightly maintenance rotation (manual, p. 46). */
  reusable: ChecklistTape[];
}

const DAY_TITLES: Record<Exclude<Phase, 'rollback'>, string> = {
  'day-before': 'The day before',
  'upgrade-day': 'Upgrade day',
};

/** Which tapes to bring each day, which are written when, and which to keep or reuse after the upgrade. */
export function tapeChecklist(state: SessionState): TapeChecklist {
  const phaseOf = (stepId: StepId) => PROCEDURE_STEPS.find((step) => step.id === stepId)!.phase;
  const tapes: ChecklistTape[] = TAPE_ROLE_DEFINITIONS.map((definition) => ({
    role: definition.role,
    title: definition.title,
    server: definition.server,
    writtenBy: definition.producedBy,
    usedBy: PROCEDURE_STEPS.filter((step) => step.tapesIn.includes(definition.role)).map((step) => step.id),
    afterUpgrade: tapeFate(definition.role, rollbackBegun(state)),
    tapeIds: Object.values(state.tapes)
      .filter((tape) => tape.role === definition.role)
      .map((tape) => tape.id),
    whereabouts: Object.values(state.tapes)
      .filter((tape) => tape.role === definition.role)
      // A tape overwritten, lost or discarded says so: it is not the backup it was written as any more.
      .map(
        (tape) =>
          `${tape.id}: ${describePlace(tape.place)}${tape.condition === 'intact' ? '' : ` (${tape.condition.toUpperCase()}: not a backup to keep)`}`,
      ),
  }));
  const days = (['day-before', 'upgrade-day'] as const).map((phase) => ({
    phase,
    title: DAY_TITLES[phase],
    toWrite: tapes.filter((tape) => phaseOf(tape.writtenBy) === phase),
    toBring: tapes.filter(
      (tape) => phaseOf(tape.writtenBy) !== phase && tape.usedBy.some((stepId) => phaseOf(stepId) === phase),
    ),
  }));
  return {
    minimumTapes: MINIMUM_TAPES.text,
    days,
    keep: tapes.filter((tape) => tape.afterUpgrade === 'keep'),
    reusable: tapes.filter((tape) => tape.afterUpgrade === 'reusable'),
  };
}
