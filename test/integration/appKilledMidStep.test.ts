import { testInstallationKey } from '../support/installationKey.ts';
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppService } from '../../electron/app/appService.ts';
import { LOCK_FILE } from '../../electron/journal/sessionLock.ts';
import { SessionJournal } from '../../electron/journal/sessionJournal.ts';
import { startCmsHaSim, type RunningCmsHaSim } from '../support/cmsHaSim.ts';
import { CLI_ENV, CMS_HA_CLI, cmsHaSessionNew } from '../support/runCmsHa.ts';
import { useTempDirs } from '../support/tempDir.ts';

const tempDir = useTempDirs();

async function journalTypes(session: string): Promise<string[]> {
  const text = await readFile(path.join(session, 'journal.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { event: { type: string; stepId?: string } }).event)
    .map((event) => `${event.type}${event.stepId ? ` ${event.stepId}` : ''}`);
}

/** `cms-ha run` of a step that waits for the technician on stdin; resolves once the step has started. */
async function stepWaitingForAnswer(session: string, stepId: string) {
  const child = spawn(process.execPath, [CMS_HA_CLI, 'run', session, stepId], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: CLI_ENV,
  });
  for (let waited = 0; !(await journalTypes(session)).includes(`step-started ${stepId}`); waited += 50) {
    if (waited > 20_000) throw new Error(`${stepId} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return child;
}

describe('the app process killed in the middle of a step, and started again', () => {
  let sim: RunningCmsHaSim;
  let root = '';
  beforeAll(async () => {
    root = await tempDir();
    sim = await startCmsHaSim(path.join(root, 'sim-state'));
  });
  afterAll(() => sim?.stop());

  async function newSession(): Promise<string> {
    return cmsHaSessionNew(await tempDir(), {
      site: 'Acme',
      orig: `root@127.0.0.1:${sim.ports.ORIG}`,
      neu: `root@127.0.0.1:${sim.ports.NEW}`,
      extra: ['--training'],
    });
  }

  it('keeps a second process out while one works in the session', async () => {
    const session = await newSession();
    const holder = await stepWaitingForAnswer(session, 'P1');
    try {
      const service = new AppService(path.dirname(session), () => undefined, {
        installationKey: await testInstallationKey(),
      });
      const opened = await service.handlers['session.open']({ directory: session });
      expect(opened.readOnly).toBe(true);
      expect(opened.problem).toMatch(
        /^the session is open in another app or command \(process \d+ since .*\); it opens read-only here$/,
      );
      await expect(service.handlers['step.skip']({ stepId: 'P3b', reason: 'no' })).rejects.toThrow();
      await service.close();
      expect(await journalTypes(session)).not.toContain('step-skipped P3b');
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('rebuilds the state from the journal, marks the step interrupted and loses nothing acknowledged', async () => {
    const session = await newSession();
    const p1 = spawn(process.execPath, [CMS_HA_CLI, 'run', session, 'P1'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: CLI_ENV,
    });
    p1.stdin.end('y\ny\nP. Switch\n');
    expect(await new Promise((resolve) => p1.on('close', resolve))).toBe(0);

    const running = await stepWaitingForAnswer(session, 'P3b');
    const before = await journalTypes(session);
    running.kill('SIGKILL');
    await new Promise((resolve) => running.on('close', resolve));
    // The killed process left its lock behind.
    const lock = JSON.parse(await readFile(path.join(session, LOCK_FILE), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(running.pid);

    const events: string[] = [];
    const service = new AppService(
      path.dirname(session),
      (event, payload) => {
        if (event === 'session.event') events.push((payload as { event: { type: string } }).event.type);
      },
      { installationKey: await testInstallationKey() },
    );
    const opened = await service.handlers['session.open']({ directory: session });
    expect(opened.readOnly).toBe(false);
    const after = opened.events.map((e) => `${e.type}${'stepId' in e && e.stepId ? ` ${e.stepId}` : ''}`);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual(['step-interrupted P3b']);
    const interrupted = opened.events.at(-1) as { reason: string };
    expect(interrupted.reason).toMatch(/^the app stopped while this step ran/);
    expect(opened.runningStep).toBeNull();
    // The session is writable again, and the step can be run afresh later.
    await service.handlers['note.add']({ stepId: 'P3b', text: 'Laptop battery died during P3b.' });
    expect(JSON.parse(await readFile(path.join(session, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await service.close();
    await expect(readFile(path.join(session, LOCK_FILE))).rejects.toThrow();
    const reopened = await SessionJournal.open(session);
    expect(reopened.state.steps.P3b.status).toBe('interrupted');
    expect(reopened.state.steps.P1.status).toBe('passed');
    await reopened.close();
  });

  it('cms-ha run after a killed run: the step is marked interrupted, inspected, and run again when confirmed', async () => {
    const session = await newSession();
    const killed = await stepWaitingForAnswer(session, 'P3b');
    killed.kill('SIGKILL');
    await new Promise((resolve) => killed.on('close', resolve));
    const again = spawn(process.execPath, [CMS_HA_CLI, 'run', session, 'P3b'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: CLI_ENV,
    });
    let output = '';
    again.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
    again.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
    // Yes to running it again, then the cut-off time, the outage window's length and the two confirmations of P3b.
    again.stdin.end('y\n2026-11-24T07:00:00+01:00[Europe/Paris]\n4:00\ny\ny\n');
    expect(await new Promise((resolve) => again.on('close', resolve))).toBe(0);
    expect(output).toContain(
      'P3b was left running by an app or command that stopped; it is marked interrupted.',
    );
    expect(output).toContain('P3b was interrupted last time (the app stopped while this step ran');
    expect(await journalTypes(session)).toEqual(
      expect.arrayContaining(['step-interrupted P3b', 'step-passed P3b']),
    );
  });

  it('takes over a lock whose process is gone, and one written on another machine', async () => {
    const session = await newSession();
    await writeFile(
      path.join(session, LOCK_FILE),
      JSON.stringify({ pid: 999_999_999, host: 'this-laptop', since: '2026-11-23T08:00:00Z' }),
    );
    const journal = await SessionJournal.open(session);
    expect(journal.readOnly).toBe(false);
    await journal.close();
    await writeFile(
      path.join(session, LOCK_FILE),
      JSON.stringify({ pid: process.ppid, host: 'another-laptop', since: '2026-11-23T08:00:00Z' }),
    );
    const moved = await SessionJournal.open(session);
    expect(moved.readOnly).toBe(false);
    await moved.close();
  });
});
