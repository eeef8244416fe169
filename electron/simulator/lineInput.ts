/**
 * Turns a stream of typed characters into lines for a simulated program. On a pseudo-terminal it
 * echoes what is typed (as a tty would), treats CR as end of line and Del/^C/^D as quit.
 */
export class LineInput {
  private buffer = '';
  private readonly lines: (string | null)[] = [];
  private waiting: ((line: string | null) => void) | null = null;
  private ended = false;
  /** Off while a password is read (`stty -echo`). */
  echoing = true;

  constructor(
    private readonly terminal: boolean,
    private readonly echo: (text: string) => void = () => undefined,
  ) {}

  push(data: string): void {
    for (const char of data) {
      if (this.terminal && (char === '\x7f' || char === '\x03' || char === '\x04')) {
        this.echo('\r\n');
        this.deliver(null);
      } else if (char === '\r' || char === '\n') {
        if (this.terminal && char === '\n' && this.lastWasCr) {
          this.lastWasCr = false;
          continue;
        }
        this.lastWasCr = char === '\r';
        if (this.terminal && this.echoing) this.echo('\r\n');
        this.deliver(this.buffer);
        this.buffer = '';
      } else if (this.terminal && char === '\b') {
        this.buffer = this.buffer.slice(0, -1);
        if (this.echoing) this.echo('\b \b');
      } else {
        this.lastWasCr = false;
        this.buffer += char;
        if (this.terminal && this.echoing) this.echo(char);
      }
    }
  }

  private lastWasCr = false;

  end(): void {
    if (this.buffer) this.deliver(this.buffer);
    this.buffer = '';
    this.ended = true;
    this.deliver(null);
  }

  readLine(): Promise<string | null> {
    const next = this.lines.shift();
    if (next !== undefined) return Promise.resolve(next);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  private deliver(line: string | null): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(line);
    } else this.lines.push(line);
  }
}
