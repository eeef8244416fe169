import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

/**
 * Replaces `file` whole: written beside it, flushed to disk, then renamed over it, so a reader sees the
 * old file or the new one, never half of one; the temporary file never stays behind.
 */
export async function replaceFileAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const temporary = temporaryBeside(file);
  try {
    await writeSyncedFile(temporary, content, 0o644);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** A name beside `file` that no other process or call uses. */
export function temporaryBeside(file: string): string {
  return `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

/** Creates `file` (never an existing one) with `content`, flushed to disk before it resolves. */
export async function writeSyncedFile(
  file: string,
  content: string | Uint8Array,
  mode: number,
): Promise<void> {
  const handle = await open(file, 'wx', mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
