import { constants } from 'node:fs';
import { link, mkdir, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { replaceFileAtomically, temporaryBeside, writeSyncedFile } from '../journal/atomicFile.ts';

/** Where the CLI and the browser harness keep this installation's key (beside their sessions folder). */
export function defaultKeyDirectory(): string {
  return path.join(os.homedir(), '.cms-ha');
}

/** Where an installation's private key is kept: read it back, or store it the first time. */
export interface KeyVault {
  /** Where the key is kept, said in messages. */
  readonly where: string;
  readPrivateKey(): Promise<string | null>;
  /** Stores `pem` unless a key is stored already; resolves with the key that is stored, this one or that. */
  storePrivateKeyOnce(pem: string, publicKey: string): Promise<string>;
}

/** Electron's `safeStorage` (the operating system's keychain, DPAPI or secret service), or a stand-in. */
export interface SecretProtector {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(sealed: Buffer): string;
}

const PUBLIC_KEY_FILE = 'installation-key.pub';
const PLAIN_KEY_FILE = 'installation-key.pem';
const SEALED_KEY_FILE = 'installation-key.sealed';

/**
 * Under Node (the CLI, the browser harness): the key in a file only this user can read (0600 in a 0700
 * folder). A key file that others can read, or that is a link, is refused, not used.
 */
export function userOnlyFileVault(directory: string): KeyVault {
  const file = path.join(directory, PLAIN_KEY_FILE);
  return {
    where: file,
    readPrivateKey: async () => {
      const bytes = await readUserOnlyFile(file);
      return bytes && bytes.toString('utf8');
    },
    storePrivateKeyOnce: async (pem, publicKey) => {
      const stored = await createOnce(directory, file, Buffer.from(pem), publicKey);
      return stored.toString('utf8');
    },
  };
}

/**
 * In Electron: the key encrypted with `safeStorage`, so the file alone (a copied disk, a backup) does
 * not give it. Where the system offers no encryption (Linux without a secret service), the user-only
 * file is used instead, and `where` says so.
 */
export function protectedFileVault(directory: string, protector: SecretProtector): KeyVault {
  if (!protector.isEncryptionAvailable()) {
    const fallback = userOnlyFileVault(directory);
    return { ...fallback, where: `${fallback.where} (this system offers no key store)` };
  }
  const file = path.join(directory, SEALED_KEY_FILE);
  return {
    where: `${file} (encrypted by the system's key store)`,
    readPrivateKey: async () => {
      const sealed = await readUserOnlyFile(file);
      return sealed && protector.decryptString(sealed);
    },
    storePrivateKeyOnce: async (pem, publicKey) => {
      const stored = await createOnce(directory, file, protector.encryptString(pem), publicKey);
      return protector.decryptString(stored);
    },
  };
}

/** The installation's public key as its vault left it beside the private key (null when there is none). */
export async function readInstallationPublicKey(directory: string): Promise<string | null> {
  const bytes = await readUserOnlyFile(path.join(directory, PUBLIC_KEY_FILE), false);
  return bytes && bytes.toString('utf8').trim();
}

async function readUserOnlyFile(file: string, secret = true): Promise<Buffer | null> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      if (error.code === 'ELOOP')
        throw new Error(`${file} is a symbolic link: the installation key is read only from a plain file.`);
      throw error;
    },
  );
  if (!handle) return null;
  try {
    const stats = await handle.stat();
    if (secret && process.platform !== 'win32' && (stats.mode & 0o077) !== 0)
      throw new Error(
        `${file} can be read by other users of this computer; the installation key must be readable only by you (chmod 600 it, or remove it to make a new key).`,
      );
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * Creates `file` whole or not at all (written beside it, flushed, then hard-linked into place, which
 * fails if it exists), then the public key beside it. Resolves with what `file` holds afterwards.
 */
async function createOnce(
  directory: string,
  file: string,
  content: Buffer,
  publicKey: string,
): Promise<Buffer> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const temporary = temporaryBeside(file);
  try {
    await writeSyncedFile(temporary, content, 0o600);
    const created = await link(temporary, file).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') return false;
        throw error;
      },
    );
    if (created) {
      await replaceFileAtomically(path.join(directory, PUBLIC_KEY_FILE), `${publicKey}\n`);
      return content;
    }
    const stored = await readUserOnlyFile(file);
    if (!stored) throw new Error(`${file} vanished while the installation key was being created.`);
    return stored;
  } finally {
    await rm(temporary, { force: true });
  }
}
