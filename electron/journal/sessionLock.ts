import { randomBytes } from 'node:crypto';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
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
 * that was made on another machine (the folder was copied) is taken over. A takeover is itself done
 * under a second exclusive file, so two processes finding the same dead lock never both take it: the
 * one that creates the takeover file checks the owner again, replaces the lock and removes it; the
 * other waits for that and then finds a live owner.
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
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await createExclusive(lockPath, mine)) {
      heldHere.set(key, 1);
      return { heldBy: null };
    }
    const owner = await readOwner(lockPath);
    if (owner && isLive(owner, mine)) return { heldBy: `process ${owner.pid} since ${owner.since}` };
    if (await takeOver(lockPath, mine)) {
      heldHere.set(key, 1);
      return { heldBy: null };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { heldBy: 'another process that keeps taking the lock' };
}

/** The lock's owner is a running process of this machine (not this one). */
function isLive(owner: LockOwner, mine: LockOwner): boolean {
  return owner.host === mine.host && owner.pid !== mine.pid && alive(owner.pid);
}

/** Creates `file` with the owner in it, whole, or not at all (a hard link never exists half-written). */
async function createExclusive(file: string, owner: LockOwner): Promise<boolean> {
  const draft = `${file}.${owner.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, JSON.stringify(owner));
  try {
    await link(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    await rm(draft, { force: true });
  }
}

async function readOwner(file: string): Promise<LockOwner | null> {
  return readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as LockOwner)
    .catch(() => null);
}

/**
 * Replaces a dead lock with ours, under the takeover file; false when another process is taking over
 * (or took over) meanwhile. A takeover file left by a process that died mid-takeover is removed first.
 */
async function takeOver(lockPath: string, mine: LockOwner): Promise<boolean> {
  const takeoverPath = `${lockPath}.takeover`;
  if (!(await createExclusive(takeoverPath, mine))) {
    const taker = await readOwner(takeoverPath);
    if (taker && !isLive(taker, mine) && Date.parse(taker.since) < Date.now() - 5_000)
      await rm(takeoverPath, { force: true });
    return false;
  }
  try {
    const owner = await readOwner(lockPath);
    if (owner && isLive(owner, mine)) return false;
    await rm(lockPath, { force: true });
    return await createExclusive(lockPath, mine);
  } finally {
    await rm(takeoverPath, { force: true });
  }
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
