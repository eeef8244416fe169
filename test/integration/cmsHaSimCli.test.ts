import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCmsHaSim, type RunningCmsHaSim } from '../support/cmsHaSim.ts';
import { cmsHaJsonl } from '../support/cmsHaJsonl.ts';

const run = promisify(execFile);
const CLI = new URL('../../bin/cms-ha.js', import.meta.url).pathname;

async function cmsHa(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

async function cmsHaWithInput(args: string[], env: Record<string, string>, input: string) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return { code, stdout, stderr };
}

describe('cms-ha sim, probe and exec, as a new user tries them from the README', () => {
  let sim: RunningCmsHaSim;
  let banner = '';
  let origPort = 0;
  let pins = '';
  let root = '';

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-cli-'));
    const state = path.join(root, 'state');
    pins = path.join(root, 'pins.json');
    sim = await startCmsHaSim(state);
    banner = sim.banner;
    origPort = sim.ports.ORIG;
  });
  afterAll(async () => {
    sim?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('sim prints how to connect to ORIG and NEW', () => {
    expect(banner).toMatch(/ORIG {2}ssh -p \d+ root@127\.0\.0\.1 {3}cms-orig, SunOS 5\.8, CMS r3v9ak\.g/);
    expect(banner).toMatch(/NEW {3}ssh -p \d+ root@127\.0\.0\.1 {3}cms-new, SunOS 5\.9, CMS r3v11ak\.g/);
    expect(banner).toMatch(/host key SHA256:[A-Za-z0-9+/]{43}/);
  });

  it('probe refuses an unconfirmed host key (exit 3) and shows its fingerprint', async () => {
    const result = await cmsHa(['probe', `root@127.0.0.1:${origPort}`, '--password-env', 'SIM_PW'], {
      SIM_PW: 'cms',
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/Host key of 127\.0\.0\.1:\d+ is ssh-ed25519 SHA256:/);
    expect(result.stderr).toContain('--accept-new-host-key');
  });

  it('probe prints one JSON object: hostname, OS release, CMS version, tape drive, host key, algorithms', async () => {
    const result = await cmsHa(
      [
        'probe',
        `root@127.0.0.1:${origPort}`,
        '--password-env',
        'SIM_PW',
        '--accept-new-host-key',
        '--known-hosts',
        pins,
      ],
      { SIM_PW: 'cms' },
    );
    expect(result.stderr).toContain('Pinned it (--accept-new-host-key).');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      hostname: 'cms-orig',
      osRelease: '5.8',
      cmsVersion: { version: 'r3v9ak.g' },
      tapeDrive: {
        device: '/dev/rmt/0',
        exitCode: 1,
        output: '/dev/rmt/0: no tape loaded or drive offline\n',
        identified: {
          status: 'no-tape',
          family: null,
          message: '/dev/rmt/0: no tape loaded or drive offline',
        },
      },
      hostKey: { algorithm: 'ssh-ed25519' },
      legacyAlgorithms: false,
    });
    expect(banner).toContain(report.hostKey.fingerprint);
  });

  it('exec streams the output and passes the remote exit code on, with the pinned key', async () => {
    const env = { SIM_PW: 'cms' };
    const base = [
      'exec',
      `root@127.0.0.1:${origPort}`,
      '--password-env',
      'SIM_PW',
      '--known-hosts',
      pins,
      '--',
    ];
    expect(await cmsHa([...base, 'simctl', 'insert', 'DDS4-02'], env)).toMatchObject({ code: 0 });
    expect(await cmsHa([...base, 'mt', '-f', '/dev/rmt/0', 'status'], env)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("Vendor 'HP'   Product 'C5683A'   tape drive:"),
    });
    expect(await cmsHa([...base, 'mt', '-f', '/dev/rmt/9', 'status'], env)).toMatchObject({
      code: 1,
      stderr: '/dev/rmt/9: No such file or directory\n',
    });
  });

  it('tape-check, cmsadm-backup and br-check drive the tape work from the command line', async () => {
    const env = { SIM_PW: 'cms' };
    const connection = [`root@127.0.0.1:${origPort}`, '--password-env', 'SIM_PW', '--known-hosts', pins];
    await cmsHa(['exec', ...connection, '--', 'simctl', 'eject'], env);
    expect(await cmsHa(['exec', ...connection, '--', 'simctl', 'insert', 'DDS4-08'], env)).toMatchObject({
      code: 0,
    });

    const tape = await cmsHa(['tape-check', ...connection], env);
    expect(tape.code).toBe(0);
    expect(JSON.parse(tape.stdout)).toMatchObject({
      device: '/dev/rmt/0',
      mtStatus: { status: 'ready', drive: { family: 'dds4' } },
    });

    const backup = await cmsHaWithInput(['cmsadm-backup', ...connection], env, '\n');
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({
      outcome: { kind: 'completed' },
      result: { tapes: 1, verified: true },
    });
    expect(backup.stderr).toContain(
      'Insert tape 1 of the CMSADM backup into /dev/rmt/0, then continue. [Enter]',
    );

    const notMaintenance = await cmsHa(['br-check', ...connection, '--device', '/dev/rmt/0c'], env);
    expect(notMaintenance.code).toBe(1);
    expect(JSON.parse(notMaintenance.stdout)).toMatchObject({ brCheck: { status: 'not-a-backup' } });
    expect(await cmsHa(['br-check', ...connection, '--device', '/dev/rmt/0 ; reboot'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is not a Solaris tape device'),
    });
    await cmsHa(['exec', ...connection, '--', 'simctl', 'eject'], env);
  });

  it('session new and run: steps run headless against the simulated pair and are journaled', async () => {
    const newPort = sim.ports.NEW;
    const created = await cmsHa(
      [
        'session',
        'new',
        root,
        '--site',
        'Acme Leeds',
        '--technician',
        'R. Tech',
        '--training',
        '--orig',
        `root@127.0.0.1:${origPort}`,
        '--new',
        `root@127.0.0.1:${newPort}`,
        '--orig-platform',
        'blade100',
        '--new-platform',
        'blade150',
      ],
      {},
    );
    expect(created.code).toBe(0);
    const session = created.stdout.trim();
    expect(path.basename(session)).toMatch(/^acme-leeds-\d{4}-\d{2}-\d{2}$/);
    const env = { SIM_PW: 'cms' };
    const run = (step: string, input: string) =>
      cmsHaWithInput(['run', session, step, '--password-env', 'SIM_PW', '--accept-new-host-key'], env, input);

    const early = await run('D1', '');
    expect(early).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('D1 cannot start before P1, P2, P3a, P3b, P4a, P4b have passed'),
    });
    const p1 = await run('P1', 'y\ny\nP. Switch\n');
    expect(p1.code).toBe(0);
    expect(JSON.parse(p1.stdout)).toMatchObject({ stepId: 'P1', status: 'passed' });
    const p3a = await run('P3a', '\ny\n');
    expect(JSON.parse(p3a.stdout)).toMatchObject({ status: 'passed' });
    expect(p3a.stderr).toContain(
      'The more powerful platform, Sun Blade 150, should be the primary HA server',
    );

    expect(
      await cmsHa(['resetup', session, 'NEW', '--by', 'RT', '--note', 'CMS turned off and set up again'], {}),
    ).toMatchObject({
      code: 0,
    });
    expect(await cmsHa(['resetup', session, 'NEW', '--by', 'RT'], {})).toMatchObject({ code: 2 });

    const journal = await readFile(path.join(session, 'journal.jsonl'), 'utf8');
    const events = journal
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).event.type);
    expect(events).toEqual(
      expect.arrayContaining([
        'session-created',
        'server-configured',
        'step-started',
        'checklist-item-ticked',
        'ha-roles-assigned',
        'step-passed',
        'cms-resetup-confirmed',
      ]),
    );
  });

  it('run --technician jsonl: every question one JSON line on stdout, every answer one on stdin', async () => {
    const created = await cmsHa([
      'session',
      'new',
      path.join(root, 'scripted'),
      '--site',
      'Scripted',
      '--technician',
      'Support',
      '--training',
      '--orig',
      `root@127.0.0.1:${origPort}`,
      '--new',
      `root@127.0.0.1:${sim.ports.NEW}`,
      '--orig-platform',
      'blade100',
      '--new-platform',
      'blade150',
    ]);
    const session = created.stdout.trim();
    const env = { SIM_PW: 'cms' };
    const connection = ['--password-env', 'SIM_PW', '--accept-new-host-key'];
    const plan = JSON.parse((await cmsHa(['plan', '--json'])).stdout) as {
      id: string;
      checklist: { id: string }[];
    }[];

    const p1 = await cmsHaJsonl(['run', session, 'P1', ...connection], env, (question) =>
      // The switch administrator signs off the switch's administration by name.
      question.kind === 'ask' ? 'P. Switch' : true,
    );
    expect(p1.code).toBe(0);
    expect(p1.partial).toBe('');
    const confirmations = p1.lines.filter((line) => line.kind === 'confirm');
    expect(confirmations.map((line) => line.item)).toEqual(
      plan.find((step) => step.id === 'P1')!.checklist.map((item) => item.id),
    );
    expect(p1.lines.every((line) => line.step === 'P1')).toBe(true);
    expect(JSON.parse(p1.stderr.slice(p1.stderr.lastIndexOf('{')))).toMatchObject({ status: 'passed' });

    // A question answered with "null" stops the step; nothing but JSON lines reached stdout.
    const p3a = await cmsHaJsonl(['run', session, 'P3a', ...connection], env, (question) =>
      question.kind === 'ask' ? null : true,
    );
    expect(p3a.code).toBe(1);
    expect(p3a.lines.map((line) => line.kind)).toContain('ask');
    expect(p3a.lines.map((line) => line.kind)).toContain('tell');
  });

  it('sim --variant unfamiliar: root cannot log in; br_check lists a volume in a layout the app does not read (exit 3, raw kept)', async () => {
    const unfamiliar = await startCmsHaSim(path.join(root, 'unfamiliar'), ['--variant', 'unfamiliar']);
    try {
      expect(unfamiliar.banner).toContain('Outputs: unfamiliar');
      expect(unfamiliar.banner).toMatch(
        /Root cannot log in .*log in as cms.*then su - with root password "su-training"/,
      );
      expect(unfamiliar.banner).toMatch(/ORIG {2}ssh -p \d+ cms@127\.0\.0\.1/);
      const env = { SIM_PW: 'cms' };
      const asRoot = await cmsHa(
        [
          'exec',
          `root@127.0.0.1:${unfamiliar.ports.ORIG}`,
          '--password-env',
          'SIM_PW',
          '--accept-new-host-key',
          '--',
          'uname',
        ],
        env,
      );
      expect(asRoot.code).not.toBe(0);
      expect(asRoot.stderr).toMatch(/refused every login method/);
      const connection = [
        `cms@127.0.0.1:${unfamiliar.ports.ORIG}`,
        '--password-env',
        'SIM_PW',
        '--accept-new-host-key',
      ];
      for (const command of [
        ['simctl', 'insert', 'DDS4-02'],
        ['simctl', 'write-maintenance', 'DDS4-02', 'XSMC', 'F'],
      ])
        expect(await cmsHa(['exec', ...connection, '--', ...command], env)).toMatchObject({ code: 0 });
      const listed = await cmsHa(['br-check', ...connection, '--device', '/dev/rmt/0c'], env);
      expect(listed.code).toBe(3);
      expect(JSON.parse(listed.stdout)).toMatchObject({
        brCheck: { kind: 'unrecognised', raw: expect.stringContaining('VOLUME CMSORIG-') },
      });
    } finally {
      unfamiliar.stop();
    }
  });

  it('capture writes samples of read-only commands with the server’s name and address redacted', async () => {
    const env = { SIM_PW: 'cms' };
    const connection = [`root@127.0.0.1:${origPort}`, '--password-env', 'SIM_PW', '--known-hosts', pins];
    await cmsHa(['exec', ...connection, '--', 'simctl', 'eject'], env);
    await cmsHa(['exec', ...connection, '--', 'simctl', 'insert', 'DDS4-02'], env);
    const out = path.join(root, 'samples');
    const captured = await cmsHa(['capture', ...connection, '--out', out, '--br-check'], env);
    expect(captured.code).toBe(0);
    const summary = JSON.parse(captured.stdout) as { samples: { file: string; exit: string }[] };
    expect(summary.samples.map((sample) => sample.file)).toEqual([
      'uname-a.txt',
      'showrev.txt',
      'showrev-p.txt',
      'locale.txt',
      'storage.def.txt',
      'pkginfo-l-cms.txt',
      'mt-status.txt',
      'log_cms_migrate_r3mig.log.txt',
      'log_cms_maint_r3mig_mig.log.txt',
      'log_cms_maint_restore_restore.log.txt',
      'log_cms_maint_backup_err_log.txt',
      'br_check-list.txt',
    ]);
    // The simulator's showrev knows only -p: the sample says how the command ended instead of guessing.
    expect(summary.samples.find((sample) => sample.file === 'showrev.txt')!.exit).toBe('exit 1');
    expect(await readFile(path.join(out, 'showrev-p.txt'), 'utf8')).toMatch(/^Patch: 108528-29 Obsoletes:/);
    expect(await readFile(path.join(out, 'mt-status.txt'), 'utf8')).toContain("Vendor 'HP'");
    expect(await readFile(path.join(out, 'uname-a.txt'), 'utf8')).toMatch(/^SunOS <host> 5\.8 /);
    for (const sample of [...summary.samples.map((s) => s.file), 'capture.json']) {
      const text = await readFile(path.join(out, sample), 'utf8');
      expect(text).not.toContain('cms-orig');
      expect(text).not.toContain('127.0.0.1');
    }
    await cmsHa(['exec', ...connection, '--', 'simctl', 'eject'], env);
    expect(await cmsHa(['capture', ...connection], env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('capture needs --out DIR'),
    });
  });

  it('explains bad input with usage and exit code 2', async () => {
    expect(await cmsHa(['probe', 'just-a-host'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('write user@host'),
    });
    expect(await cmsHa(['exec', `root@127.0.0.1:${origPort}`, 'uname'])).toMatchObject({ code: 2 });
    expect(
      await cmsHa(['probe', `root@127.0.0.1:${origPort}`, '--password-env', 'NOT_SET_ANYWHERE']),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('NOT_SET_ANYWHERE is not set'),
    });
  });
});
