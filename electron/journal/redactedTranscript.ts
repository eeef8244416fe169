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

  constructor(
    sessionDirectory: string,
    stepId: StepId,
    server: ServerRole,
    attempt: number,
    label?: 'terminal',
  ) {
    this.file = TranscriptFile.open(sessionDirectory, stepId, server, attempt, label);
    this.sink = new RedactingSink((text) => {
      this.pending = this.pending.then(() => this.file.write(text));
    });
  }

  get relativePath(): string {
    return this.file.relativePath;
  }

  readonly write = (text: string): void => this.sink.write(text);

  readonly addSecret = (secret: string): void => this.sink.addSecret(secret);

  /** Resolves once everything written so far is in the file: a fast producer waits on it (back-pressure). */
  flushed(): Promise<void> {
    return this.pending;
  }

  async close(): Promise<void> {
    this.sink.flush();
    await this.pending;
    await this.file.close();
  }
}
