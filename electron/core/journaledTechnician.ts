import { randomUUID } from 'node:crypto';
import type { StepId } from '../../shared/procedure/types.ts';
import type { StepQuestionDetail } from '../../shared/session/sessionEvents.ts';
import type { SessionJournal } from '../journal/sessionJournal.ts';
import type { Technician } from '../steps/technician.ts';
import type { TechnicianChannel } from './technicianChannel.ts';

/**
 * The technician a running step talks to: every question is journaled as the step waiting on it
 * (`step-awaiting-technician`, with what a window needs to ask it again after a reload) before it is
 * asked, and as answered (`step-resumed`) after. Interrupting the step withdraws the question.
 */
export function journaledTechnician(
  stepId: StepId,
  journal: Pick<SessionJournal, 'append'>,
  channel: TechnicianChannel,
  interruption: Promise<never>,
  /** In a training session: the keys that do a checklist item on the simulated pair, if it is done in CMS. */
  trainingKeys: (itemId: string) => string[] | null = () => null,
): Technician {
  const ask = async (text: string, detail: Omit<StepQuestionDetail, 'id'>) => {
    const id = randomUUID();
    await journal.append({
      type: 'step-awaiting-technician',
      stepId,
      question: text,
      detail: { id, ...detail },
      at: new Date().toISOString(),
    });
    const answer = await Promise.race([channel.ask({ id, stepId, text, ...detail }), interruption]);
    await journal.append({ type: 'step-resumed', stepId, questionId: id, at: new Date().toISOString() });
    return answer;
  };
  const plain = { server: null, tape: null, checklistItem: null, secret: false, reading: null } as const;
  return {
    tell: (text) => channel.tell(text, stepId),
    progress: (update) => channel.progress?.({ stepId, ...update }),
    confirm: async (text, item) => {
      const keys = item ? trainingKeys(item.itemId) : null;
      const detail = { ...plain, kind: 'confirm', checklistItem: item?.itemId ?? null } as const;
      return (await ask(text, keys ? { ...detail, trainingKeys: keys } : detail)) === true;
    },
    ask: async (question, request) => {
      const answer = await ask(question, {
        ...plain,
        kind: 'ask',
        tape:
          request?.kind === 'insert-tape'
            ? { purpose: request.purpose, tapeNumber: request.tapeNumber, device: request.device }
            : null,
        secret: request?.kind === 'secret',
        ...(request?.kind === 'date-time' ? { answerAs: 'date-time' as const } : {}),
        ...(request?.kind === 'sign-off' ? { signOffBy: request.party } : {}),
      });
      return typeof answer === 'string' ? answer : null;
    },
    judge: async (server, reading) => {
      const answer = await ask(`${reading.about}: does it look right?`, {
        ...plain,
        kind: 'verdict',
        server,
        reading,
      });
      return answer !== null && typeof answer === 'object' ? answer : null;
    },
  };
}
