import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { installedElectronBinary } from '../support/electronBinary.ts';

const binary = installedElectronBinary();
if (!binary) {
  console.warn(
    'electronSmoke: skipped: the Electron binary is not installed and cannot be downloaded on this machine; the renderer is tested in Chromium instead',
  );
}
const root = fileURLToPath(new URL('../..', import.meta.url));

describe.skipIf(binary === null)('the Electron shell (smoke)', () => {
  it(
    'opens one sandboxed window whose only door to the core is the preload API',
    { timeout: 180_000 },
    async () => {
      execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], {
        cwd: root,
      });
      const app = await _electron.launch({ executablePath: binary!, args: ['.'], cwd: root });
      try {
        const window = await app.firstWindow();
        await window
          .getByRole('button', { name: 'Start a training upgrade on the simulated pair' })
          .waitFor();
        expect(app.windows()).toHaveLength(1);
        expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
          'undefined',
        );
        expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
          'undefined',
        );
        const listed = await window.evaluate(() =>
          (
            globalThis as unknown as {
              cmsHa: { call(c: string, r: object): Promise<{ sessions: unknown[] }> };
            }
          ).cmsHa.call('sessions.list', {}),
        );
        expect(Array.isArray(listed.sessions)).toBe(true);
      } finally {
        await app.close();
      }
    },
  );
});
