import { testInstallationKey } from '../support/installationKey.ts';
import { execFile } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportReport } from '../../electron/report/exportReport.ts';
import { readSessionRecord } from '../../electron/report/sessionRecord.ts';
import { RECORDED_SESSION } from '../support/recordTrainingSession.ts';
import { useTempDirs } from '../support/tempDir.ts';

const tempDir = useTempDirs();

/** `--out` writes a report only as a new or regular file, whole, and leaves nothing else behind. */
describe('a report written to a chosen file', () => {
  it('writes a new file and replaces a regular one, leaving no temporary file', async () => {
    const record = await readSessionRecord(RECORDED_SESSION);
    const folder = await tempDir();
    const out = path.join(folder, 'report.json');
    await exportReport(record, { format: 'json', out, signer: await testInstallationKey() });
    await writeFile(path.join(folder, 'old.html'), 'old');
    await exportReport(record, {
      format: 'html',
      out: path.join(folder, 'old.html'),
      signer: await testInstallationKey(),
    });
    expect(await readFile(path.join(folder, 'old.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect((await readdir(folder)).sort()).toEqual(['old.html', 'report.json']);
  });

  it('refuses a device, a folder or a link, changes none of them, and leaves no temporary file', async () => {
    const record = await readSessionRecord(RECORDED_SESSION);
    const folder = await tempDir();
    const fifo = path.join(folder, 'pipe');
    await promisify(execFile)('mkfifo', [fifo]);
    const directory = path.join(folder, 'a-folder');
    await mkdir(directory);
    const target = path.join(folder, 'target.txt');
    await writeFile(target, 'keep me');
    const link = path.join(folder, 'link.json');
    await symlink(target, link);
    for (const [out, what] of [
      [fifo, 'a device or special file'],
      [directory, 'a folder'],
      [link, 'a symbolic link'],
    ] as const)
      await expect(
        exportReport(record, { format: 'json', out, signer: await testInstallationKey() }),
      ).rejects.toThrow(`(${what})`);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('keep me');
    expect((await readdir(folder)).sort()).toEqual(['a-folder', 'link.json', 'pipe', 'target.txt']);
    expect(await readdir(directory)).toEqual([]);
  });
});
