import { GENESIS_HASH, sha256Hex } from './journalLine.ts';

export interface JournalEntry {
  seq: number;
  /** 1-based line number in journal.jsonl. */
  line: number;
  event: unknown;
  /** SHA-256 of this line: the `prev` of the next one. */
  hash: string;
}

export interface JournalBreak {
  line: number;
  reason: string;
}

export interface JournalReadResult {
  entries: JournalEntry[];
  /** Hash of the last intact line: the next line's `prev`, and the fingerprint a report quotes. */
  headHash: string;
  /** Byte length of the intact part of the file (everything before a torn tail). */
  intactBytes: number;
  /** An unterminated last line: a write cut short by a crash. Never acknowledged, so dropping it loses nothing. */
  tornTail: { line: number; bytes: number } | null;
  /** The first line where the chain or the line format is broken; nothing from there on is trusted. */
  chainBreak: JournalBreak | null;
}

/** Checks a journal's text line by line: format, sequence numbers and the SHA-256 chain. */
export function readJournalText(text: string): JournalReadResult {
  const lastNewline = text.lastIndexOf('\n');
  const intact = text.slice(0, lastNewline + 1);
  const tail = text.slice(lastNewline + 1);
  const lines = intact === '' ? [] : intact.slice(0, -1).split('\n');
  const entries: JournalEntry[] = [];
  let headHash = GENESIS_HASH;
  let chainBreak: JournalBreak | null = null;

  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const lineNumber = index + 1;
    const problem = checkLine(raw, lineNumber, headHash);
    if (problem === 'previous-line-altered') {
      // The hash mismatch shows only on the line after the altered one: distrust both.
      const altered = entries.pop();
      headHash = entries.at(-1)?.hash ?? GENESIS_HASH;
      chainBreak = {
        line: altered?.line ?? lineNumber,
        reason: `line ${lineNumber} does not chain to line ${lineNumber - 1}: one of them was altered`,
      };
      break;
    }
    if (typeof problem === 'string') {
      chainBreak = { line: lineNumber, reason: problem };
      break;
    }
    headHash = sha256Hex(raw);
    entries.push({ seq: problem.seq, line: lineNumber, event: problem.event, hash: headHash });
  }

  return {
    entries,
    headHash,
    intactBytes: Buffer.byteLength(intact, 'utf8'),
    tornTail: tail === '' ? null : { line: lines.length + 1, bytes: Buffer.byteLength(tail, 'utf8') },
    chainBreak,
  };
}

function checkLine(
  raw: string,
  lineNumber: number,
  expectedPrev: string,
): { seq: number; event: unknown } | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return 'the line is not valid JSON';
  }
  if (typeof parsed !== 'object' || parsed === null) return 'the line is not a journal record';
  const record = parsed as Record<string, unknown>;
  if (record.seq !== lineNumber)
    return `sequence number ${String(record.seq)} where ${lineNumber} was expected`;
  if (record.prev !== expectedPrev)
    return lineNumber === 1 ? 'the first line does not start the chain' : 'previous-line-altered';
  if (!('event' in record)) return 'the line has no event';
  return { seq: lineNumber, event: record.event };
}
