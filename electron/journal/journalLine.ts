import { hash } from 'node:crypto';

/** The chain's anchor: the `prev` of a journal's first line. */
export const GENESIS_HASH = '0'.repeat(64);

export interface JournalLine {
  seq: number;
  /** SHA-256 (hex) of the previous line's exact text, without its newline. */
  prev: string;
  event: unknown;
}

export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

export function encodeJournalLine(line: JournalLine): string {
  return JSON.stringify({ seq: line.seq, prev: line.prev, event: line.event });
}
