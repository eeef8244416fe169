import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { createSessionFolder } from '../../electron/journal/sessionFolders.ts';
import { SessionJournal } from '../../electron/journal/sessionJournal.ts';
import { LOCK_FILE } from '../../electron/journal/sessionLock.ts';
import { useTempDirs } from '../support/tempDir.ts';

const OPENER = new URL('../support/journalOpener.ts', import.meta.url).pathname;
const tempDir = useTempDirs();

/** A process that opens the session each time it is told to: resolves once it is ready. */
async function opener(directory: string, name: string) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [
    '--import',
    'tsx',
    OPENER,
    directory,
    name,
  ]);
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  expect((await lines.next()).value).toBe('ready');
  return {
    child,
    /** Opens, appends if writable, closes; what it got. */
    go: () => {
      child.stdin.write('go\n');
      return lines
        .next()
        .then((line) => JSON.parse(line.value as string) as { wrote: boolean; problem: string | null });
    },
  };
}

const children: ChildProcessWithoutNullStreams[] = [];
afterAll(() => {
  for (const child of children) child.kill();
});

describe('two processes opening one session at the same moment', () => {
  it(
    'never both write, never break the chain, and take over a dead lock only once',
    { timeout: 120_000 },
    async () => {
      const directory = await createSessionFolder(await tempDir(), 'Lock race', '2026-12-02');
      const journal = await SessionJournal.open(directory);
      await journal.append({
        type: 'session-created',
        site: 'Lock race',
        technician: 'RT',
        customerContact: '',
        training: true,
        at: new Date().toISOString(),
      });
      await journal.close();
      const [a, b] = await Promise.all([opener(directory, 'A'), opener(directory, 'B')]);
      children.push(a.child, b.child);
      // A process of this machine that is gone: its lock is stale.
      const deadPid = spawnSync('true').pid!;
      let written = 0;
      for (let round = 0; round < 40; round++) {
        if (round % 2 === 1)
          await writeFile(
            path.join(directory, LOCK_FILE),
            JSON.stringify({ pid: deadPid, host: os.hostname(), since: '2026-12-01T00:00:00Z' }),
          );
        const results = await Promise.all([a.go(), b.go()]);
        for (const result of results) {
          // Read-only only because the other one held it: never because the chain broke.
          if (!result.wrote) expect(result.problem).toMatch(/open in another app or command/);
        }
        written += results.filter((result) => result.wrote).length;
        const reopened = await SessionJournal.open(directory);
        expect({ round, problem: reopened.openReport.problem }).toEqual({ round, problem: null });
        expect(reopened.state.notes).toHaveLength(written);
        await reopened.close();
      }
      expect(written).toBeGreaterThanOrEqual(40);
    },
  );
});
