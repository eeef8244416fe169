import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import { headStatement, type SignedHead } from '../../shared/report/signedHead.ts';
import type { KeyVault } from './keyVaults.ts';

/**
 * This installation's Ed25519 key: generated on first use, kept by a vault (Electron's safeStorage, or a
 * file only the user can read), never in a session folder. It signs journal heads, so a journal edited
 * and re-chained by someone without the key no longer verifies.
 */
export interface InstallationKey {
  /** The public key's 32 bytes, base64url: printed in every report. */
  readonly publicKey: string;
  /** `SHA256:` and the public key's hash, as OpenSSH prints key fingerprints. */
  readonly fingerprint: string;
  signHead(events: number, hash: string): SignedHead;
}

export function keyFingerprint(publicKey: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('base64');
  return `SHA256:${digest.replace(/=+$/, '')}`;
}

function keyFromPem(pem: string): InstallationKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('it is not an Ed25519 key');
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const publicKey = jwk.x!;
  return {
    publicKey,
    fingerprint: keyFingerprint(publicKey),
    signHead: (events, hash) => ({
      events,
      hash,
      publicKey,
      signature: sign(null, Buffer.from(headStatement(events, hash)), privateKey).toString('base64url'),
    }),
  };
}

/** This installation's key from its vault, generated and stored there the first time. */
export async function loadInstallationKey(vault: KeyVault): Promise<InstallationKey> {
  const stored = await vault.readPrivateKey();
  if (stored !== null) {
    try {
      return keyFromPem(stored);
    } catch (error) {
      throw new Error(
        `The installation key in ${vault.where} cannot be used (${error instanceof Error ? error.message : String(error)}); move it away to make a new key.`,
        { cause: error },
      );
    }
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const key = keyFromPem(pem);
  // Two processes starting together: the first to store its key wins, and both use that one.
  const kept = await vault.storePrivateKeyOnce(pem, key.publicKey);
  return kept === pem ? key : keyFromPem(kept);
}

/** Whether `head.signature` is the signature of its statement by `head.publicKey`. */
export function signedHeadIsValid(head: SignedHead): boolean {
  try {
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: head.publicKey },
      format: 'jwk',
    });
    return verify(
      null,
      Buffer.from(headStatement(head.events, head.hash)),
      publicKey,
      Buffer.from(head.signature, 'base64url'),
    );
  } catch {
    return false;
  }
}
