import { describe, expect, it } from 'vitest';
import { ALL_STEP_IDS } from '../../shared/procedure/types.ts';
import { CMS_HA_CLI, cmsHa } from '../support/runCmsHa.ts';

describe('cms-ha plan', () => {
  it('prints one JSON object per step with id, title, server, kind, prerequisites and tapes', async () => {
    const { code, stdout } = await cmsHa('plan', '--json');
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as Record<string, unknown>[];
    expect(plan.map((step) => step.id)).toEqual([...ALL_STEP_IDS]);
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
    // The way back comes last, after the backups it restores from.
    expect(stdout.indexOf('The way back')).toBeGreaterThan(stdout.indexOf('Upgrade day'));
    expect(stdout).toMatch(/^RB\s+ORIG\s+guided\s+P4a,P4b\s+CMSADM-ORIG, FULL-ORIG\s+-\s+Roll back: /m);
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

describe('cms-ha parse', () => {
  async function parse(args: string[], stdin: string): Promise<{ code: number; stdout: string }> {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [CMS_HA_CLI, 'parse', ...args], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.stdin.end(stdin);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
    return { code, stdout };
  }

  it('parses pasted mt output from stdin into the fields scripts rely on (exit 0)', async () => {
    const { code, stdout } = await parse(
      ['mt-status'],
      "Vendor 'HP'   Product 'C5683A'   tape drive:\n\nsense key(0x0)= No Additional Sense\nresidual= 0   retries= 0   file no= 0   block no= 0\n",
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      status: 'ready',
      drive: { name: "Vendor 'HP'   Product 'C5683A'", family: 'dds4' },
      senseKey: { code: 0, text: 'No Additional Sense' },
      fileNo: 0,
      blockNo: 0,
    });
  });

  it('parses a volume label from a file, and exits 3 with the reason on text it does not know', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const dir = await mkdtemp('/tmp/cms-ha-parse-');
    await writeFile(`${dir}/label.txt`, 'CMSORIG-261123-01-XXAC-00-I-01\n');
    const label = await parse(['volume-label', `${dir}/label.txt`], '');
    expect(label.code).toBe(0);
    expect(JSON.parse(label.stdout)).toMatchObject({
      date: '2026-11-23',
      acd: 0,
      mode: 'incremental',
      tape: 1,
      dataTypes: { historical: true },
    });
    const unknown = await parse(['br-check'], 'Segmentation fault\n');
    expect(unknown.code).toBe(3);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ kind: 'unrecognised', raw: 'Segmentation fault\n' });
    await rm(dir, { recursive: true });
  });
});
