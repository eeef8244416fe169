import { Terminal } from '@xterm/xterm';
import { useEffect, useRef } from 'react';
import type { SessionStore } from '../session/sessionStore.ts';

/** What TerminalPanel reads of the window's store. */
export const TERMINAL_PANEL_KEYS = [
  'acknowledgeTerminal',
  'closeTerminal',
  'onTerminalData',
  'openTerminal',
  'terminal',
  'typeInTerminal',
] as const;
export type TerminalPanelStore = Pick<SessionStore, (typeof TERMINAL_PANEL_KEYS)[number]>;

/** A live terminal on one server for the CMS menu work of guided steps (the output also goes to the step's transcript). */
export function TerminalPanel({ store }: { store: TerminalPanelStore }) {
  const element = useRef<HTMLDivElement>(null);
  const { terminal, onTerminalData, typeInTerminal, acknowledgeTerminal } = store;
  const terminalId = terminal?.id ?? null;

  useEffect(() => {
    if (!terminalId || !element.current) return;
    const screen = new Terminal({
      convertEol: false,
      fontSize: 15,
      scrollback: 200_000,
      cursorBlink: true,
      // A server's OSC 8 hyperlink opens nothing (xterm's default asks, then opens a window): the app
      // never goes where a server's output points.
      linkHandler: { activate: () => undefined, allowNonHttpProtocols: false },
    });
    screen.open(element.current);
    screen.focus();
    const typing = screen.onData((data) => typeInTerminal(data));
    // Each chunk is acknowledged once drawn: a server that floods is held back, not the window's memory.
    const unsubscribe = onTerminalData((data) => screen.write(data, () => acknowledgeTerminal(data.length)));
    return () => {
      unsubscribe();
      typing.dispose();
      screen.dispose();
    };
  }, [terminalId, onTerminalData, typeInTerminal, acknowledgeTerminal]);

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
      </div>
      {terminal?.closedBecause && <p role="status">The terminal closed: {terminal.closedBecause}.</p>}
      {terminal && <div ref={element} className="terminal-screen" data-testid="terminal-screen" />}
    </section>
  );
}
