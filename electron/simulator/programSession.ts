import { LineInput } from './lineInput.ts';
import type { ProgramContext, ProgramIO } from './program.ts';
import type { SimStore } from './simStore.ts';
import type { SimHostName } from './simState.ts';

export interface SimRuntime {
  store: SimStore;
  /** Multiplies every simulated wait: 1 is real time, 0 makes tape work instant (tests). */
  timeScale: number;
  now?: () => Date;
}

/** The parts of a channel a simulated program needs: bytes in, bytes out, stderr apart unless on a terminal. */
export interface ProgramChannel {
  onInput(listener: (data: string) => void): void;
  onInputEnd(listener: () => void): void;
  write(text: string): void;
  writeError(text: string): void;
  /** Echo on a real terminal the program does not echo itself (a simulated command behind sshd). */
  setEcho?(on: boolean): void;
  /** The terminal's size as the client last said (null when it is not known here). */
  terminalSize?(): { cols: number; rows: number } | null;
  terminalType?(): string | null;
  /** Puts a real terminal into raw mode (a simulated command behind sshd). */
  setRaw?(on: boolean): void;
}

/** Connects a channel to a program run on `host`; on a terminal, output newlines become CR LF and input is echoed. */
export function startProgramSession(
  channel: ProgramChannel,
  terminal: boolean,
  host: SimHostName,
  runtime: SimRuntime,
  run: (context: Omit<ProgramContext, 'args'>) => Promise<number>,
): Promise<number> {
  const toTerminal = (text: string) => (terminal ? text.replace(/\r?\n/g, '\r\n') : text);
  const input = new LineInput(terminal, (echo) => channel.write(echo));
  channel.onInput((data) => input.push(data));
  channel.onInputEnd(() => input.end());
  const io: ProgramIO = {
    write: (text) => channel.write(toTerminal(text)),
    writeError: (text) => (terminal ? channel.write(toTerminal(text)) : channel.writeError(text)),
    readLine: () => input.readLine(),
    readKey: () => input.readLine(),
    setRaw: (on) => {
      input.raw = on;
      channel.setRaw?.(on);
    },
    setEcho: (on) => {
      input.echoing = on;
      channel.setEcho?.(on);
    },
  };
  return run({
    io,
    store: runtime.store,
    host,
    now: runtime.now ?? (() => new Date()),
    delay: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms * runtime.timeScale))),
    terminalSize: () => channel.terminalSize?.() ?? null,
    terminalType: () => channel.terminalType?.() ?? null,
  });
}
