import type { FileHandle } from 'node:fs/promises';

/** The appends written and synced together: one promise that every one of them waits on. */
interface Batch {
  texts: string[];
  done: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const done = new Promise<void>((resolved, rejected) => {
    resolve = resolved;
    reject = rejected;
  });
  // Nobody may be waiting when it fails (the caller went away): the failure is kept for the next append.
  done.catch(() => undefined);
  return { texts: [], done, resolve, reject };
}

/**
 * Appends text to an open file and resolves each append only after the bytes are fsync'd. Appends that
 * arrive while a write is in flight are written and synced together (group commit), in arrival order;
 * they share one promise, so an append costs a push and no allocation of its own.
 */
export class GroupCommitFile {
  private next: Batch | null = null;
  private flushing: Promise<void> | null = null;
  private failure: Error | null = null;

  constructor(private readonly handle: FileHandle) {}

  append(text: string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    this.next ??= newBatch();
    this.next.texts.push(text);
    // Start writing on the next turn of the event loop, so that every append made meanwhile (the
    // callers woken by the last fsync append again in microtasks) joins the same write and fsync.
    this.flushing ??= new Promise<void>((started) => setImmediate(started)).then(() => this.flush());
    return this.next.done;
  }

  private async flush(): Promise<void> {
    for (let batch = this.takeNext(); batch; batch = this.takeNext()) {
      try {
        await this.handle.appendFile(batch.texts.join(''), 'utf8');
        await this.handle.sync();
        batch.resolve();
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error));
        batch.reject(this.failure);
        // Appends made while this batch was being written fail with it.
        this.takeNext()?.reject(this.failure);
      }
    }
    this.flushing = null;
  }

  private takeNext(): Batch | null {
    const batch = this.next;
    this.next = null;
    return batch;
  }

  /** Waits for every append already made, then closes the file. */
  async close(): Promise<void> {
    await this.flushing;
    await this.handle.close();
  }
}
