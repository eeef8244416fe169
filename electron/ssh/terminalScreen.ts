import headless from '@xterm/headless';
import { CMS_TERMINAL_SIZE, type TerminalSize } from '../../shared/procedure/terminalSize.ts';
import type { ScreenText } from '../../shared/parsers/cmsWindow.ts';

// @xterm/headless is CommonJS: its classes are on the module's exports (the default import).
const { Terminal } = headless;
type HeadlessTerminal = InstanceType<typeof Terminal>;

/**
 * A terminal emulator without a window, fed the same bytes as the technician's terminal, at the same
 * size: what a full-screen program (CMS's character interface) shows, as text and highlighted runs.
 * It keeps one screen and no scrollback, so its memory does not grow with what the server prints.
 */
export class TerminalScreen {
  private readonly terminal: HeadlessTerminal;
  private lastWriteAt: number;

  constructor(
    size: TerminalSize = CMS_TERMINAL_SIZE,
    private readonly now: () => number = Date.now,
  ) {
    this.terminal = new Terminal({
      cols: size.cols,
      rows: size.rows,
      scrollback: 0,
      allowProposedApi: true,
    });
    this.lastWriteAt = now();
  }

  write(data: string): void {
    this.lastWriteAt = this.now();
    this.terminal.write(data);
  }

  resize(size: TerminalSize): void {
    this.terminal.resize(size.cols, size.rows);
  }

  /** Resolves once everything written so far is on the screen (the emulator parses asynchronously). */
  drawn(): Promise<void> {
    return new Promise((resolve) => this.terminal.write('', resolve));
  }

  /** How long nothing has been written: a full-screen program that has drawn its window goes quiet. */
  get quietForMs(): number {
    return this.now() - this.lastWriteAt;
  }

  /** The screen as it is now: each row's text, and the runs drawn in reverse video (a highlight). */
  async read(): Promise<ScreenText> {
    await this.drawn();
    const buffer = this.terminal.buffer.active;
    const rows: string[] = [];
    const highlighted: { row: number; from: number; to: number; text: string }[] = [];
    for (let y = 0; y < this.terminal.rows; y++) {
      const line = buffer.getLine(buffer.viewportY + y);
      rows.push(line?.translateToString(true) ?? '');
      if (!line) continue;
      let start = -1;
      for (let x = 0; x <= this.terminal.cols; x++) {
        const inverse = x < this.terminal.cols && (line.getCell(x)?.isInverse() ?? 0) !== 0;
        if (inverse && start < 0) start = x;
        if (!inverse && start >= 0) {
          highlighted.push({ row: y, from: start, to: x, text: line.translateToString(false, start, x) });
          start = -1;
        }
      }
    }
    return {
      rows,
      highlighted,
      cursor: { row: buffer.cursorY, col: buffer.cursorX },
    };
  }

  dispose(): void {
    this.terminal.dispose();
  }
}
