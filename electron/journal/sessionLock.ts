import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'session.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** How many journals of this process have each session open (the lock is the process's, not the object's). */
const heldHere = new Map<string, number>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One writer per session folder: two processes appending to one hash chain would break it. The lock
 * file names its process; a lock whose process is gone (the app was killed, the laptop lost power) or
 * that was made on another machine (the folder was copied) is taken over.
 */
export async function acquireSessionLock(directory: string): Promise<{ heldBy: string | null }> {
  const key = path.resolve(directory);
  const lockPath = path.join(key, LOCK_FILE);
  const count = heldHere.get(key) ?? 0;
  if (count > 0) {
    heldHere.set(key, count + 1);
    return { heldBy: null };
  }
  const mine: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockPath, JSON.stringify(mine), { flag: 'wx' });
      heldHere.set(key, 1);
      return { heldBy: null };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readFile(lockPath, 'utf8')
      .then((text) => JSON.parse(text) as LockOwner)
      .catch(() => null);
    if (owner && owner.host === mine.host && owner.pid !== process.pid && alive(owner.pid)) {
      return { heldBy: `process ${owner.pid} since ${owner.since}` };
    }
    await rm(lockPath, { force: true });
  }
  return { heldBy: 'another process that keeps taking the lock' };
}

export async function releaseSessionLock(directory: string): Promise<void> {
  const key = path.resolve(directory);
  const count = heldHere.get(key) ?? 0;
  if (count > 1) {
    heldHere.set(key, count - 1);
    return;
  }
  if (count === 0) return;
  heldHere.delete(key);
  await rm(path.join(key, LOCK_FILE), { force: true });
}
