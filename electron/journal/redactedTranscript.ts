import { RedactingSink } from '../ssh/redactingSink.ts';
import { TranscriptFile } from './transcriptFile.ts';
import type { ServerRole, StepId } from '../../shared/procedure/types.ts';

/**
 * A step's transcript as the dialog engine feeds it: console output streamed to the file as it
 * arrives, with every secret typed during the step (passwords) replaced by `[redacted]`.
 */
export class RedactedTranscript {
  private readonly file: TranscriptFile;
  private readonly sink: RedactingSink;
  private pending: Promise<void> = Promise.resolve();
  /** Characters handed to the file and not yet written. */
  private queued = 0;

  constructor(
    sessionDirectory: string,
    stepId: StepId,
    server: ServerRole,
    attempt: number,
    label?: 'terminal',
  ) {
    this.file = TranscriptFile.open(sessionDirectory, stepId, server, attempt, label);
    this.sink = new RedactingSink((text) => this.enqueue(text));
  }

  get relativePath(): string {
    return this.file.relativePath;
  }

  readonly write = (text: string): void => this.sink.write(text);

  /** Raw console bytes: written as they are while there is no secret to redact (no decoding, no copy). */
  readonly writeBytes = (chunk: Buffer): void => {
    if (this.sink.passThrough) this.enqueue(chunk);
    else this.sink.write(chunk.toString('utf8'));
  };

  private enqueue(data: string | Buffer): void {
    this.queued += data.length;
    this.pending = this.pending.then(async () => {
      await this.file.write(data);
      this.queued -= data.length;
    });
  }

  readonly addSecret = (secret: string): void => this.sink.addSecret(secret);

  /** Resolves once everything written so far is in the file: a fast producer waits on it (back-pressure). */
  flushed(): Promise<void> {
    return this.pending;
  }

  /** Whether the file has fallen far enough behind that the producer should wait for `flushed()`. */
  get behind(): boolean {
    return this.queued > RedactedTranscript.BEHIND_CHARACTERS;
  }

  private static readonly BEHIND_CHARACTERS = 8 * 1024 * 1024;

  async close(): Promise<void> {
    this.sink.flush();
    await this.pending;
    await this.file.close();
  }
}
