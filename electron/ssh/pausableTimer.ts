/** A one-shot timer that stops counting while paused (e.g. while the technician answers a prompt). */
export class PausableTimer {
  private handle: NodeJS.Timeout | null = null;
  private remaining: number;
  private startedAt = 0;
  private pauses = 0;

  constructor(
    durationMs: number,
    private readonly onExpire: () => void,
  ) {
    this.remaining = durationMs;
    this.run();
  }

  /** Pauses until the promise settles; pauses nest. */
  async whilePaused<T>(work: () => Promise<T>): Promise<T> {
    this.pause();
    try {
      return await work();
    } finally {
      this.resume();
    }
  }

  clear(): void {
    if (this.handle) clearTimeout(this.handle);
    this.handle = null;
    this.remaining = Infinity;
  }

  private pause(): void {
    if (this.pauses++ > 0 || !this.handle) return;
    clearTimeout(this.handle);
    this.handle = null;
    this.remaining -= Date.now() - this.startedAt;
  }

  private resume(): void {
    if (--this.pauses > 0 || this.remaining === Infinity) return;
    this.run();
  }

  private run(): void {
    this.startedAt = Date.now();
    this.handle = setTimeout(
      () => {
        this.handle = null;
        this.onExpire();
      },
      Math.max(0, this.remaining),
    );
  }
}
