import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startSshd,
  skipWithoutSshd,
  TEST_PASSWORD,
  TEST_USER,
  type RunningSshd,
} from '../../support/sshd.ts';

const run = promisify(execFile);
const PROBE = new URL('../../support/dhFallbackProbe.ts', import.meta.url).pathname;
const skip = skipWithoutSshd('dhGroupFallback');

async function probe(mode: 'with-fallback' | 'bare-ssh2', port: number): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, [
    '--import',
    'tsx',
    PROBE,
    mode,
    String(port),
    TEST_USER,
    TEST_PASSWORD,
  ]);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

describe.skipIf(skip)(
  'diffie-hellman-group1-sha1 where the crypto library has no such group (Electron)',
  () => {
    let sshd: RunningSshd;
    beforeAll(async () => {
      sshd = await startSshd({ kexAlgorithms: 'diffie-hellman-group1-sha1' });
    });
    afterAll(async () => {
      await sshd?.stop();
    });

    it('fails with bare ssh2, as it does inside Electron ("Unknown DH group")', async () => {
      expect(await probe('bare-ssh2', sshd.port)).toEqual({
        connected: false,
        error: expect.stringContaining('Unknown DH group'),
      });
    });

    it('connects through the app SSH layer, which gives group1 the RFC 2409 prime before ssh2 loads', async () => {
      expect(await probe('with-fallback', sshd.port)).toEqual({
        connected: true,
        kex: 'diffie-hellman-group1-sha1',
        stdout: `${TEST_USER}\n`,
      });
    });
  },
);
