import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';
import type { ServerRole, StepId } from '../../shared/procedure/types.ts';
import { openPlainForAppendingSync } from './plainFiles.ts';
import { TRANSCRIPTS_DIR } from './sessionFolders.ts';

/**
 * The raw console output of one step on one server, streamed to `transcripts/` as it arrives and never
 * held whole in memory. Secrets must be redacted by the caller before `write`.
 */
export class TranscriptFile {
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  private constructor(
    /** The path relative to the session folder, as evidence events record it. */
    readonly relativePath: string,
    absolutePath: string,
  ) {
    // A large buffer lets many console chunks go to disk in one write (writev) instead of one each.
    this.stream = createWriteStream('', {
      fd: openPlainForAppendingSync(absolutePath),
      highWaterMark: 4 * 1024 * 1024,
    });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  /** `label` tells apart several transcripts of one attempt (the technician's terminal beside the app's own). */
  static open(
    sessionDirectory: string,
    stepId: StepId,
    server: ServerRole,
    attempt: number,
    label?: 'terminal',
  ): TranscriptFile {
    if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`Not an attempt number: ${attempt}`);
    const relativePath = `${TRANSCRIPTS_DIR}/${stepId}-${server}-${attempt}${label ? `-${label}` : ''}.log`;
    return new TranscriptFile(relativePath, path.join(sessionDirectory, relativePath));
  }

  /** Resolves when the stream can take more (back-pressure); rejects once the file failed. */
  async write(chunk: string | Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        this.stream.once('error', onError);
        this.stream.once('drain', () => {
          this.stream.off('error', onError);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) => {
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
  }
}
