import { defaultPair } from '../../electron/simulator/defaultPair.ts';
import type { ProgramIO } from '../../electron/simulator/program.ts';
import { runCommandLine } from '../../electron/simulator/simShell.ts';
import { MemorySimStore } from '../../electron/simulator/simStore.ts';
import type { SimHostName } from '../../electron/simulator/simState.ts';
import { TerminalScreen } from '../../electron/ssh/terminalScreen.ts';
import type { ScreenText } from '../../shared/parsers/cmsWindow.ts';

export const SIM_NOW = new Date('2026-11-23T08:12:00Z');

/**
 * Runs a command line on the simulated pair with scripted keyboard input: one answer per prompt, or
 * (`terminal`) one key per key read, on an 80 × 24 terminal.
 */
export async function runSim(
  store: MemorySimStore,
  line: string,
  answers: string[] = [],
  host: SimHostName = 'orig',
  terminal = false,
): Promise<{ code: number; stdout: string; stderr: string; frames?: string[] }> {
  let stdout = '';
  let stderr = '';
  const frames: string[] = [];
  let frameStart = 0;
  const queue = [...answers];
  let echo = true;
  const io: ProgramIO = {
    write: (text) => (stdout += text),
    writeError: (text) => (stderr += text),
    readLine: async () => {
      const next = queue.shift();
      if (next !== undefined && echo) stdout += `${next}\n`;
      return next ?? null;
    },
    readKey: async () => {
      frames.push(stdout.slice(frameStart));
      frameStart = stdout.length;
      return queue.shift() ?? null;
    },
    setRaw: () => undefined,
    setEcho: (on) => (echo = on),
  };
  const code = await runCommandLine(line, {
    io,
    store,
    host,
    now: () => SIM_NOW,
    delay: async () => undefined,
    terminalSize: () => (terminal ? { cols: 80, rows: 24 } : null),
    terminalType: () => (terminal ? 'vt100' : null),
  });
  return { code, stdout, stderr, ...(terminal ? { frames } : {}) };
}

/** `cms` on a terminal with these keys: each screen it drew before reading a key, as a terminal shows it. */
export async function runCms(
  store: MemorySimStore,
  keys: readonly string[],
  host: SimHostName = 'orig',
): Promise<{ code: number; stderr: string; screens: ScreenText[] }> {
  const result = await runSim(store, 'cms', [...keys], host, true);
  const screens: ScreenText[] = [];
  for (const frame of result.frames!) {
    const terminal = new TerminalScreen();
    terminal.write(frame);
    screens.push(await terminal.read());
    terminal.dispose();
  }
  return { code: result.code, stderr: result.stderr, screens };
}

export function freshPair(): MemorySimStore {
  return new MemorySimStore(defaultPair());
}
