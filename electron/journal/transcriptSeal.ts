import { createHash } from 'node:crypto';
import { transcriptFilePath } from './transcriptReader.ts';
import { openPlainForReading } from './plainFiles.ts';

export interface TranscriptSeal {
  bytes: number;
  sha256: string;
}

const CHUNK_BYTES = 1024 * 1024;

/** The length and SHA-256 of a transcript's first `limit` bytes (all of it by default), read a megabyte at a time. */
export async function hashTranscript(
  sessionDirectory: string,
  relativePath: string,
  limit = Number.POSITIVE_INFINITY,
): Promise<TranscriptSeal> {
  const file = await openPlainForReading(transcriptFilePath(sessionDirectory, relativePath));
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let bytes = 0;
    while (bytes < limit) {
      const { bytesRead } = await file.read(buffer, 0, Math.min(CHUNK_BYTES, limit - bytes), bytes);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
    }
    return { bytes, sha256: hash.digest('hex') };
  } finally {
    await file.close();
  }
}

/**
 * What the session folder's copy of a sealed transcript says against its seal: null when its first
 * `seal.bytes` bytes are exactly what was sealed (more after them is reported by the caller).
 */
export async function sealMismatch(
  sessionDirectory: string,
  relativePath: string,
  seal: TranscriptSeal,
): Promise<string | null> {
  const found = await hashTranscript(sessionDirectory, relativePath, seal.bytes).catch(
    (error: Error) => error,
  );
  if (found instanceof Error) return `${relativePath} cannot be read (${found.message}).`;
  if (found.bytes < seal.bytes)
    return `${relativePath} is shorter (${found.bytes} bytes) than when it was sealed (${seal.bytes} bytes).`;
  if (found.sha256 !== seal.sha256) return `${relativePath} was changed after it was sealed.`;
  return null;
}

/** The first `bytes` bytes of a transcript as text (as a report carries it). */
export async function transcriptPrefixText(
  sessionDirectory: string,
  relativePath: string,
  bytes: number,
): Promise<string> {
  const file = await openPlainForReading(transcriptFilePath(sessionDirectory, relativePath));
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await file.close();
  }
}

/** How long a transcript is now. */
export async function transcriptBytes(sessionDirectory: string, relativePath: string): Promise<number> {
  const file = await openPlainForReading(transcriptFilePath(sessionDirectory, relativePath));
  try {
    return (await file.stat()).size;
  } finally {
    await file.close();
  }
}
