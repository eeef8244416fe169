import path from 'node:path';
import { replaceFileAtomically } from './atomicFile.ts';
import { readPlainFile } from './plainFiles.ts';
import { signedHeadIsValid } from '../signing/installationKey.ts';

/** Beside the journal: how many events it held, and its chain's hash there, when last written to. */
export const HEAD_FILE = 'journal.head';

export interface JournalHead {
  events: number;
  hash: string;
  at: string;
  /** The installation key that signed `events` and `hash` (absent in sessions of older versions). */
  publicKey?: string;
  signature?: string;
}

/**
 * The journal's head as last recorded beside it (null when there is none: a session of an older
 * version, or one never written to). It catches a journal that lost lines at its end (an older copy
 * restored, a sync tool, an edit); signed, it also catches someone who rewrites both files without the
 * installation's key.
 */
export async function readJournalHead(directory: string): Promise<JournalHead | null> {
  const text = await readPlainFile(path.join(directory, HEAD_FILE)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return null;
  try {
    const head = JSON.parse(text) as JournalHead;
    if (!Number.isInteger(head.events) || typeof head.hash !== 'string') return null;
    return head;
  } catch {
    return null;
  }
}

/** Replaces the head file whole. */
export async function writeJournalHead(directory: string, head: JournalHead): Promise<void> {
  await replaceFileAtomically(path.join(directory, HEAD_FILE), `${JSON.stringify(head)}\n`);
}

/**
 * A journal shorter than its head file says, or whose chain differs at that point, lost its end (or was
 * replaced). The head must have been read before the journal (a writer only ever adds after it).
 */
export function cutOffProblem(
  head: JournalHead | null,
  entries: readonly { hash: string }[],
): { line: number; reason: string } | null {
  if (!head || head.events === 0) return null;
  if (
    head.signature !== undefined &&
    !signedHeadIsValid({
      events: head.events,
      hash: head.hash,
      publicKey: String(head.publicKey),
      signature: String(head.signature),
    })
  )
    return {
      line: Math.min(head.events, entries.length + 1),
      reason: `the journal's head file was altered: its signature does not match the ${head.events} events and hash it states`,
    };
  if (entries.length < head.events)
    return {
      line: entries.length + 1,
      reason: `the journal ends after ${entries.length} events, but it held ${head.events} on ${head.at}: lines were cut off its end`,
    };
  if (entries[head.events - 1]!.hash !== head.hash)
    return {
      line: head.events,
      reason: `the journal's history up to event ${head.events} is not the one recorded on ${head.at}: it was replaced or rewritten`,
    };
  return null;
}
