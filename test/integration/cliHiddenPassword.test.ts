import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_ENV, CMS_HA_CLI, cmsHaSessionNew } from '../support/runCmsHa.ts';
import { skipWithoutSshd, TEST_PASSWORD, TEST_USER, useSimulatedPairBehindSshd } from '../support/sshd.ts';
import { useTempDirs } from '../support/tempDir.ts';

const SCRIPT = '/usr/bin/script';
const skip = skipWithoutSshd('cliHiddenPassword') || !existsSync(SCRIPT);
if (existsSync(SCRIPT) === false)
  console.warn(`cliHiddenPassword: skipped: ${SCRIPT} (util-linux) is missing`);
const tempDir = useTempDirs();

/**
 * `cms-ha` on a real pseudo-terminal (util-linux `script`), typed at like a person: each time the screen
 * shows a password prompt, the password and Enter; each confirmation (P2's "a tape is loaded"), y.
 * Resolves with everything the terminal showed.
 */
function typeAtTerminal(args: string[], password: string): Promise<{ screen: string; prompts: number }> {
  const command = [process.execPath, CMS_HA_CLI, ...args].map((word) => `'${word}'`).join(' ');
  const terminal = spawn(SCRIPT, ['-qfec', command, '/dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: CLI_ENV,
  });
  let screen = '';
  let prompts = 0;
  let confirmations = 0;
  terminal.stdout.setEncoding('utf8').on('data', (text: string) => {
    screen += text;
    const shown = screen.split('Password:').length - 1;
    for (; prompts < shown; prompts++) terminal.stdin.write(`${password}\r`);
    const asked = screen.split('[y/n] ').length - 1;
    for (; confirmations < asked; confirmations++) terminal.stdin.write('y\r');
  });
  return new Promise((resolve) => terminal.on('close', () => resolve({ screen, prompts })));
}

describe.skipIf(skip)('cms-ha run on a terminal', () => {
  const pair = useSimulatedPairBehindSshd();

  it('asks for the SSH password hidden: what is typed never appears on the terminal', async () => {
    const session = await cmsHaSessionNew(await tempDir(), {
      site: 'Hidden password',
      orig: `${TEST_USER}@127.0.0.1:${pair().orig.port}`,
      neu: `${TEST_USER}@127.0.0.1:${pair().neu.port}`,
      extra: ['--legacy'],
    });

    const { screen, prompts } = await typeAtTerminal(
      ['run', session, 'P2', '--accept-new-host-key'],
      TEST_PASSWORD,
    );
    expect(prompts).toBeGreaterThanOrEqual(1);
    // Both servers were reached with the typed password: their host keys were shown and pinned.
    expect(screen.match(/Pinned it/g)).toHaveLength(2);
    expect(screen).toMatch(/"stepId": "P2"/);
    expect(screen).not.toContain(TEST_PASSWORD);
  });
});
