/**
 * Passes console output on (to a transcript) with every registered secret replaced by `[redacted]`,
 * even when a secret arrives split across chunks: an end of a chunk that could be the start of a secret
 * is held back until the next chunk or `flush` (and only that: a prompt is not held back unless it ends
 * the way a secret begins).
 */
export class RedactingSink {
  private readonly secrets = new Set<string>();
  private pending = '';

  constructor(private readonly out: (text: string) => void) {}

  addSecret(secret: string): void {
    if (secret.length > 0) this.secrets.add(secret);
  }

  write(text: string): void {
    const combined = this.redact(this.pending + text);
    const hold = this.secretStartAtEnd(combined);
    this.pending = combined.slice(combined.length - hold);
    const ready = combined.slice(0, combined.length - hold);
    if (ready) this.out(ready);
  }

  /** True when output can go straight through: no secret to look for and nothing held back. */
  get passThrough(): boolean {
    return this.secrets.size === 0 && this.pending === '';
  }

  flush(): void {
    if (this.pending) this.out(this.redact(this.pending));
    this.pending = '';
  }

  private redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join('[redacted]');
    return result;
  }

  /** The length of the longest end of `text` that is the start of a secret (a secret may be arriving). */
  private secretStartAtEnd(text: string): number {
    let longest = 0;
    for (const secret of this.secrets) {
      for (let length = Math.min(secret.length - 1, text.length); length > longest; length--) {
        if (secret.startsWith(text.slice(text.length - length))) {
          longest = length;
          break;
        }
      }
    }
    return longest;
  }
}
