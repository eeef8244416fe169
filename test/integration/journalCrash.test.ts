import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { createSessionFolder } from '../../electron/journal/sessionFolders.ts';
import { SessionJournal } from '../../electron/journal/sessionJournal.ts';
import { useTempDirs } from '../support/tempDir.ts';

const tempDir = useTempDirs();
const APPENDER = new URL('../support/journalAppender.ts', import.meta.url).pathname;

/** Runs the appender until it has acknowledged `acksBeforeKill` events, then SIGKILLs it mid-append. */
async function appendUntilKilled(directory: string, run: string, acksBeforeKill: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', APPENDER, directory, run], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acked: string[] = [];
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    const match = /^ack \d+ (\S+)$/.exec(line);
    if (!match) continue;
    acked.push(match[1]!);
    if (acked.length === acksBeforeKill) child.kill('SIGKILL');
  }
  expect(await exited).toBe('SIGKILL');
  return acked;
}

describe('journal crash safety', () => {
  it('loses no acknowledged event when the writer is killed in the middle of appends, crash after crash', async () => {
    const directory = await createSessionFolder(await tempDir(), 'Crash test site', '2026-11-23');
    const everAcked: string[] = [];
    for (const [run, acksBeforeKill] of [25, 180, 7, 400, 60].entries()) {
      const acked = await appendUntilKilled(directory, `run${run}`, acksBeforeKill);
      expect(acked.length).toBeGreaterThanOrEqual(acksBeforeKill);
      everAcked.push(...acked);

      const journal = await SessionJournal.open(directory);
      expect(journal.openReport.problem).toBeNull();
      expect(journal.readOnly).toBe(false);
      const noted = journal.state.notes.map((note) => note.text.split(' ')[0]!);
      const present = new Set(noted);
      expect(everAcked.filter((id) => !present.has(id))).toEqual([]);
      expect(present.size).toBe(noted.length);
      await journal.close();
    }
  });
});
