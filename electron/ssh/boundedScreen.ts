import { unrecognised, type Unrecognised } from '../../shared/parsers/parseResult.ts';

/**
 * What a console program printed, kept for its parser: all of it up to a limit, then only its first and
 * last parts. The whole output is in the transcript; memory stays bounded whatever the server prints.
 */
export const SCREEN_KEPT_CHARS = 2 * 1024 * 1024;

export class BoundedScreen {
  private head = '';
  /** The latest output, in the chunks it came in (no copying per chunk), a little over half the limit. */
  private readonly tail: string[] = [];
  private tailChars = 0;
  private total = 0;
  private readonly half: number;

  constructor(private readonly limitChars = SCREEN_KEPT_CHARS) {
    this.half = Math.floor(limitChars / 2);
  }

  add(text: string): void {
    this.total += text.length;
    const intoHead = Math.max(0, this.half - this.head.length);
    if (intoHead > 0) this.head += text.slice(0, intoHead);
    const rest = intoHead > 0 ? text.slice(intoHead) : text;
    if (!rest) return;
    this.tail.push(rest);
    this.tailChars += rest.length;
    while (this.tailChars - this.tail[0]!.length >= this.half) this.tailChars -= this.tail.shift()!.length;
  }

  get overflowed(): boolean {
    return this.total > this.head.length + Math.min(this.tailChars, this.half);
  }

  /** The output as kept: whole, or its head and tail with what was left out said between them. */
  get text(): string {
    const tail = this.tail.join('').slice(-this.half);
    if (!this.overflowed) return this.head + tail;
    const left = this.total - this.head.length - tail.length;
    return `${this.head}\n[… ${left} characters left out here; the transcript has them all …]\n${tail}`;
  }

  /**
   * The parser's reading of the output; output too long to keep whole is never read in part (a table
   * list or a count may be in what was left out): the technician judges it from the transcript.
   */
  parse<T>(parser: (raw: string) => T): T | Unrecognised {
    if (!this.overflowed) return parser(this.text);
    return unrecognised(
      this.text,
      `the program printed ${this.total} characters, more than the ${this.limitChars} kept for reading it`,
    );
  }
}
