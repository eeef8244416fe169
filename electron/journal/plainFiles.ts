import { constants, openSync } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * A session folder holds plain files only. A symbolic link in it (or the folder being one) could make
 * the app read a private key into a report or append a server's output to a file elsewhere, so no link
 * is followed: files are opened with O_NOFOLLOW, and the folder and its subfolders are checked first.
 */
const NO_FOLLOW = constants.O_NOFOLLOW;

export class SymbolicLinkError extends Error {
  override readonly name = 'SymbolicLinkError';
}

function refused(file: string, error: unknown): Error {
  if ((error as NodeJS.ErrnoException).code === 'ELOOP')
    return new SymbolicLinkError(
      `${path.basename(file)} is a symbolic link: the app reads and writes only plain files of a session folder.`,
    );
  return error as Error;
}

/** The session folder and the folders in it that the app writes are folders, not links to elsewhere. */
export async function assertPlainFolder(
  directory: string,
  subfolders: readonly string[] = [],
): Promise<void> {
  for (const folder of [directory, ...subfolders.map((name) => path.join(directory, name))]) {
    const stats = await lstat(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' && folder !== directory) return null;
      throw error;
    });
    if (stats?.isSymbolicLink())
      throw new SymbolicLinkError(
        `${folder} is a symbolic link: the app opens only plain session folders (copy the folder itself).`,
      );
  }
}

export async function openPlainForReading(file: string): Promise<FileHandle> {
  return open(file, constants.O_RDONLY | NO_FOLLOW).catch((error: unknown) => {
    throw refused(file, error);
  });
}

export async function readPlainFile(file: string): Promise<string> {
  const handle = await openPlainForReading(file);
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

export async function openPlainForAppending(file: string): Promise<FileHandle> {
  return open(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NO_FOLLOW, 0o600).catch(
    (error: unknown) => {
      throw refused(file, error);
    },
  );
}

/** For a stream opened at once: the descriptor of a plain file to append to. */
export function openPlainForAppendingSync(file: string): number {
  try {
    return openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NO_FOLLOW, 0o600);
  } catch (error) {
    throw refused(file, error);
  }
}
