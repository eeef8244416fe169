import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSessions } from '../../electron/journal/listSessions.ts';
import { RECORDED_SESSION } from '../support/recordTrainingSession.ts';
import { useTempDirs } from '../support/tempDir.ts';

const tempDir = useTempDirs();

describe('the list of sessions on this laptop', () => {
  it("gives each session's progress from its journal: complete, failed at a step, or where it stopped", async () => {
    const root = await tempDir();
    await cp(RECORDED_SESSION, path.join(root, 'complete'), { recursive: true });
    const lines = (await readFile(path.join(RECORDED_SESSION, 'journal.jsonl'), 'utf8')).split('\n');
    // The same run cut just after its first failed step, and just before it (a valid hash chain either way).
    const failedAt = lines.findIndex((line) => line.includes('"type":"step-failed"'));
    for (const [name, end] of [
      ['failed', failedAt + 1],
      ['partway', failedAt - 1],
    ] as const) {
      await cp(RECORDED_SESSION, path.join(root, name), { recursive: true });
      await writeFile(path.join(root, name, 'journal.jsonl'), `${lines.slice(0, end).join('\n')}\n`);
    }
    const progress = Object.fromEntries(
      (await listSessions(root)).map((session) => [path.basename(session.directory), session.progress]),
    );
    expect(progress.complete).toEqual({ status: 'complete', done: 17, of: 17, next: null });
    expect(progress.failed).toMatchObject({ status: 'failed', next: 'D2', done: 7 });
    expect(progress.partway).toMatchObject({ status: 'in-progress', next: 'D2' });
  });
});
