import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultPair } from '../simulator/defaultPair.ts';
import { loadOrCreateSimHostKeys, simHostKeyFingerprint } from '../simulator/simHostKeys.ts';
import { startSimServer, type RunningSimServer } from '../simulator/simServer.ts';
import { SIM_ROOT_PASSWORD } from '../simulator/programs/su.ts';
import { FolderSimStore } from '../simulator/simStore.ts';

export const DEFAULT_SIM_PORT = 2222;
export const SIM_PASSWORD = 'cms';

export function defaultSimStateDir(): string {
  return path.join(os.homedir(), '.cms-ha', 'simulator');
}

/** Starts the simulated pair (ORIG on `port`, NEW on `port + 1`) and returns the banner to print. */
export async function startSimulatedPair(options: {
  port: number;
  stateDir: string;
  timeScale: number;
  /** `unfamiliar`: outputs the manual does not pin down printed otherwise than the app expects. */
  variant?: 'default' | 'unfamiliar';
}): Promise<{ server: RunningSimServer; banner: string }> {
  await mkdir(options.stateDir, { recursive: true });
  let store: FolderSimStore;
  try {
    store = new FolderSimStore(options.stateDir);
    await store.read();
  } catch {
    store = await FolderSimStore.create(options.stateDir, defaultPair());
  }
  if (options.variant) {
    const outputs = options.variant;
    await store.update((pair) => {
      pair.outputs = outputs;
      // A real server like the unfamiliar one refuses root logins (SunSSH's default).
      pair.rootLogin = outputs === 'unfamiliar' ? 'refused' : 'allowed';
    });
  }
  const hostKeys = await loadOrCreateSimHostKeys(options.stateDir);
  const server = await startSimServer({
    store,
    timeScale: options.timeScale,
    hostKeys,
    ports: { orig: options.port, new: options.port === 0 ? 0 : options.port + 1 },
    users: { root: SIM_PASSWORD, cms: SIM_PASSWORD },
  });
  const state = await store.read();
  const rootRefused = state.rootLogin === 'refused';
  const loginUser = rootRefused ? 'cms' : 'root';
  const line = (label: string, host: 'orig' | 'new') =>
    `  ${label}  ssh -p ${server.ports[host]} ${loginUser}@127.0.0.1   ${state.hosts[host].hostname}, SunOS ${state.hosts[host].solarisRelease}, CMS ${state.hosts[host].cmsVersion}\n        host key ${simHostKeyFingerprint(hostKeys[host])}`;
  const banner = [
    'Simulated CMS pair (training only, listening on 127.0.0.1):',
    line('ORIG', 'orig'),
    line('NEW ', 'new'),
    rootRefused
      ? `Root cannot log in (as on a default SunSSH): log in as cms, password "${SIM_PASSWORD}", then su - with root password "${SIM_ROOT_PASSWORD}" (cms-ha session new --su).`
      : `Users root and cms, password "${SIM_PASSWORD}" (su - root: "${SIM_ROOT_PASSWORD}").`,
    'Tapes: run "simctl tapes", "simctl insert DDS4-01", "simctl eject" on a host (the technician\'s hands).',
    `Try: cms-ha probe ${loginUser}@127.0.0.1:${server.ports.orig} --accept-new-host-key`,
    `Outputs: ${state.outputs === 'unfamiliar' ? 'unfamiliar (what the manual does not show is printed another way: br_check, r3mig.log, the cmsadm menu, the restore log; you judge what the app cannot read)' : 'default'}`,
    `State (tapes, logs, host keys): ${options.stateDir}`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
  return { server, banner };
}
