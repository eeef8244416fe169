import { randomUUID } from 'node:crypto';
import type { ApiEventPayload, TechnicianAnswer } from '../../shared/ipc/apiContract.ts';
import { UserFacingError } from './userFacingError.ts';

export type Question = ApiEventPayload<'technician.question'>;
type Answer = TechnicianAnswer;

/** Whether the answer is of the kind the question asks for (null, stopping, always is). */
function answersKind(question: Question, answer: Answer): boolean {
  if (answer === null) return true;
  if (question.kind === 'confirm') return typeof answer === 'boolean';
  if (question.kind === 'ask') return typeof answer === 'string';
  return typeof answer === 'object';
}

/**
 * The questions waiting on the window: each is pushed to it as an event and answered by id. A step's
 * questions are also in the journal (the core records them); the questions of a connection (a host key
 * to confirm, a password) live only here, since a password prompt is nothing to keep.
 */
export class QuestionBroker {
  private readonly pending = new Map<string, { question: Question; resolve: (answer: Answer) => void }>();

  constructor(private readonly push: (question: Question) => void) {}

  ask(question: Omit<Question, 'id'> & { id?: string }): Promise<Answer> {
    const asked: Question = { ...question, id: question.id ?? randomUUID() };
    return new Promise((resolve) => {
      this.pending.set(asked.id, { question: asked, resolve });
      this.push(asked);
    });
  }

  answer(questionId: string, answer: Answer): void {
    const waiting = this.pending.get(questionId);
    if (!waiting) throw new UserFacingError('That question was already answered.');
    if (!answersKind(waiting.question, answer))
      throw new UserFacingError(
        `That answer does not fit the question (it asks for a ${waiting.question.kind}).`,
      );
    this.pending.delete(questionId);
    waiting.resolve(answer);
  }

  /** The questions nobody answered yet, oldest first. */
  get open(): Question[] {
    return [...this.pending.values()].map((waiting) => waiting.question);
  }

  /** Withdraws every open question, as if the technician had stopped. */
  withdrawAll(): void {
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id);
      waiting.resolve(null);
    }
  }
}
