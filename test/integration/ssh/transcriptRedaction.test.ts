import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RedactedTranscript } from '../../../electron/journal/redactedTranscript.ts';
import { createSessionFolder } from '../../../electron/journal/sessionFolders.ts';
import { runDialog } from '../../../electron/ssh/dialogEngine.ts';
import { connect } from '../../support/sshClient.ts';
import { skipWithoutSshd, useSshd, TEST_PASSWORD, TEST_USER } from '../../support/sshd.ts';
import { useTempDirs } from '../../support/tempDir.ts';

const skip = skipWithoutSshd('transcriptRedaction');
const tempDir = useTempDirs();

describe.skipIf(skip)('step transcripts', () => {
  const sshd = useSshd();

  it('stream the console to transcripts/ with a secret typed at a prompt redacted, even where the terminal echoes it', async () => {
    const session = await createSessionFolder(await tempDir(), 'Redaction site', '2026-11-23');
    const transcript = new RedactedTranscript(session, 'D2', 'NEW', 1);
    const connection = await connect(sshd().port, TEST_USER, { password: TEST_PASSWORD });
    // The terminal echoes what is typed at `read`, and the program repeats it: both must be redacted.
    const pty = await connection.openPty(
      `sh -c 'printf "Password: "; read answer; echo "you typed $answer"; echo finished'`,
    );
    const outcome = await runDialog(
      pty,
      {
        promptTimeoutMs: 15_000,
        rules: [
          {
            id: 'password',
            pattern: /Password: /,
            action: { kind: 'ask', question: 'CMS password', secret: true },
          },
          { id: 'finished', pattern: /finished/, action: { kind: 'done' } },
        ],
      },
      { ask: async () => 'Sup3r-Secret!', transcript: transcript.write, onSecret: transcript.addSecret },
    );
    await pty.ended;
    await transcript.close();
    connection.close();

    expect(outcome.kind).toBe('completed');
    const written = await readFile(path.join(session, transcript.relativePath), 'utf8');
    expect(transcript.relativePath).toBe('transcripts/D2-NEW-1.log');
    expect(written).toContain('Password: ');
    expect(written).toContain('you typed [redacted]');
    expect(written).not.toContain('Sup3r-Secret!');
  });
});
