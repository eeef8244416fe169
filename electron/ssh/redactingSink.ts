/**
 * Passes console output on (to a transcript) with every registered secret replaced by `[redacted]`,
 * even when a secret arrives split across chunks: the last few characters are held back until the
 * next chunk or `flush`.
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
    const hold = Math.min(combined.length, Math.max(0, this.longestSecret() - 1));
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

  private longestSecret(): number {
    let longest = 0;
    for (const secret of this.secrets) longest = Math.max(longest, secret.length);
    return longest;
  }
}
