import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256Fingerprint } from '../ssh/hostKeyPins.ts';
import { utils } from '../ssh/ssh2.ts';
import { SIM_HOST_NAMES, type SimHostName } from './simState.ts';

/**
 * A fresh ed25519 host key. ssh2's generator now and then (about 1 in 200) writes an ed25519 key its
 * own parser rejects as malformed; such a key is thrown away and another one made.
 */
export function generateSimHostKey(): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const key = utils.generateKeyPairSync('ed25519').private;
    if (!(utils.parseKey(key) instanceof Error)) return key;
  }
  throw new Error('Could not generate a usable ed25519 host key');
}

/** The simulated hosts' private keys, kept in the state folder so pinned fingerprints stay valid across restarts. */
export async function loadOrCreateSimHostKeys(directory: string): Promise<Record<SimHostName, string>> {
  const keys = {} as Record<SimHostName, string>;
  for (const host of SIM_HOST_NAMES) {
    const file = path.join(directory, `ssh_host_${host}_ed25519`);
    try {
      keys[host] = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      keys[host] = generateSimHostKey();
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
