import { testInstallationKey } from '../support/installationKey.ts';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSessionFolder } from '../../electron/journal/sessionFolders.ts';
import { SessionJournal } from '../../electron/journal/sessionJournal.ts';
import { exportReport } from '../../electron/report/exportReport.ts';
import { readSessionRecord } from '../../electron/report/sessionRecord.ts';
import { verifyReport } from '../../electron/report/verifyReport.ts';
import { StepContext } from '../../electron/steps/stepContext.ts';
import { ScenarioBuilder } from '../support/sessionScenario.ts';
import { useTempDirs } from '../support/tempDir.ts';
import { Hands, TrainingTechnician } from '../support/trainingTechnician.ts';

const tempDir = useTempDirs();

/** A session whose P1 wrote a transcript on ORIG and ended: the transcript sealed, a JSON report made. */
async function sealedSession() {
  const directory = await createSessionFolder(await tempDir(), 'Seals', '2026-12-02');
  const journal = await SessionJournal.open(directory);
  const scenario = new ScenarioBuilder().created().add({ type: 'step-started', stepId: 'P1' });
  for (const event of scenario.events) await journal.append(event);
  const context = new StepContext(
    'P1',
    journal,
    () => Promise.reject(new Error('no server here')),
    new TrainingTechnician(new Hands(() => Promise.reject(new Error('no hands')))),
  );
  context.transcript('ORIG').write('cms-orig# uname -n\ncms-orig\n');
  await context.closeTranscripts();
  await journal.close();
  const [reportFile] = await exportReport(await readSessionRecord(directory), {
    format: 'json',
    signer: await testInstallationKey(),
  });
  const transcript = path.join(directory, 'transcripts', 'P1-ORIG-1.log');
  return { directory, reportFile: reportFile!, transcript };
}

describe('transcripts sealed into the journal', () => {
  it('seals a transcript when it closes; verify checks the folder and the report against the seal', async () => {
    const { directory, reportFile, transcript } = await sealedSession();
    const journal = await SessionJournal.open(directory);
    expect(journal.state.transcriptSeals['transcripts/P1-ORIG-1.log']).toMatchObject({
      bytes: 28,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    await journal.close();
    const report = await readFile(reportFile, 'utf8');
    expect(await verifyReport(directory, report)).toMatchObject({
      ok: true,
      findings: expect.arrayContaining([
        '1 sealed transcript(s) are unchanged in the session folder and in the report.',
      ]),
    });

    // A transcript replaced in the session folder.
    await writeFile(transcript, 'cms-orig# uname -n\ncms-xxxx\n');
    expect(await verifyReport(directory, report)).toEqual({
      ok: false,
      findings: ['Transcript transcripts/P1-ORIG-1.log was changed after it was sealed.'],
    });
    await writeFile(transcript, 'cms-orig# uname -n\n');
    expect((await verifyReport(directory, report)).findings).toEqual([
      'Transcript transcripts/P1-ORIG-1.log is shorter (19 bytes) than when it was sealed (28 bytes).',
    ]);
    await writeFile(transcript, 'cms-orig# uname -n\ncms-orig\n');

    // A transcript replaced inside the report.
    const file = JSON.parse(report) as { transcripts: Record<string, string> };
    file.transcripts['transcripts/P1-ORIG-1.log'] = 'cms-orig# uname -n\nsomething else\n';
    expect((await verifyReport(directory, JSON.stringify(file))).findings).toEqual([
      "The report's copy of transcripts/P1-ORIG-1.log differs from the transcript that was sealed.",
    ]);

    // Output after the seal is said, not vouched for.
    await appendFile(transcript, 'appended later\n');
    expect(await verifyReport(directory, report)).toMatchObject({
      ok: true,
      findings: expect.arrayContaining([
        'transcripts/P1-ORIG-1.log has 15 bytes after its last seal, which the journal does not vouch for.',
      ]),
    });
  });
});

describe('reopening a session checks its sealed transcripts', () => {
  it('opens read-only while a sealed transcript differs from its seal, and writable again once it is put back', async () => {
    const { directory, transcript } = await sealedSession();
    const original = await readFile(transcript, 'utf8');
    await writeFile(transcript, original.replace('cms-orig\n', 'cms-xxxx\n'));
    const altered = await SessionJournal.open(directory);
    expect(altered.readOnly).toBe(true);
    expect(altered.openReport.problem).toEqual({
      line: 0,
      reason: 'transcript transcripts/P1-ORIG-1.log was changed after it was sealed.',
    });
    await altered.close();

    await writeFile(transcript, original);
    const restored = await SessionJournal.open(directory);
    expect(restored.readOnly).toBe(false);
    await restored.close();
  });
});
