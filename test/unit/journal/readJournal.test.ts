import { describe, expect, it } from 'vitest';
import { encodeJournalLine, GENESIS_HASH, sha256Hex } from '../../../electron/journal/journalLine.ts';
import { readJournalText } from '../../../electron/journal/readJournal.ts';

function chain(events: unknown[]): string[] {
  const lines: string[] = [];
  let prev = GENESIS_HASH;
  events.forEach((event, index) => {
    const line = encodeJournalLine({ seq: index + 1, prev, event });
    lines.push(line);
    prev = sha256Hex(line);
  });
  return lines;
}

describe('readJournalText', () => {
  it('reads an intact chain and reports the hash of its last line', () => {
    const lines = chain([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const result = readJournalText(lines.map((l) => `${l}\n`).join(''));
    expect(result.entries.map((e) => e.event)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(result.headHash).toBe(sha256Hex(lines[2]!));
    expect(result.tornTail).toBeNull();
    expect(result.chainBreak).toBeNull();
  });

  it('reports an unterminated last line as torn, keeping every line before it', () => {
    const lines = chain([{ n: 1 }, { n: 2 }]);
    const text = `${lines[0]}\n${lines[1]!.slice(0, 17)}`;
    const result = readJournalText(text);
    expect(result.entries).toHaveLength(1);
    expect(result.tornTail).toEqual({ line: 2, bytes: 17 });
    expect(result.intactBytes).toBe(lines[0]!.length + 1);
  });

  it('reports an altered line by its number: the next line no longer chains to it', () => {
    const lines = chain([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
    lines[1] = lines[1]!.replace('"n":2', '"n":9');
    const result = readJournalText(lines.map((l) => `${l}\n`).join(''));
    expect(result.chainBreak).toEqual({
      line: 2,
      reason: 'line 3 does not chain to line 2: one of them was altered',
    });
    expect(result.entries).toHaveLength(1);
    expect(result.headHash).toBe(sha256Hex(lines[0]!));
  });

  it('reports a removed line and a line that is not JSON', () => {
    const lines = chain([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const removed = readJournalText(`${lines[0]}\n${lines[2]}\n`);
    expect(removed.chainBreak).toEqual({ line: 2, reason: expect.stringContaining('sequence number 3') });
    const garbage = readJournalText(`${lines[0]}\nnot json\n`);
    expect(garbage.chainBreak).toEqual({ line: 2, reason: 'the line is not valid JSON' });
  });

  it('treats an empty file as an empty journal', () => {
    expect(readJournalText('')).toMatchObject({
      entries: [],
      headHash: GENESIS_HASH,
      tornTail: null,
      chainBreak: null,
    });
  });
});
