import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSessionFolder } from '../../electron/journal/sessionFolders.ts';
import { SessionJournal } from '../../electron/journal/sessionJournal.ts';
import { defaultPair } from '../../electron/simulator/defaultPair.ts';
import { FolderSimStore } from '../../electron/simulator/simStore.ts';
import { HostKeyPins } from '../../electron/ssh/hostKeyPins.ts';
import { SshConnection } from '../../electron/ssh/sshConnection.ts';
import { runProcedureStep } from '../../electron/steps/procedureRunner.ts';
import { StepContext } from '../../electron/steps/stepContext.ts';
import type { ServerRole, StepId } from '../../shared/procedure/types.ts';
import { createIsolatedNetwork, type IsolatedNetwork } from '../support/netns.ts';
import { ScenarioBuilder } from '../support/sessionScenario.ts';
import {
  CLIENT_KEY_PASSPHRASE,
  makeSharedStateDir,
  makeSimCommandDir,
  skipWithoutSshd,
  startSshd,
  TEST_USER,
  type RunningSshd,
} from '../support/sshd.ts';
import { Hands, TrainingTechnician } from '../support/trainingTechnician.ts';

const skip = skipWithoutSshd('networkFaults');

/** A keep-alive short enough for a test: a silent server is declared lost after about a second. */
const KEEPALIVE = { keepaliveIntervalMs: 250, keepaliveCountMax: 3 };

describe.skipIf(skip)('faults between the laptop and a server (ORIG behind its own network)', () => {
  let root = '';
  let network: IsolatedNetwork | null = null;
  let orig: RunningSshd;
  let journal: SessionJournal;
  let connection: Promise<SshConnection> | null = null;
  const pins = new HostKeyPins();

  const connect = async (): Promise<SshConnection> => {
    const current = await connection?.catch(() => null);
    if (current && !current.lost) return current;
    connection = SshConnection.connect({
      target: { host: orig.address, port: orig.port, user: TEST_USER, legacyAlgorithms: true },
      credentials: { privateKey: orig.clientKey, passphrase: CLIENT_KEY_PASSPHRASE },
      questions: { confirmHostKey: async () => true, answerPrompts: async () => null },
      pins,
      timeoutMs: 5_000,
      ...KEEPALIVE,
    });
    return connection;
  };
  const hands = new Hands(async (server: ServerRole) => {
    if (server !== 'ORIG') throw new Error('only ORIG is wired here');
    return connect();
  });
  const trainee = new TrainingTechnician(hands);
  const run = (stepId: StepId) =>
    runProcedureStep(new StepContext(stepId, journal, async () => connect(), trainee));

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-faults-'));
    const isolated = await createIsolatedNetwork();
    if ('unavailable' in isolated) {
      console.warn(
        `networkFaults: ${isolated.unavailable}; the link cut falls back to killing the sshd session`,
      );
    } else {
      network = isolated;
    }
    const commandDir = await makeSimCommandDir(root);
    const store = await FolderSimStore.create(await makeSharedStateDir(root), defaultPair());
    orig = await startSshd({
      simulator: { stateDir: store.directory, commandDir, host: 'orig' },
      ...(network ? { netns: { name: network.name, address: network.address } } : {}),
    });
    await hands.moveTape('DDS4-01', 'ORIG');
  });

  /** A session whose day before went well up to the CMSADM backup of ORIG. */
  async function sessionUpToTheBackup(name: string): Promise<void> {
    await journal?.close();
    journal = await SessionJournal.open(await createSessionFolder(root, name, '2026-11-23'));
    const scenario = new ScenarioBuilder().created();
    for (const stepId of ['P1', 'P2', 'P3a', 'P3b'] as const) scenario.completeStep(stepId);
    for (const event of scenario.events) await journal.append(event);
    await journal.append({
      type: 'server-configured',
      server: 'ORIG',
      host: orig.address,
      port: orig.port,
      user: TEST_USER,
      platform: 'blade100',
      cmsVersion: null,
      tapeDevice: '/dev/rmt/0',
      legacyAlgorithms: true,
      at: new Date().toISOString(),
    });
  }
  // A failed test never leaves ORIG down or cut off for the next one.
  afterEach(async () => {
    await network?.restore();
    await orig?.powerOn();
  });
  afterAll(async () => {
    (await connection?.catch(() => null))?.close();
    await journal?.close();
    await orig?.stop();
    await network?.remove();
    await rm(root, { recursive: true, force: true });
  });

  it(
    'the link cut during a CMSADM backup: interrupted, transcript kept, reconnected, inspected, run again',
    { timeout: 60_000 },
    async () => {
      await sessionUpToTheBackup('Link cut');
      const cutTheLink = trainee.answerFirst(async (_question, request) => {
        if (request?.kind !== 'insert-tape') return null;
        if (network) await network.cut();
        else await orig.killConnections();
        return 'DDS4-01';
      });
      const cut = await run('P4a');
      cutTheLink();
      expect(cut).toMatchObject({ status: 'interrupted', attempts: 1 });
      const transcript = await readFile(path.join(journal.directory, 'transcripts/P4a-ORIG-1.log'), 'utf8');
      expect(transcript).toContain('Please insert the first cartridge tape into /dev/rmt/0.');

      await network?.restore();
      const told = trainee.told.length;
      const answerTape = trainee.answerFirst((_question, request) =>
        request?.kind === 'insert-tape' ? 'DDS4-01' : null,
      );
      const again = await run('P4a');
      answerTape();
      expect(again).toMatchObject({ status: 'passed', attempts: 2 });
      expect(trainee.told.slice(told)[0]).toMatch(
        /^P4a was interrupted last time \(.+\)\. ORIG answers \(cms-orig\); /,
      );
    },
  );

  it(
    'the server reboots during a step: interrupted; once it is back the step runs again',
    { timeout: 60_000 },
    async () => {
      await sessionUpToTheBackup('Reboot');
      const reboot = trainee.answerFirst(async (_question, request) => {
        if (request?.kind !== 'insert-tape') return null;
        // The server goes down at the prompt, before the answer could start the tape writing; it
        // stays down until the test brings it back.
        await orig.powerOff();
        return 'DDS4-01';
      });
      const hit = await run('P4a');
      reboot();
      expect(hit.status).toBe('interrupted');
      expect(hit.reason).toMatch(/closed|lost|ended|could not start/);
      // Run again while the server is still down: the inspection finds it does not answer.
      const early = await run('P4a');
      expect(early.status).toBe('interrupted');
      expect(early.reason).toMatch(/^ORIG does not answer yet: .*ECONNREFUSED/);
      await orig.powerOn();
      const answerTape = trainee.answerFirst((_question, request) =>
        request?.kind === 'insert-tape' ? 'DDS4-01' : null,
      );
      const back = await run('P4a');
      answerTape();
      expect(back).toMatchObject({ status: 'passed', reason: null });
    },
  );

  it(
    'the laptop sleeps past the keep-alive: the connection is declared lost, and a new one works on resume',
    { timeout: 30_000 },
    async () => {
      const before = await connect();
      expect((await before.exec('uname -n')).kind).toBe('exited');
      const lost = new Promise<string>((resolve) => before.onLost(resolve));
      // Frozen ends stop answering the keep-alive, as a sleeping laptop does.
      await orig.signalConnections('SIGSTOP');
      const reason = await lost;
      await orig.signalConnections('SIGCONT');
      expect(reason).toMatch(/lost|timed out|keepalive/i);
      expect(before.lost).toBe(true);
      const after = await connect();
      expect(after).not.toBe(before);
      const name = await after.exec('uname -n');
      expect(name).toMatchObject({ kind: 'exited', code: 0 });
      expect(name.kind === 'exited' && name.stdout.trim()).toBe('cms-orig');
    },
  );
});
