import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256Fingerprint } from '../ssh/hostKeyPins.ts';
import { utils } from '../ssh/ssh2.ts';
import { SIM_HOST_NAMES, type SimHostName } from './simState.ts';

/** The simulated hosts' private keys, kept in the state folder so pinned fingerprints stay valid across restarts. */
export async function loadOrCreateSimHostKeys(directory: string): Promise<Record<SimHostName, string>> {
  const keys = {} as Record<SimHostName, string>;
  for (const host of SIM_HOST_NAMES) {
    const file = path.join(directory, `ssh_host_${host}_ed25519`);
    try {
      keys[host] = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      keys[host] = utils.generateKeyPairSync('ed25519').private;
      await writeFile(file, keys[host], { mode: 0o600 });
    }
  }
  return keys;
}

/** SHA-256 fingerprint of a private key's public half, as clients show it. */
export function simHostKeyFingerprint(privateKey: string): string {
  const parsed = utils.parseKey(privateKey);
  if (parsed instanceof Error) throw parsed;
  const key = Array.isArray(parsed) ? parsed[0]! : parsed;
  return sha256Fingerprint(key.getPublicSSH());
}
