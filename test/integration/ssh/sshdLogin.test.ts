import { describe, expect, it } from 'vitest';
import { HostKeyPins } from '../../../electron/ssh/hostKeyPins.ts';
import { SshConnectError } from '../../../electron/ssh/sshConnection.ts';
import { connect, technician } from '../../support/sshClient.ts';
import {
  CLIENT_KEY_PASSPHRASE,
  skipWithoutSshd,
  useSshd,
  TEST_PASSWORD,
  TEST_USER,
} from '../../support/sshd.ts';

const skip = skipWithoutSshd('sshdLogin');

async function connectError(promise: Promise<unknown>): Promise<SshConnectError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof SshConnectError))
    throw new Error(`expected an SshConnectError, got ${String(error)}`);
  return error;
}

describe.skipIf(skip)('logging in to an old-Solaris-like OpenSSH sshd', () => {
  const sshd = useSshd();
  const passwordOnly = useSshd({ keyboardInteractive: false });
  // Modern in everything but the host key's signature: RSA with SHA-1 only.
  const sha1HostKeyOnly = useSshd({ legacyOnly: false, hostKeyAlgorithms: 'ssh-rsa' });

  it('fails the handshake without the legacy profile and says the profile would help', async () => {
    const error = await connectError(
      connect(sshd().port, TEST_USER, { password: TEST_PASSWORD }, { legacy: false }),
    );
    expect(error.kind).toBe('handshake');
    expect(error.message).toContain(
      'The server offers diffie-hellman-group1-sha1, diffie-hellman-group14-sha1',
    );
    expect(error.message).toContain('turn on the "legacy algorithms" profile');
  });

  it('accepts an ssh-rsa (SHA-1) host key signature only with the legacy profile', async () => {
    const port = sha1HostKeyOnly().port;
    const error = await connectError(
      connect(port, TEST_USER, { password: TEST_PASSWORD }, { legacy: false }),
    );
    expect(error.kind).toBe('handshake');
    expect(error.message).toContain('turn on the "legacy algorithms" profile');
    const connection = await connect(port, TEST_USER, { password: TEST_PASSWORD }, { legacy: true });
    expect(connection.negotiated.serverHostKey).toBe('ssh-rsa');
    connection.close();
  });

  it('connects with the legacy profile using only legacy algorithms', async () => {
    const connection = await connect(sshd().port, TEST_USER, { password: TEST_PASSWORD });
    expect(['diffie-hellman-group1-sha1', 'diffie-hellman-group14-sha1']).toContain(
      connection.negotiated.kex,
    );
    expect(connection.negotiated).toMatchObject({ serverHostKey: 'ssh-rsa', mac: 'hmac-sha1' });
    expect(['aes128-cbc', '3des-cbc']).toContain(connection.negotiated.cipher);
    connection.close();
  });

  it('logs in by keyboard-interactive, asking the technician for the password when none is held', async () => {
    const questions = technician([TEST_PASSWORD]);
    const connection = await connect(sshd().port, TEST_USER, {}, { questions });
    expect(questions.promptQuestions).toHaveLength(1);
    expect(questions.promptQuestions[0]!.prompts[0]!.echo).toBe(false);
    const result = await connection.exec('id -un');
    expect(result).toMatchObject({ kind: 'exited', code: 0, stdout: `${TEST_USER}\n` });
    expect(sshd().log()).toMatch(/Accepted keyboard-interactive\/pam for cmsha-test/);
    connection.close();
  });

  it('logs in by password where the server does not offer keyboard-interactive', async () => {
    const connection = await connect(passwordOnly().port, TEST_USER, { password: TEST_PASSWORD });
    expect((await connection.exec('id -un')).stdout).toBe(`${TEST_USER}\n`);
    expect(passwordOnly().log()).toMatch(/Accepted password for cmsha-test/);
    connection.close();
  });

  it('logs in with a passphrase-protected private key', async () => {
    const connection = await connect(sshd().port, TEST_USER, {
      privateKey: sshd().clientKey,
      passphrase: CLIENT_KEY_PASSPHRASE,
    });
    expect((await connection.exec('id -un')).stdout).toBe(`${TEST_USER}\n`);
    expect(sshd().log()).toMatch(/Accepted publickey for cmsha-test/);
    connection.close();
  });

  it('refuses a wrong password with an authentication error', async () => {
    const error = await connectError(connect(passwordOnly().port, TEST_USER, { password: 'wrong' }));
    expect(error.kind).toBe('authentication');
  });

  it('shows the SHA-256 fingerprint on first contact and pins it only after confirmation', async () => {
    const pins = new HostKeyPins();
    const questions = technician();
    const first = await connect(sshd().port, TEST_USER, { password: TEST_PASSWORD }, { pins, questions });
    first.close();
    expect(questions.hostKeyQuestions).toEqual([
      { host: '127.0.0.1', port: sshd().port, algorithm: 'ssh-rsa', fingerprint: sshd().hostKeyFingerprint },
    ]);
    expect(pins.list()).toMatchObject([{ fingerprint: sshd().hostKeyFingerprint }]);
    const again = await connect(sshd().port, TEST_USER, { password: TEST_PASSWORD }, { pins, questions });
    again.close();
    expect(questions.hostKeyQuestions).toHaveLength(1);

    const declined = new HostKeyPins();
    const error = await connectError(
      connect(
        sshd().port,
        TEST_USER,
        { password: TEST_PASSWORD },
        { pins: declined, questions: technician(null, { confirm: false }) },
      ),
    );
    expect(error.kind).toBe('host-key-rejected');
    expect(declined.list()).toEqual([]);
  });

  it('refuses to connect when the host key changed, saying so plainly', async () => {
    const pins = new HostKeyPins([
      {
        host: '127.0.0.1',
        port: sshd().port,
        algorithm: 'ssh-rsa',
        fingerprint: 'SHA256:AAAAoldkeyoldkeyoldkey',
        pinnedAt: '2026-11-22T10:00:00Z',
      },
    ]);
    const questions = technician();
    const error = await connectError(
      connect(sshd().port, TEST_USER, { password: TEST_PASSWORD }, { pins, questions }),
    );
    expect(error.kind).toBe('host-key-changed');
    expect(error.message).toContain('has CHANGED');
    expect(error.message).toContain(sshd().hostKeyFingerprint);
    expect(questions.hostKeyQuestions).toEqual([]);
  });

  it('does not time out while a slow technician types the password', async () => {
    const questions = technician([TEST_PASSWORD], { delayMs: 2500 });
    const connection = await connect(sshd().port, TEST_USER, {}, { questions, timeoutMs: 1500 });
    expect((await connection.exec('id -un')).stdout).toBe(`${TEST_USER}\n`);
    connection.close();
  });
});
