import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { TechnicianAnswer } from '../../shared/ipc/apiContract.ts';
import { checklistItemAct, type ChecklistAct } from '../../shared/procedure/checklistActs.ts';
import { stepDefinition } from '../../shared/procedure/procedureGraph.ts';
import type { ServerRole, StepId } from '../../shared/procedure/types.ts';
import { verdictSchema } from '../../shared/session/sessionEvents.ts';
import type { AskedQuestion, TechnicianChannel } from '../core/technicianChannel.ts';

/** One line `cms-ha run --technician jsonl` prints on stdout: something to read, or a question to answer. */
export interface JsonlQuestion {
  id: string;
  step: StepId;
  kind: 'tell' | 'confirm' | 'ask' | 'secret' | 'verdict' | 'tape';
  text: string;
  server?: ServerRole;
  /** The checklist item a confirmation ticks (its id in `cms-ha plan --json`). */
  item?: string;
  /** The irreversible act the confirmation says was done. */
  act?: ChecklistAct;
  /** For a tape: a blank one to write, or a tape of this backup again to verify. */
  tape?: { wants: 'blank' | 'this-backup'; tapeNumber: number; device: string | null };
  /** For a verdict: the output to judge and what the manual says to look for. */
  raw?: string;
  lookFor?: string;
  /** For an ask: the answer is the name of this person (their role), who signs off what was just confirmed. */
  signOffBy?: string;
}

const answerLine = z.object({
  id: z.string(),
  answer: z.union([z.boolean(), z.string().max(4000), verdictSchema, z.null()]),
});

function kindOf(question: AskedQuestion): JsonlQuestion['kind'] {
  if (question.kind !== 'ask') return question.kind;
  if (question.tape) return 'tape';
  return question.secret ? 'secret' : 'ask';
}

/** Whether an answer is what the kind of question takes. */
function fits(kind: JsonlQuestion['kind'], answer: TechnicianAnswer): boolean {
  if (answer === null) return true;
  if (kind === 'confirm') return typeof answer === 'boolean';
  if (kind === 'verdict') return typeof answer === 'object';
  return typeof answer === 'string';
}

function questionLine(question: AskedQuestion): JsonlQuestion {
  const kind = kindOf(question);
  const line: JsonlQuestion = { id: question.id, step: question.stepId, kind, text: question.text };
  if (question.server) line.server = question.server;
  if (question.checklistItem) {
    line.item = question.checklistItem;
    const definition = stepDefinition(question.stepId);
    const item = definition.checklist.find((candidate) => candidate.id === question.checklistItem);
    const act = item ? checklistItemAct(definition, item) : null;
    if (act) line.act = act;
  }
  if (question.tape) {
    const { purpose, tapeNumber, device } = question.tape;
    line.tape = { wants: purpose === 'write' ? 'blank' : 'this-backup', tapeNumber, device };
  }
  if (question.signOffBy) line.signOffBy = question.signOffBy;
  if (question.reading) {
    line.raw = question.reading.raw;
    line.lookFor = question.reading.lookFor;
  }
  return line;
}

/**
 * A scriptable technician: every question a step asks is one JSON line out, every answer one JSON line
 * in (`{"id", "answer"}`: true/false, text, `{"verdict", "reason"}`, or null to stop). A line that does not
 * answer the open question is refused on stderr and the question stays open; the end of input stops.
 */
export function jsonlChannel(options: {
  readLine: () => Promise<string | null>;
  writeLine: (line: string) => void;
  say: (text: string) => void;
}): TechnicianChannel {
  const { readLine, writeLine, say } = options;
  return {
    tell: (text, stepId) =>
      writeLine(
        JSON.stringify({ id: randomUUID(), step: stepId, kind: 'tell', text } satisfies JsonlQuestion),
      ),
    progress: (update) => say(`${update.server}: ${update.text}\n`),
    ask: async (question) => {
      const line = questionLine(question);
      writeLine(JSON.stringify(line));
      for (;;) {
        const input = await readLine();
        if (input === null) return null;
        if (input.trim() === '') continue;
        let parsed: ReturnType<typeof answerLine.safeParse>;
        try {
          parsed = answerLine.safeParse(JSON.parse(input));
        } catch {
          say(`Not a JSON line; still waiting for an answer to ${line.id}.\n`);
          continue;
        }
        if (!parsed.success || parsed.data.id !== line.id || !fits(line.kind, parsed.data.answer)) {
          say(`Not an answer to the open question ${line.id} (a ${line.kind}); still waiting for one.\n`);
          continue;
        }
        return parsed.data.answer;
      }
    },
  };
}
