import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../shared/procedure/types.ts';

const run = promisify(execFile);
const CLI = new URL('../../bin/cms-ha.js', import.meta.url).pathname;

async function cmsHa(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('cms-ha plan', () => {
  it('prints one JSON object per step with id, title, server, kind, prerequisites and tapes', async () => {
    const { code, stdout } = await cmsHa('plan', '--json');
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as Record<string, unknown>[];
    expect(plan.map((step) => step.id)).toEqual([...STEP_IDS]);
    expect(plan.find((step) => step.id === 'D7')).toMatchObject({
      server: 'NEW',
      kind: 'guided',
      prerequisites: ['D4', 'D5', 'P4b'],
      tapesIn: ['INCR-ORIG', 'FULL-ORIG'],
      tapesOut: [],
    });
  });

  it('prints a readable table, day before then upgrade day', async () => {
    const { code, stdout } = await cmsHa('plan');
    expect(code).toBe(0);
    expect(stdout.indexOf('Day before')).toBeLessThan(stdout.indexOf('Upgrade day'));
    expect(stdout).toMatch(
      /^D11\s+both\s+automated\s+D10\s+-\s+CMSADM-NEW, CMSADM-ORIG-FINAL\s+CMSADM backups on both servers$/m,
    );
  });

  it('refuses an unknown command or option with usage and exit code 2', async () => {
    const unknown = await cmsHa('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const badOption = await cmsHa('plan', '--jsonn');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("Unknown option '--jsonn'");
  });
});
