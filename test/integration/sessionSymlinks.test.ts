import { testInstallationKey } from '../support/installationKey.ts';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSessions } from '../../electron/journal/listSessions.ts';
import { createSessionFolder } from '../../electron/journal/sessionFolders.ts';
import { SessionJournal } from '../../electron/journal/sessionJournal.ts';
import { TranscriptFile } from '../../electron/journal/transcriptFile.ts';
import { readTranscriptChunk } from '../../electron/journal/transcriptReader.ts';
import { exportReport } from '../../electron/report/exportReport.ts';
import { readSessionRecord } from '../../electron/report/sessionRecord.ts';
import { useTempDirs } from '../support/tempDir.ts';

const tempDir = useTempDirs();
const SECRET = '-----BEGIN OPENSSH PRIVATE KEY-----\nnot for any report\n';

/** A session with P1 started and one transcript evidence line, whose transcript file is `link` → elsewhere. */
async function sessionWithLinkedTranscript() {
  const root = await tempDir();
  const outside = path.join(root, 'id_ed25519');
  await writeFile(outside, SECRET);
  const directory = await createSessionFolder(root, 'Links', '2026-12-02');
  const journal = await SessionJournal.open(directory);
  const at = new Date().toISOString();
  await journal.append({
    type: 'session-created',
    site: 'Links',
    technician: 'RT',
    customerContact: '',
    training: true,
    at,
  });
  await journal.append({ type: 'step-started', stepId: 'P1', at });
  await journal.append({
    type: 'evidence-recorded',
    stepId: 'P1',
    server: 'ORIG',
    evidence: { kind: 'transcript', path: 'transcripts/P1-ORIG-1.log' },
    at,
  });
  await symlink(outside, path.join(directory, 'transcripts', 'P1-ORIG-1.log'));
  return { root, outside, directory, journal };
}

describe('symbolic links in and as session folders are never followed', () => {
  it('never reads a linked transcript into the window or a report', async () => {
    const { directory, journal } = await sessionWithLinkedTranscript();
    await expect(readTranscriptChunk(directory, 'transcripts/P1-ORIG-1.log', null, 4096)).rejects.toThrow(
      'P1-ORIG-1.log is a symbolic link',
    );
    const files = await exportReport(
      { directory, events: [...journal.events], chainFingerprint: journal.chainFingerprint, problem: null },
      { format: 'json', signer: await testInstallationKey() },
    );
    const report = await readFile(files[0]!, 'utf8');
    expect(report).not.toContain('PRIVATE KEY');
    expect(report).toContain('is a symbolic link');
    await journal.close();
  });

  it('never appends a server’s output to the file a transcript links to', async () => {
    const { outside, directory, journal } = await sessionWithLinkedTranscript();
    expect(() => TranscriptFile.open(directory, 'P1', 'ORIG', 1)).toThrow('P1-ORIG-1.log is a symbolic link');
    expect(await readFile(outside, 'utf8')).toBe(SECRET);
    await journal.close();
  });

  it('refuses a session folder, a journal or a transcripts folder that is a link, and lists none of them', async () => {
    const { root, directory, journal } = await sessionWithLinkedTranscript();
    await journal.close();
    const linkedFolder = path.join(root, 'elsewhere');
    await symlink(directory, linkedFolder);
    await expect(SessionJournal.open(linkedFolder)).rejects.toThrow('is a symbolic link');
    await expect(readSessionRecord(linkedFolder)).rejects.toThrow('is a symbolic link');
    expect((await listSessions(root)).map((s) => s.directory)).toEqual([directory]);

    const other = await createSessionFolder(root, 'Linked journal', '2026-12-02');
    await symlink(path.join(directory, 'journal.jsonl'), path.join(other, 'journal.jsonl.tmp'));
    const { rename, rm } = await import('node:fs/promises');
    await rm(path.join(other, 'journal.jsonl'));
    await rename(path.join(other, 'journal.jsonl.tmp'), path.join(other, 'journal.jsonl'));
    await expect(SessionJournal.open(other)).rejects.toThrow('journal.jsonl is a symbolic link');

    const third = await createSessionFolder(root, 'Linked transcripts', '2026-12-02');
    const away = path.join(root, 'away');
    await mkdir(away);
    await rm(path.join(third, 'transcripts'), { recursive: true });
    await symlink(away, path.join(third, 'transcripts'));
    await expect(SessionJournal.open(third)).rejects.toThrow('transcripts is a symbolic link');
  });
});
