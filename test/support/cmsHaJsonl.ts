import { spawn } from 'node:child_process';
import { CLI_ENV, CMS_HA_CLI } from './runCmsHa.ts';
import type { JsonlQuestion } from '../../electron/cli/jsonlTechnician.ts';

/**
 * `cms-ha <args> --technician jsonl` driven as a support script would: every question line on stdout
 * answered, in order, by `answer` (a `tell` is passed to it too, and needs no answer).
 */
export async function cmsHaJsonl(
  args: readonly string[],
  env: Record<string, string>,
  answer: (question: JsonlQuestion) => unknown,
): Promise<{ code: number; lines: JsonlQuestion[]; partial: string; stderr: string }> {
  const child = spawn(process.execPath, [CMS_HA_CLI, ...args, '--technician', 'jsonl'], {
    env: { ...CLI_ENV, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: JsonlQuestion[] = [];
  let partial = '';
  let stderr = '';
  let answering = Promise.resolve();
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    partial += text;
    const complete = partial.split('\n');
    partial = complete.pop()!;
    for (const line of complete) {
      const question = JSON.parse(line) as JsonlQuestion;
      lines.push(question);
      answering = answering.then(async () => {
        const given = await answer(question);
        if (question.kind !== 'tell')
          child.stdin.write(`${JSON.stringify({ id: question.id, answer: given })}\n`);
      });
    }
  });
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return { code, lines, partial, stderr };
}
