import type { TechnicianAnswer } from '../../shared/ipc/apiContract.ts';
import type { StepId } from '../../shared/procedure/types.ts';
import type { StepQuestionDetail } from '../../shared/session/sessionEvents.ts';
import type { StepProgress } from '../steps/technician.ts';

/** A question of a step, as the journal records it and a window or a terminal asks it. */
export interface AskedQuestion extends StepQuestionDetail {
  stepId: StepId;
  text: string;
}

/**
 * Where a step's questions reach a person: the window (through the question broker), the terminal of
 * `cms-ha run`, or a script. The core journals each question before it is asked here, and the answer
 * after; this side only shows and collects.
 */
export interface TechnicianChannel {
  tell(text: string, stepId: StepId): void;
  progress?(update: StepProgress & { stepId: StepId }): void;
  /** true/false for a confirmation, the typed text for a question, a verdict, null when the technician stops. */
  ask(question: AskedQuestion): Promise<TechnicianAnswer>;
}
