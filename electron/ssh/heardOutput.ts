/**
 * A terminal's output for its listeners: what arrives before anyone listens (a program may print its
 * first prompt before the caller subscribes) is kept for the first listener, so no prompt is lost.
 */
export class HeardOutput {
  private readonly listeners = new Set<(text: string) => void>();
  private unheard: string[] | null = [];

  readonly push = (text: string): void => {
    if (this.unheard) this.unheard.push(text);
    else for (const listener of this.listeners) listener(text);
  };

  readonly onData = (listener: (text: string) => void): (() => void) => {
    this.listeners.add(listener);
    if (this.unheard) {
      const early = this.unheard.join('');
      this.unheard = null;
      if (early) listener(early);
    }
    return () => this.listeners.delete(listener);
  };
}
