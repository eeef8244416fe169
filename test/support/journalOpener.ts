/**
 * Child process for the lock race test: each time a line arrives on stdin it opens the journal in
 * `argv[2]`, appends one note when it opened writable, closes, and prints what it got as one JSON line.
 */
import { createInterface } from 'node:readline';
import { SessionJournal } from '../../electron/journal/sessionJournal.ts';

const [directory, name] = process.argv.slice(2);
if (!directory || !name) throw new Error('usage: journalOpener <session-dir> <name>');

process.stdout.write('ready\n');
for await (const round of createInterface({ input: process.stdin })) {
  const journal = await SessionJournal.open(directory);
  let wrote = false;
  if (!journal.readOnly) {
    await journal.append({
      type: 'note-added',
      stepId: null,
      text: `${name} ${round}`,
      at: new Date().toISOString(),
    });
    wrote = true;
  }
  await journal.close();
  process.stdout.write(`${JSON.stringify({ wrote, problem: journal.openReport.problem?.reason ?? null })}\n`);
}
