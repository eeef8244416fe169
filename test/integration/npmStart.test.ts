import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { installedElectronBinary } from '../support/electronBinary.ts';
import { useTempDirs } from '../support/tempDir.ts';

const run = promisify(execFile);
const tempDir = useTempDirs();
const START = new URL('../../scripts/start.js', import.meta.url).pathname;
const binary = installedElectronBinary();
if (binary)
  console.warn(
    `npmStart: skipped: an Electron binary is installed (${binary}), so npm start would open the app`,
  );

describe.skipIf(binary !== null)('npm start without an Electron binary', () => {
  it('says so in one sentence, points to the browser harness, and exits 1 without a stack trace', async () => {
    const result = await run(process.execPath, [START], {
      // A closed port as the download mirror and an empty cache make the fetch fail here as it does offline.
      env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: await tempDir() },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^The Electron binary is not installed .*npm run dev:browser.*\.$/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
