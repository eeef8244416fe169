import type { SimStore } from './simStore.ts';
import type { SimHostName } from './simState.ts';

/** A console the simulated program talks to: what it prints, and the lines typed at it. */
export interface ProgramIO {
  write(text: string): void;
  writeError(text: string): void;
  /** The next line typed (without its line ending), or null at end of input / Del. */
  readLine(): Promise<string | null>;
  /** In raw mode (a full-screen program): the next key, an escape sequence whole; null at end of input. */
  readKey(): Promise<string | null>;
  /** Raw mode on or off: keys one by one, no echo, no line editing (as curses sets a terminal). */
  setRaw(on: boolean): void;
  /** Terminal echo on or off (`stty -echo`, a password prompt); nothing without a terminal. */
  setEcho(on: boolean): void;
}

export interface ProgramContext {
  args: string[];
  io: ProgramIO;
  store: SimStore;
  host: SimHostName;
  now(): Date;
  /** Time passing on the simulated host (tape writes); scaled down in tests. */
  delay(ms: number): Promise<void>;
  /** The size of the terminal the program runs on, as the SSH client last said; null without one. */
  terminalSize(): { cols: number; rows: number } | null;
  /** The terminal type the client gave (TERM), when known. */
  terminalType?(): string | null;
}

/** A simulated command; resolves with its exit status. */
export type Program = (context: ProgramContext) => Promise<number>;
