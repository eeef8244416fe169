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

  /** Raw mode (a full-screen program): each key is delivered as it comes, nothing echoed, no line editing. */
  raw = false;
  private pendingKey = '';

  push(data: string): void {
    if (this.raw) {
      this.pendingKey += data;
      let key: string | null;
      while ((key = this.nextKey()) !== null) this.deliver(key);
      return;
    }
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

  /** The first whole key of what was typed: one character, or an escape sequence (cursor and function keys). */
  private nextKey(): string | null {
    const text = this.pendingKey;
    if (!text) return null;
    let length = 1;
    if (text[0] === '\x1b') {
      if (text.length < 2) return null;
      if (text[1] === 'O') length = text.length >= 3 ? 3 : 0;
      else if (text[1] === '[') {
        // Parameters (digits, ';', '?') up to a final character from '@' to '~'; incomplete: wait for more.
        let end = 2;
        while (end < text.length && /[0-9;?]/.test(text[end]!)) end++;
        const final = text.charCodeAt(end);
        length = end >= text.length ? 0 : final >= 0x40 && final <= 0x7e ? end + 1 : 2;
      }
    } else length = [...text][0]!.length;
    if (length === 0) return null;
    this.pendingKey = text.slice(length);
    return text.slice(0, length);
  }

  end(): void {
    if (this.buffer) this.deliver(this.buffer);
    this.buffer = '';
    this.ended = true;
    this.deliver(null);
  }

  /** The next line, or (in raw mode) the next key. */
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
