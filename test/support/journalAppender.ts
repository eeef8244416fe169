/**
 * Child process for the crash test: appends events to the journal in `argv[2]` as fast as it can, several
 * at a time, and prints `ack <eventCount> <note id>` for each one the journal acknowledged. Runs until killed.
 */
import { SessionJournal } from '../../electron/journal/sessionJournal.ts';

const [directory, run] = process.argv.slice(2);
if (!directory || !run) throw new Error('usage: journalAppender <session-dir> <run-label>');

const journal = await SessionJournal.open(directory);
if (journal.state.session === null) {
  await journal.append({
    type: 'session-created',
    site: 'Crash test site',
    technician: 'Crash',
    customerContact: '',
    training: true,
    at: new Date().toISOString(),
  });
}
process.stdout.write(`opened ${journal.state.eventCount}\n`);

let counter = 0;
for (;;) {
  const batch = Array.from({ length: 4 }, () => {
    const id = `${run}/${++counter}`;
    const text = `${id} ${'.'.repeat(counter % 700)}`.trimEnd();
    return journal
      .append({ type: 'note-added', stepId: null, text, at: new Date().toISOString() })
      .then((seq) => process.stdout.write(`ack ${seq} ${id}\n`));
  });
  await Promise.all(batch);
}
