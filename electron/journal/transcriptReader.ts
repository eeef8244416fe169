import path from 'node:path';
import { openPlainForReading } from './plainFiles.ts';
import { TRANSCRIPTS_DIR } from './sessionFolders.ts';

export interface TranscriptChunk {
  text: string;
  /** Byte offset of the chunk's first byte; 0 means the chunk starts the file. */
  startOffset: number;
  totalBytes: number;
}

const TRANSCRIPT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.log$/;

/** The file behind a transcript path a journal names; anything outside the transcripts folder is refused. */
export function transcriptFilePath(sessionDirectory: string, relativePath: string): string {
  const [folder, name, ...rest] = relativePath.split('/');
  if (folder !== TRANSCRIPTS_DIR || !name || rest.length > 0 || !TRANSCRIPT_NAME.test(name))
    throw new Error(`Not a transcript of this session: ${relativePath}`);
  return path.join(sessionDirectory, TRANSCRIPTS_DIR, name);
}

/**
 * Reads a transcript of a session backwards, a chunk at a time: the latest output first, earlier
 * output on demand. A transcript of 200,000 lines is never read whole. The path must name a file in
 * the session's transcripts folder (as the journal's evidence records it), nothing else.
 */
export async function readTranscriptChunk(
  sessionDirectory: string,
  relativePath: string,
  endOffset: number | null,
  maxBytes: number,
): Promise<TranscriptChunk> {
  const file = await openPlainForReading(transcriptFilePath(sessionDirectory, relativePath));
  try {
    const totalBytes = (await file.stat()).size;
    const end = Math.min(endOffset ?? totalBytes, totalBytes);
    let start = Math.max(0, end - maxBytes);
    const buffer = Buffer.alloc(end - start);
    await file.read(buffer, 0, buffer.length, start);
    // Start at a line boundary (and so never inside a UTF-8 sequence) unless the chunk starts the file.
    let skip = 0;
    if (start > 0) {
      const newline = buffer.indexOf(0x0a);
      skip = newline >= 0 && newline < buffer.length - 1 ? newline + 1 : 0;
      start += skip;
    }
    return { text: buffer.subarray(skip).toString('utf8'), startOffset: start, totalBytes };
  } finally {
    await file.close();
  }
}
