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
  it('opens one sandboxed window showing the plan', { timeout: 180_000 }, async () => {
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], {
      cwd: root,
    });
    const app = await _electron.launch({ executablePath: binary!, args: ['.'], cwd: root });
    try {
      const window = await app.firstWindow();
      await window.getByRole('heading', { name: 'Upgrade day' }).waitFor();
      expect(app.windows()).toHaveLength(1);
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
        'undefined',
      );
    } finally {
      await app.close();
    }
  });
});
