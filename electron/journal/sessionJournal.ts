import { truncate } from 'node:fs/promises';
import { assertPlainFolder, openPlainForAppending, readPlainFile } from './plainFiles.ts';
import path from 'node:path';
import { sessionEventSchema, type SessionEvent } from '../../shared/session/sessionEvents.ts';
import { SessionGuardError } from '../../shared/session/sessionGuardError.ts';
import { SessionFold } from '../../shared/session/reduceSession.ts';
import type { SessionState } from '../../shared/session/sessionState.ts';
import { GroupCommitFile } from './groupCommitFile.ts';
import { encodeJournalLine, GENESIS_HASH, sha256Hex } from './journalLine.ts';
import { readJournalText, type JournalBreak } from './readJournal.ts';
import { EXPORTS_DIR, TRANSCRIPTS_DIR } from './sessionFolders.ts';
import { cutOffProblem, readJournalHead, writeJournalHead, type JournalHead } from './journalHead.ts';
import type { InstallationKey } from '../signing/installationKey.ts';
import { sealMismatch } from './transcriptSeal.ts';
import { acquireSessionLock, releaseSessionLock } from './sessionLock.ts';

export const JOURNAL_FILE = 'journal.jsonl';

/** What opening a journal found and did, for the technician and the report. */
export interface JournalOpenReport {
  /** A torn last line was dropped (and cut from the file): it was never acknowledged. */
  droppedTornLine: { line: number; bytes: number } | null;
  /** The journal is damaged from this line on; the session opens read-only with the events before it. */
  problem: JournalBreak | null;
}

export class JournalReadOnlyError extends Error {
  override readonly name = 'JournalReadOnlyError';
}

const KNOWN_EVENT_TYPES = new Set<string>(
  sessionEventSchema.options.map((option) => option.shape.type.value),
);

/** Why a well-chained line holds no event this version understands: a newer app, or an edited file. */
function invalidEventReason(event: unknown, detail: string | undefined): string {
  const type = (event as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && !KNOWN_EVENT_TYPES.has(type))
    return `the event type "${type.slice(0, 60)}" is unknown to this version of the app (was the session written by a newer version?)`;
  return `the event is not valid: ${detail ?? 'unknown'}`;
}

type Listener = (event: SessionEvent) => void;

/** Signs the journal's head with this installation's key. */
export type HeadSigner = Pick<InstallationKey, 'signHead'>;

export interface JournalOptions {
  /** Without one, the head beside the journal is written unsigned (tests, tools that only read). */
  signer?: HeadSigner;
}

/**
 * The session store: the append-only, hash-chained, fsync'd journal of one upgrade session and the state
 * folded from it. An event is checked against the session's rules before it is written, and `append`
 * resolves only once the event is on disk.
 */
export class SessionJournal {
  /** The state of what is on disk, folded up to `durableFolded` events when it is read. */
  private readonly durable: SessionFold;
  private durableFolded: number;
  /** The state including events accepted but not yet on disk; later appends are checked against it. */
  private readonly accepted: SessionFold;
  private nextSeq: number;
  private headHash: string;
  private readonly listeners = new Set<Listener>();
  private writeFailure: Error | null = null;
  private readonly durableEvents: SessionEvent[];
  private closed = false;
  /** The chain's hash after the last event on disk, and the head file's writes, one after the other. */
  private durableHash: string;
  private headWrites: Promise<void> = Promise.resolve();
  private headRecordedAt = 0;
  private signer: HeadSigner | null = null;

  private constructor(
    readonly directory: string,
    private readonly file: GroupCommitFile | null,
    fold: SessionFold,
    seq: number,
    headHash: string,
    readonly openReport: JournalOpenReport,
    events: SessionEvent[],
  ) {
    this.durableEvents = events;
    this.durable = fold;
    this.durableFolded = events.length;
    // Each fold grows only lists of its own, so an accepted event never shows in the durable state early.
    this.accepted = new SessionFold(fold.state);
    this.nextSeq = seq;
    this.headHash = headHash;
    this.durableHash = headHash;
  }

  /** Opens (or starts) the journal in a session folder. A damaged journal opens read-only. */
  static async open(directory: string, options: JournalOptions = {}): Promise<SessionJournal> {
    const journalPath = path.join(directory, JOURNAL_FILE);
    await assertPlainFolder(directory, [TRANSCRIPTS_DIR, EXPORTS_DIR]);
    // The lock before the read: what is read is then what the next append continues.
    const { heldBy } = await acquireSessionLock(directory);
    try {
      const journal = await SessionJournal.openLocked(directory, journalPath, heldBy);
      journal.signer = options.signer ?? null;
      // A session of an older version, or one last written elsewhere, gets this installation's head now.
      if (!journal.readOnly && journal.signer && journal.durableEvents.length > 0) journal.recordHead();
      return journal;
    } catch (error) {
      if (!heldBy) await releaseSessionLock(directory);
      throw error;
    }
  }

  private static async openLocked(
    directory: string,
    journalPath: string,
    heldBy: string | null,
  ): Promise<SessionJournal> {
    // The head first: it never says more than the journal holds at any moment after it.
    const head = await readJournalHead(directory);
    const text = await readPlainFile(journalPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const read = readJournalText(text);
    const fold = new SessionFold();
    let problem = read.chainBreak;
    let trusted = 0;
    const events: SessionEvent[] = [];
    for (const entry of read.entries) {
      const parsed = sessionEventSchema.safeParse(entry.event);
      if (!parsed.success) {
        problem = {
          line: entry.line,
          reason: invalidEventReason(entry.event, parsed.error.issues[0]?.message),
        };
        break;
      }
      try {
        fold.apply(parsed.data);
      } catch (error) {
        if (!(error instanceof SessionGuardError)) throw error;
        problem = { line: entry.line, reason: `the event breaks the session rules: ${error.message}` };
        break;
      }
      trusted++;
      events.push(parsed.data);
    }
    // Against the head only under the lock: another writer may be between its append and its head.
    if (!problem && !heldBy) problem = cutOffProblem(head, read.entries);
    if (!problem && !heldBy) problem = await sealedTranscriptProblem(directory, fold.state.transcriptSeals);
    const report: JournalOpenReport = { droppedTornLine: problem ? null : read.tornTail, problem };
    if (problem) {
      if (!heldBy) await releaseSessionLock(directory);
      const headHash = trusted === 0 ? GENESIS_HASH : read.entries[trusted - 1]!.hash;
      return new SessionJournal(directory, null, fold, trusted + 1, headHash, report, events);
    }
    if (heldBy) {
      const busy = {
        line: 0,
        reason: `the session is open in another app or command (${heldBy}); it opens read-only here`,
      };
      return new SessionJournal(
        directory,
        null,
        fold,
        trusted + 1,
        read.headHash,
        { ...report, problem: busy },
        events,
      );
    }
    if (read.tornTail) await truncate(journalPath, read.intactBytes);
    const handle = await openPlainForAppending(journalPath);
    return new SessionJournal(
      directory,
      new GroupCommitFile(handle),
      fold,
      trusted + 1,
      read.headHash,
      report,
      events,
    );
  }

  get readOnly(): boolean {
    return this.file === null || this.writeFailure !== null;
  }

  /**
   * The state of everything acknowledged as written. Its lists grow in place as later events are
   * written (appending stays constant-time in the session's size): copy what must stay a snapshot.
   */
  get state(): SessionState {
    // Folded on read, not on each acknowledgement: the accepted fold already checked these events, in
    // this order, from the same state, so applying them again cannot be refused.
    while (this.durableFolded < this.durableEvents.length)
      this.durable.apply(this.durableEvents[this.durableFolded++]!);
    return this.durable.state;
  }

  /** Every event acknowledged, in journal order (what a renderer folds to the same state). */
  get events(): readonly SessionEvent[] {
    return this.durableEvents;
  }

  /** SHA-256 of the journal's last line: identifies exactly this history of the session. */
  get chainFingerprint(): string {
    return this.headHash;
  }

  /**
   * Checks the event against the session rules, writes it, and resolves with its sequence number (its
   * line in the journal, the session's event count with it) once it is on disk; `state` then includes
   * it. Rejects with SessionGuardError (nothing written) or JournalReadOnlyError.
   */
  async append(event: SessionEvent): Promise<number> {
    if (!this.file || this.writeFailure) {
      const why =
        this.writeFailure?.message ?? this.openReport.problem?.reason ?? 'the journal could not be written';
      throw new JournalReadOnlyError(`This session is read-only: ${why}.`);
    }
    const valid = sessionEventSchema.parse(event);
    this.accepted.apply(valid);
    const seq = this.nextSeq++;
    const line = encodeJournalLine({ seq, prev: this.headHash, event: valid });
    const lineHash = sha256Hex(line);
    this.headHash = lineHash;
    try {
      await this.file.append(`${line}\n`);
    } catch (error) {
      this.writeFailure ??= error instanceof Error ? error : new Error(String(error));
      throw new JournalReadOnlyError(
        `The journal could not be written (${this.writeFailure.message}); the event was not recorded.`,
      );
    }
    // Appends resolve in order, so the durable events are exactly the accepted events, in order.
    this.durableEvents.push(valid);
    this.durableHash = lineHash;
    if (Date.now() - this.headRecordedAt >= HEAD_EVERY_MS) this.recordHead();
    for (const listener of this.listeners) listener(valid);
    return seq;
  }

  /** Called after each event is on disk, in journal order. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes the head file beside the journal (after what is on disk), never failing an append for it. */
  private recordHead(): void {
    this.headRecordedAt = Date.now();
    const events = this.durableEvents.length;
    const signed = this.signer?.signHead(events, this.durableHash);
    const head: JournalHead = {
      events,
      hash: this.durableHash,
      at: new Date().toISOString(),
      ...(signed && { publicKey: signed.publicKey, signature: signed.signature }),
    };
    this.headWrites = this.headWrites
      .then(() => writeJournalHead(this.directory, head))
      .catch(() => undefined);
  }

  async close(): Promise<void> {
    if (!this.file || this.closed) return;
    this.closed = true;
    await this.file.close();
    if (!this.writeFailure) this.recordHead();
    await this.headWrites;
    await releaseSessionLock(this.directory);
  }
}

/**
 * A transcript that no longer starts with exactly what was sealed into the journal: the record's
 * evidence was changed, so the session opens read-only like a journal edited by hand.
 */
async function sealedTranscriptProblem(
  directory: string,
  seals: SessionState['transcriptSeals'],
): Promise<JournalBreak | null> {
  for (const [relative, seal] of Object.entries(seals)) {
    const mismatch = await sealMismatch(directory, relative, seal);
    if (mismatch) return { line: 0, reason: `transcript ${mismatch}` };
  }
  return null;
}

/**
 * How often, at most, the head file is rewritten while a session runs (and always when it closes): often
 * enough that it is seldom far behind, seldom enough not to slow a burst of appends.
 */
const HEAD_EVERY_MS = 1000;
