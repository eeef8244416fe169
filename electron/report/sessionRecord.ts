import { cutOffProblem, readJournalHead, type JournalHead } from '../journal/journalHead.ts';
import { assertPlainFolder, readPlainFile } from '../journal/plainFiles.ts';
import path from 'node:path';
import { sessionEventSchema, type SessionEvent } from '../../shared/session/sessionEvents.ts';
import { readJournalText } from '../journal/readJournal.ts';
import { JOURNAL_FILE } from '../journal/sessionJournal.ts';

/** A session's journal as a report needs it: its events, the chain fingerprint, and any problem found. */
export interface SessionRecord {
  directory: string;
  events: SessionEvent[];
  chainFingerprint: string;
  /** The chain hash after each event: `eventHashes[n - 1]` identifies the journal as it was after n events. */
  eventHashes: string[];
  /** Where the journal stops being trustworthy (a broken chain, an unreadable event); null when intact. */
  problem: string | null;
  /** The head file beside the journal as read (null when there is none). */
  head: JournalHead | null;
}

/** Reads a session folder without writing to it (a session may be open in the app at the same time). */
export async function readSessionRecord(directory: string): Promise<SessionRecord> {
  let text: string;
  let head: JournalHead | null;
  try {
    await assertPlainFolder(directory);
    // The head before the journal: a running app only ever adds after it.
    head = await readJournalHead(directory);
    text = await readPlainFile(path.join(directory, JOURNAL_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${directory} is not a session folder: it has no ${JOURNAL_FILE}.`, { cause: error });
    throw error;
  }
  const read = readJournalText(text);
  const events: SessionEvent[] = [];
  const eventHashes: string[] = [];
  const cut = read.chainBreak ? null : cutOffProblem(head, read.entries);
  const broken = read.chainBreak ?? cut;
  let problem = broken ? `journal line ${broken.line}: ${broken.reason}` : null;
  for (const entry of read.entries) {
    const parsed = sessionEventSchema.safeParse(entry.event);
    if (!parsed.success) {
      problem ??= `journal line ${entry.line}: not a session event (${parsed.error.issues[0]?.message ?? 'invalid'})`;
      break;
    }
    events.push(parsed.data);
    eventHashes.push(entry.hash);
  }
  return {
    directory,
    events,
    chainFingerprint: eventHashes.at(-1) ?? read.headHash,
    eventHashes,
    problem,
    head,
  };
}
