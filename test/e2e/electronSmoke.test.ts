import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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
      const userData = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-electron-'));
      const app = await _electron.launch({
        executablePath: binary!,
        args: ['.', `--user-data-dir=${userData}`],
        cwd: root,
      });
      try {
        const window = await app.firstWindow();
        // The first start opens a training session on the simulated pair.
        await window.getByRole('button', { name: 'Run P1' }).waitFor({ timeout: 60_000 });
        expect(app.windows()).toHaveLength(1);
        expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
          'undefined',
        );
        expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
          'undefined',
        );
        expect(window.url()).toBe('app://cms-ha/index.html');
        type Bridge = { cmsHa: { call(c: string, r: object): Promise<unknown> } };
        const listed = await window.evaluate(() =>
          (globalThis as unknown as Bridge).cmsHa.call('sessions.list', {}),
        );
        expect(listed).toMatchObject({ ok: true, value: { sessions: [{ training: true }] } });
        // A refusal crosses as a value with the core's own message, as over the browser harness.
        const refused = await window.evaluate(() =>
          (globalThis as unknown as Bridge).cmsHa.call('session.open', { directory: '/etc' }),
        );
        expect(refused).toEqual({
          ok: false,
          code: 'refused',
          error: 'That folder is not one of the sessions here.',
        });
        // The report prints to PDF with Electron's own printToPDF.
        await window.getByRole('button', { name: 'Export PDF report' }).click();
        await expect
          .poll(() => window.getByRole('list', { name: 'Exported files' }).textContent(), { timeout: 30_000 })
          .toMatch(/upgrade-report\.pdf/);
      } finally {
        await app.close();
        await rm(userData, { recursive: true, force: true });
      }
    },
  );
});
