import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SessionTerminals } from '../../../electron/core/sessionTerminals.ts';
import { createSessionFolder } from '../../../electron/journal/sessionFolders.ts';
import { SessionJournal } from '../../../electron/journal/sessionJournal.ts';
import { ScenarioBuilder } from '../../support/sessionScenario.ts';
import { connect } from '../../support/sshClient.ts';
import { skipWithoutSshd, useSshd, TEST_PASSWORD, TEST_USER } from '../../support/sshd.ts';
import { useTempDirs } from '../../support/tempDir.ts';

const skip = skipWithoutSshd('terminalTranscripts');
const tempDir = useTempDirs();

describe.skipIf(skip)("the technician's terminal transcripts", () => {
  const sshd = useSshd();

  it('files output under the step running when it arrived, not the step the terminal was opened in', async () => {
    const scenario = new ScenarioBuilder().created();
    for (const id of ['P1', 'P2', 'P3a', 'P3b', 'P4a', 'P4b'] as const) scenario.completeStep(id);
    const directory = await createSessionFolder(await tempDir(), 'Transcripts', '2026-12-02');
    const journal = await SessionJournal.open(directory);
    for (const event of scenario.events) await journal.append(event);
    const connection = await connect(sshd().port, TEST_USER, { password: TEST_PASSWORD });
    let output = '';
    const terminals = new SessionTerminals(journal, async () => connection, {
      data: (_id, data) => void (output += data),
      closed: () => undefined,
      evidenceNotRecorded: () => undefined,
    });
    const printed = async (marker: string) => {
      for (let i = 0; i < 200 && !output.includes(`${marker}\r\n`); i++)
        await new Promise((r) => setTimeout(r, 25));
    };
    // Opened from P4b's view; D1 starts while it is open.
    const terminalId = await terminals.start('ORIG', 'P4b');
    await terminals.write(terminalId, 'echo BEFORE-$((1+1))\r');
    await printed('BEFORE-2');
    await journal.append({ type: 'step-started', stepId: 'D1', at: new Date().toISOString() });
    await terminals.write(terminalId, 'echo DURING-$((2+1))\r');
    await printed('DURING-3');
    await terminals.closeAll();

    const transcripts = (stepId: 'P4b' | 'D1') =>
      journal.state.steps[stepId].evidence.flatMap((e) => (e.kind === 'transcript' ? [e.path] : []));
    expect(transcripts('P4b')).toContain('transcripts/P4b-ORIG-1-terminal.log');
    expect(transcripts('D1')).toEqual(['transcripts/D1-ORIG-1-terminal.log']);
    const p4b = await readFile(path.join(directory, 'transcripts/P4b-ORIG-1-terminal.log'), 'utf8');
    const d1 = await readFile(path.join(directory, 'transcripts/D1-ORIG-1-terminal.log'), 'utf8');
    expect(p4b).toContain('BEFORE-2');
    expect(p4b).not.toContain('DURING-3');
    expect(d1).toContain('DURING-3');
    expect(d1).not.toContain('BEFORE-2');
    connection.close();
    await journal.close();
  });
});
