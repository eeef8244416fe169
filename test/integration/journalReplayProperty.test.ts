import { readFile, rm, truncate } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEAD_FILE } from '../../electron/journal/journalHead.ts';
import { createSessionFolder } from '../../electron/journal/sessionFolders.ts';
import { JOURNAL_FILE, SessionJournal } from '../../electron/journal/sessionJournal.ts';
import { choicesArbitrary, liveRun } from '../support/liveRun.ts';
import { useTempDirs } from '../support/tempDir.ts';

const tempDir = useTempDirs();

describe('the journal on disk', () => {
  it('reopens any journal cut at any byte to the live state of its last complete line', async () => {
    await fc.assert(
      fc.asyncProperty(
        choicesArbitrary,
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (choices, cutAt) => {
          const run = liveRun(choices);
          const directory = await createSessionFolder(await tempDir(), 'Property site', '2026-11-23');
          const journal = await SessionJournal.open(directory);
          for (const event of run.accepted) await journal.append(event);
          expect(journal.state).toEqual(run.snapshots.at(-1));
          await journal.close();

          const file = path.join(directory, JOURNAL_FILE);
          // A crash cuts only what was never acknowledged, after the head file's last word; a cut of a
          // closed journal is "lines cut off its end" (sessionJournal.test.ts). Without the head, any cut.
          await rm(path.join(directory, HEAD_FILE), { force: true });
          const bytes = Buffer.byteLength(await readFile(file, 'utf8'));
          const cut = Math.floor(bytes * cutAt);
          await truncate(file, cut);
          const text = await readFile(file, 'utf8');
          const completeLines = text.split('\n').length - 1;

          const reopened = await SessionJournal.open(directory);
          expect(reopened.openReport.problem).toBeNull();
          expect(reopened.openReport.droppedTornLine !== null).toBe(!text.endsWith('\n') && text !== '');
          expect(reopened.state).toEqual(run.snapshots[completeLines]);
          await reopened.close();
        },
      ),
      { numRuns: 30 },
    );
  });
});
