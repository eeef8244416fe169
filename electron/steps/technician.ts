import type { ServerRole, StepId } from '../../shared/procedure/types.ts';
import type { Reading, Verdict } from '../../shared/session/sessionEvents.ts';
import type { TechnicianRequest } from '../ssh/dialogEngine.ts';

/**
 * Everything a step needs from the person at the keyboard. The app shows these in its step view; the
 * headless `cms-ha run` asks on the terminal; tests script them.
 */
export interface Technician {
  /** Information: instructions, the manual's cautions, verdicts. */
  tell(text: string): void;
  /** A yes/no confirmation that a manual action was done; `item` names the checklist item it ticks. */
  confirm(text: string, item?: { stepId: StepId; itemId: string }): Promise<boolean>;
  /** A free answer (a tape id, a time); null means the technician stopped. */
  ask(question: string, request?: TechnicianRequest): Promise<string | null>;
  /**
   * Output no parser recognised, shown raw beside what the manual says to look for: the technician's
   * verdict, or null when they stop.
   */
  judge(server: ServerRole | null, reading: Reading): Promise<Verdict | null>;
  /** How a long operation is getting on (a backup writing or verifying tapes); optional to show. */
  progress?(update: StepProgress): void;
}

export interface StepProgress {
  server: ServerRole;
  text: string;
  /** Blocks the console reported written so far, when it said. */
  blocks: number | null;
}
