import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** The CLI keeps its installation key in ~/.cms-ha: under test, a home of the test run's own. */
export const CLI_HOME = mkdtempSync(path.join(os.tmpdir(), 'cms-ha-home-'));

/** The environment every `cms-ha` a test starts runs in. */
export const CLI_ENV: NodeJS.ProcessEnv = { ...process.env, HOME: CLI_HOME };

export const CMS_HA_CLI = new URL('../../bin/cms-ha.js', import.meta.url).pathname;

/** Runs `cms-ha` as a user would and resolves with its exit code and output (never rejects on a failing exit). */
export async function cmsHa(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CMS_HA_CLI, ...args], {
      maxBuffer: 64 * 1024 * 1024,
      env: CLI_ENV,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A session folder made as a user makes one (`cms-ha session new`); resolves with its path. */
export async function cmsHaSessionNew(
  parent: string,
  options: { site: string; orig: string; neu: string; extra?: string[] },
): Promise<string> {
  const created = await cmsHa(
    'session',
    'new',
    parent,
    '--site',
    options.site,
    '--technician',
    'RT',
    '--orig',
    options.orig,
    '--new',
    options.neu,
    ...(options.extra ?? []),
  );
  if (created.code !== 0) throw new Error(`cms-ha session new failed: ${created.stderr}`);
  return created.stdout.trim();
}
