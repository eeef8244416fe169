import { Terminal } from '@xterm/xterm';
import { useEffect, useRef } from 'react';
import { TERMINAL_SIZE_CHOICES } from '../../../shared/procedure/terminalSize.ts';
import type { SessionStore } from '../session/sessionStore.ts';
import { WindowCheckNote } from './WindowCheckNote.tsx';

/** What TerminalPanel reads of the window's store. */
export const TERMINAL_PANEL_KEYS = [
  'acknowledgeTerminal',
  'closeTerminal',
  'onTerminalData',
  'openTerminal',
  'resizeTerminal',
  'terminal',
  'terminalCheck',
  'terminalSize',
  'typeInTerminal',
] as const;
export type TerminalPanelStore = Pick<SessionStore, (typeof TERMINAL_PANEL_KEYS)[number]>;

/** A monospace cell is about this wide for each point of font size. */
const CELL_WIDTH_PER_FONT_SIZE = 0.62;

/** The largest font size (10 to 18) at which `cols` columns fit `width` pixels. */
export function fittingFontSize(width: number, cols: number): number {
  return Math.max(10, Math.min(18, Math.floor(width / (cols * CELL_WIDTH_PER_FONT_SIZE))));
}

const sizeName = ({ cols, rows }: { cols: number; rows: number }) => `${cols} × ${rows}`;

/** A live terminal on one server for the CMS menu work of guided steps (the output also goes to the step's transcript). */
export function TerminalPanel({ store }: { store: TerminalPanelStore }) {
  const element = useRef<HTMLDivElement>(null);
  const screenRef = useRef<Terminal | null>(null);
  const { terminal, onTerminalData, typeInTerminal, acknowledgeTerminal, terminalSize } = store;
  const terminalId = terminal?.id ?? null;

  useEffect(() => {
    if (!terminalId || !element.current) return;
    const container = element.current;
    const screen = new Terminal({
      cols: terminalSize.cols,
      rows: terminalSize.rows,
      convertEol: false,
      fontSize: fittingFontSize(container.clientWidth, terminalSize.cols),
      scrollback: 200_000,
      cursorBlink: true,
      // A server's OSC 8 hyperlink opens nothing (xterm's default asks, then opens a window): the app
      // never goes where a server's output points.
      linkHandler: { activate: () => undefined, allowNonHttpProtocols: false },
    });
    screenRef.current = screen;
    screen.open(container);
    screen.focus();
    // The grid stays the size the server was told; the font follows the panel's width.
    const fit = new ResizeObserver(() => {
      const fontSize = fittingFontSize(container.clientWidth, screen.cols);
      if (screen.options.fontSize !== fontSize) screen.options.fontSize = fontSize;
    });
    fit.observe(container);
    const typing = screen.onData((data) => typeInTerminal(data));
    // Each chunk is acknowledged once drawn: a server that floods is held back, not the window's memory.
    const unsubscribe = onTerminalData((data) => screen.write(data, () => acknowledgeTerminal(data.length)));
    return () => {
      fit.disconnect();
      unsubscribe();
      typing.dispose();
      screen.dispose();
      screenRef.current = null;
    };
    // The size is applied below without a new screen; a new terminal starts at the size chosen then.
  }, [terminalId, onTerminalData, typeInTerminal, acknowledgeTerminal]);

  useEffect(() => {
    const screen = screenRef.current;
    if (!screen || (screen.cols === terminalSize.cols && screen.rows === terminalSize.rows)) return;
    screen.resize(terminalSize.cols, terminalSize.rows);
    if (element.current)
      screen.options.fontSize = fittingFontSize(element.current.clientWidth, terminalSize.cols);
  }, [terminalSize]);

  return (
    <section aria-labelledby="terminal-heading" className="terminal">
      <h2 id="terminal-heading">Terminal{terminal ? ` on ${terminal.server}` : ''}</h2>
      <div>
        {(['ORIG', 'NEW'] as const).map((server) => (
          <button key={server} type="button" onClick={() => void store.openTerminal(server)}>
            Open a terminal on {server}
          </button>
        ))}
        {terminal && (
          <button type="button" onClick={store.closeTerminal}>
            Close the terminal
          </button>
        )}
        <label>
          Terminal size{' '}
          <select
            value={sizeName(terminalSize)}
            onChange={(event) => {
              const chosen = TERMINAL_SIZE_CHOICES.find((size) => sizeName(size) === event.target.value);
              if (chosen) store.resizeTerminal(chosen);
            }}
          >
            {TERMINAL_SIZE_CHOICES.map((size, index) => (
              <option key={sizeName(size)} value={sizeName(size)}>
                {sizeName(size)}
                {index === 0 ? ' (what CMS expects)' : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
      {terminal?.closedBecause && <p role="status">The terminal closed: {terminal.closedBecause}.</p>}
      {terminal && store.terminalCheck && <WindowCheckNote check={store.terminalCheck} />}
      {terminal && <div ref={element} className="terminal-screen" data-testid="terminal-screen" />}
    </section>
  );
}
