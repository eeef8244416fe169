import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { defaultPair } from '../../electron/simulator/defaultPair.ts';
import { FolderSimStore } from '../../electron/simulator/simStore.ts';
import { HostKeyPins } from '../../electron/ssh/hostKeyPins.ts';
import { SshConnection } from '../../electron/ssh/sshConnection.ts';
import {
  CLIENT_KEY_PASSPHRASE,
  makeSharedStateDir,
  makeSimCommandDir,
  sshdUnavailableReason,
  startSshd,
  TEST_USER,
  type RunningSshd,
  type SshdOptions,
} from './sshdServer.ts';

export * from './sshdServer.ts';

/** Whether this file's sshd tests must skip; says why (once) when they do. */
export function skipWithoutSshd(file: string): boolean {
  const reason = sshdUnavailableReason();
  if (reason) console.warn(`${file}: ${reason}`);
  return reason !== null;
}

/** Starts an sshd before the tests of the enclosing describe and stops it after them. */
export function useSshd(options: SshdOptions = {}): () => RunningSshd {
  let sshd: RunningSshd | undefined;
  beforeAll(async () => {
    sshd = await startSshd(options);
  });
  afterAll(async () => {
    await sshd?.stop();
  });
  return () => {
    if (!sshd) throw new Error('sshd is not running (used outside a test?)');
    return sshd;
  };
}

export interface SimulatedPairBehindSshd {
  store: FolderSimStore;
  /** The simulated commands (a login shell's profile leaves them off its PATH). */
  commandDir: string;
  orig: RunningSshd;
  neu: RunningSshd;
  /** Logs in as the test user (key auth) to ORIG or NEW. */
  login(host: 'orig' | 'new'): Promise<SshConnection>;
}

/** The simulated pair served by two real sshd (ORIG and NEW) for the enclosing describe. */
export function useSimulatedPairBehindSshd(): () => SimulatedPairBehindSshd {
  let pair: SimulatedPairBehindSshd | undefined;
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-sim-'));
    const commandDir = await makeSimCommandDir(root);
    const store = await FolderSimStore.create(await makeSharedStateDir(root), defaultPair());
    const [orig, neu] = await Promise.all([
      startSshd({ simulator: { stateDir: store.directory, commandDir, host: 'orig' } }),
      startSshd({ simulator: { stateDir: store.directory, commandDir, host: 'new' } }),
    ]);
    const pins = new HostKeyPins();
    pair = {
      store,
      commandDir,
      orig,
      neu,
      login: (host) => {
        const sshd = host === 'orig' ? orig : neu;
        return SshConnection.connect({
          target: { host: '127.0.0.1', port: sshd.port, user: TEST_USER, legacyAlgorithms: true },
          credentials: { privateKey: sshd.clientKey, passphrase: CLIENT_KEY_PASSPHRASE },
          questions: { confirmHostKey: async () => true, answerPrompts: async () => null },
          pins,
        });
      },
    };
  });
  afterAll(async () => {
    await Promise.all([pair?.orig.stop(), pair?.neu.stop()]);
    await rm(root, { recursive: true, force: true });
  });
  return () => {
    if (!pair) throw new Error('the simulated pair is not running');
    return pair;
  };
}
