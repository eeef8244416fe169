import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSessionFolder, sessionFolderName } from '../../electron/journal/sessionFolders.ts';
import { JOURNAL_FILE, JournalReadOnlyError, SessionJournal } from '../../electron/journal/sessionJournal.ts';
import { HEAD_FILE } from '../../electron/journal/journalHead.ts';
import { readSessionRecord } from '../../electron/report/sessionRecord.ts';
import { TranscriptFile } from '../../electron/journal/transcriptFile.ts';
import { SessionGuardError } from '../../shared/session/sessionGuardError.ts';
import { reduceSession } from '../../shared/session/reduceSession.ts';
import { ScenarioBuilder } from '../support/sessionScenario.ts';
import { useTempDirs } from '../support/tempDir.ts';

const tempDir = useTempDirs();

async function newSession(): Promise<{ dir: string; journal: SessionJournal }> {
  const dir = await createSessionFolder(await tempDir(), 'Acme Contact Centre, Leeds', '2026-11-23');
  return { dir, journal: await SessionJournal.open(dir) };
}

describe('SessionJournal', () => {
  it('creates one folder per upgrade named for site and date, with transcripts/ and exports/', async () => {
    const root = await tempDir();
    const first = await createSessionFolder(root, 'Acme Contact Centre, Leeds', '2026-11-23');
    const second = await createSessionFolder(root, 'Acme Contact Centre, Leeds', '2026-11-23');
    expect(path.basename(first)).toBe('acme-contact-centre-leeds-2026-11-23');
    expect(path.basename(second)).toBe('acme-contact-centre-leeds-2026-11-23-2');
    expect(await readFile(path.join(first, JOURNAL_FILE), 'utf8')).toBe('');
    expect(sessionFolderName('Zürich Süd', '2026-01-02')).toBe('zurich-sud-2026-01-02');
  });

  it('reopens to exactly the state it acknowledged, with the same chain fingerprint', async () => {
    const { dir, journal } = await newSession();
    const events = new ScenarioBuilder().created().completeAll().events;
    for (const event of events) await journal.append(event);
    const fingerprint = journal.chainFingerprint;
    await journal.close();

    const reopened = await SessionJournal.open(dir);
    expect(reopened.state).toEqual(reduceSession(events));
    expect(reopened.chainFingerprint).toBe(fingerprint);
    expect(reopened.events).toEqual(events);
    expect(reopened.openReport).toEqual({ droppedTornLine: null, problem: null });
    await reopened.close();
  });

  it('opens read-only when whole lines were cut off its end, or an older copy was put back', async () => {
    const { dir, journal } = await newSession();
    const events = new ScenarioBuilder().created().completeAll().events;
    for (const event of events) await journal.append(event);
    await journal.close();
    const file = path.join(dir, JOURNAL_FILE);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(JSON.parse(await readFile(path.join(dir, HEAD_FILE), 'utf8'))).toMatchObject({
      events: lines.length,
    });

    // Two whole lines taken off the end: every line still chains, the head file says otherwise.
    await writeFile(file, `${lines.slice(0, -2).join('\n')}\n`);
    const cut = await SessionJournal.open(dir);
    expect(cut.readOnly).toBe(true);
    expect(cut.openReport.problem).toEqual({
      line: lines.length - 1,
      reason: expect.stringMatching(
        new RegExp(
          `^the journal ends after ${lines.length - 2} events, but it held ${lines.length} on .*: lines were cut off its end$`,
        ),
      ),
    });
    await cut.close();
    // The report and verify read the same: the record is damaged.
    expect((await readSessionRecord(dir)).problem).toMatch(/lines were cut off its end$/);

    // Put back whole: opens writable again, as it was.
    await writeFile(file, `${lines.join('\n')}\n`);
    const whole = await SessionJournal.open(dir);
    expect(whole.openReport.problem).toBeNull();
    await whole.close();
  });

  it('acknowledges concurrent appends in order, written together', async () => {
    const { dir, journal } = await newSession();
    const events = new ScenarioBuilder().created().completeStep('P1').completeStep('P2').events;
    const seen: string[] = [];
    journal.subscribe((event) => seen.push(event.type));
    const sequence = await Promise.all(events.map((event) => journal.append(event)));
    expect(sequence).toEqual(events.map((_, i) => i + 1));
    expect(journal.state).toEqual(reduceSession(events));
    expect(seen).toEqual(events.map((e) => e.type));
    await journal.close();
    const lines = (await readFile(path.join(dir, JOURNAL_FILE), 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).seq)).toEqual(events.map((_, i) => i + 1));
  });

  it('refuses an event the rules reject and writes nothing for it', async () => {
    const { dir, journal } = await newSession();
    await journal.append(new ScenarioBuilder().created().events[0]!);
    await expect(
      journal.append({ type: 'step-started', stepId: 'D7', at: '2026-11-23T09:00:00Z' }),
    ).rejects.toBeInstanceOf(SessionGuardError);
    await journal.close();
    expect((await readFile(path.join(dir, JOURNAL_FILE), 'utf8')).trimEnd().split('\n')).toHaveLength(1);
  });

  it('drops a torn last line on open, says so, and continues the chain after it', async () => {
    const { dir, journal } = await newSession();
    const events = new ScenarioBuilder().created().completeStep('P1').events;
    for (const event of events) await journal.append(event);
    await journal.close();
    const torn = '{"seq":99,"prev":"abc","event":{"type":"no';
    await appendFile(path.join(dir, JOURNAL_FILE), torn);

    const reopened = await SessionJournal.open(dir);
    expect(reopened.openReport.droppedTornLine).toEqual({ line: events.length + 1, bytes: torn.length });
    expect(reopened.readOnly).toBe(false);
    await reopened.append({
      type: 'note-added',
      stepId: null,
      text: 'after the crash',
      at: '2026-11-23T10:00:00Z',
    });
    await reopened.close();

    const again = await SessionJournal.open(dir);
    expect(again.openReport).toEqual({ droppedTornLine: null, problem: null });
    expect(again.state.notes.map((n) => n.text)).toEqual(['after the crash']);
    await again.close();
  });

  it('opens a tampered journal read-only, naming the broken line, with the state before it', async () => {
    const { dir, journal } = await newSession();
    const events = new ScenarioBuilder().created().completeStep('P1').completeStep('P2').events;
    for (const event of events) await journal.append(event);
    await journal.close();
    const file = path.join(dir, JOURNAL_FILE);
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[2] = lines[2]!.replace('"P1"', '"P2"');
    await writeFile(file, lines.join('\n'));

    const reopened = await SessionJournal.open(dir);
    expect(reopened.readOnly).toBe(true);
    expect(reopened.openReport.problem).toEqual({ line: 3, reason: expect.stringContaining('altered') });
    expect(reopened.state).toEqual(reduceSession(events.slice(0, 2)));
    expect(reopened.state.steps.P1.status).toBe('running');
    await expect(reopened.append(events[0]!)).rejects.toBeInstanceOf(JournalReadOnlyError);
  });

  it('opens read-only when a well-chained line holds an event the rules refuse', async () => {
    const { dir, journal } = await newSession();
    await journal.append(new ScenarioBuilder().created().events[0]!);
    await journal.close();
    // A forged line with a correct chain, written by something other than the app.
    const { encodeJournalLine, sha256Hex } = await import('../../electron/journal/journalLine.ts');
    const file = path.join(dir, JOURNAL_FILE);
    const first = (await readFile(file, 'utf8')).trimEnd();
    const forged = encodeJournalLine({
      seq: 2,
      prev: sha256Hex(first),
      event: { type: 'step-started', stepId: 'D9', at: '2026-11-23T09:00:00Z' },
    });
    await appendFile(file, `${forged}\n`);
    const reopened = await SessionJournal.open(dir);
    expect(reopened.readOnly).toBe(true);
    expect(reopened.openReport.problem).toEqual({
      line: 2,
      reason: expect.stringContaining('D9 cannot start'),
    });
  });
});

describe('TranscriptFile', () => {
  it('streams console output to transcripts/<step>-<server>-<attempt>.log', async () => {
    const { dir, journal } = await newSession();
    await journal.close();
    const transcript = TranscriptFile.open(dir, 'P4a', 'ORIG', 1);
    const chunk = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 64; i++) await transcript.write(chunk);
    await transcript.write('Tape Verification\n');
    await transcript.close();
    expect(transcript.relativePath).toBe('transcripts/P4a-ORIG-1.log');
    const written = await readFile(path.join(dir, transcript.relativePath), 'utf8');
    expect(written.length).toBe(64 * 64 * 1024 + 18);
    expect(written.endsWith('Tape Verification\n')).toBe(true);
  });
});
