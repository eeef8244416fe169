import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTranscriptChunk } from '../../../electron/journal/transcriptReader.ts';
import { useTempDirs } from '../../support/tempDir.ts';

const tempDir = useTempDirs();

async function sessionWithTranscript(content: string): Promise<string> {
  const directory = await tempDir();
  await mkdir(path.join(directory, 'transcripts'));
  await writeFile(path.join(directory, 'transcripts', 'D9-NEW-1.log'), content);
  await writeFile(path.join(directory, 'journal.jsonl'), '{"secret":"journal"}\n');
  return directory;
}

describe('reading a transcript backwards', () => {
  it('gives the last chunk of a 200,000-line transcript at a line start, and earlier chunks back to the first byte', async () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `line ${i} écrit sur la bande\r\n`);
    const directory = await sessionWithTranscript(lines.join(''));
    const file = await readFile(path.join(directory, 'transcripts', 'D9-NEW-1.log'));

    const last = await readTranscriptChunk(directory, 'transcripts/D9-NEW-1.log', null, 64 * 1024);
    expect(last.totalBytes).toBe(file.length);
    expect(Buffer.byteLength(last.text)).toBeLessThanOrEqual(64 * 1024);
    expect(last.text.startsWith('line ')).toBe(true);
    expect(last.text.endsWith('line 199999 écrit sur la bande\r\n')).toBe(true);

    let text = last.text;
    let start = last.startOffset;
    let reads = 1;
    while (start > 0) {
      const earlier = await readTranscriptChunk(directory, 'transcripts/D9-NEW-1.log', start, 1024 * 1024);
      text = earlier.text + text;
      start = earlier.startOffset;
      reads++;
    }
    expect(text).toBe(file.toString('utf8'));
    expect(reads).toBeGreaterThan(5);
  });

  it('reads nothing outside the transcripts folder of the session', async () => {
    const directory = await sessionWithTranscript('ok\n');
    for (const bad of [
      'journal.jsonl',
      'transcripts/../journal.jsonl',
      '../transcripts/D9-NEW-1.log',
      'transcripts/sub/D9-NEW-1.log',
      '/etc/passwd',
      'transcripts/.hidden.log',
    ]) {
      await expect(readTranscriptChunk(directory, bad, null, 1024), bad).rejects.toThrow(
        `Not a transcript of this session: ${bad}`,
      );
    }
  });
});
