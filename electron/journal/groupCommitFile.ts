import type { FileHandle } from 'node:fs/promises';

interface PendingWrite {
  text: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Appends text to an open file and resolves each append only after the bytes are fsync'd. Appends that
 * arrive while a write is in flight are written and synced together (group commit), in arrival order.
 */
export class GroupCommitFile {
  private queue: PendingWrite[] = [];
  private flushing: Promise<void> | null = null;
  private failure: Error | null = null;

  constructor(private readonly handle: FileHandle) {}

  append(text: string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ text, resolve, reject });
      // Start writing on the next turn of the event loop, so that every append made meanwhile (the
      // callers woken by the last fsync append again in microtasks) joins the same write and fsync.
      this.flushing ??= new Promise<void>((started) => setImmediate(started)).then(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.handle.appendFile(batch.map((write) => write.text).join(''), 'utf8');
        await this.handle.sync();
        for (const write of batch) write.resolve();
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error));
        for (const write of [...batch, ...this.queue]) write.reject(this.failure);
        this.queue = [];
      }
    }
    this.flushing = null;
  }

  /** Waits for every append already made, then closes the file. */
  async close(): Promise<void> {
    await this.flushing;
    await this.handle.close();
  }
}
