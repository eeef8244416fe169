import { defaultPair } from '../../electron/simulator/defaultPair.ts';
import type { ProgramIO } from '../../electron/simulator/program.ts';
import { runCommandLine } from '../../electron/simulator/simShell.ts';
import { MemorySimStore } from '../../electron/simulator/simStore.ts';
import type { SimHostName } from '../../electron/simulator/simState.ts';

export const SIM_NOW = new Date('2026-11-23T08:12:00Z');

/** Runs a command line on the simulated pair with scripted keyboard input (one answer per prompt). */
export async function runSim(
  store: MemorySimStore,
  line: string,
  answers: string[] = [],
  host: SimHostName = 'orig',
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
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
    setEcho: (on) => (echo = on),
  };
  const code = await runCommandLine(line, {
    io,
    store,
    host,
    now: () => SIM_NOW,
    delay: async () => undefined,
    terminalSize: () => null,
  });
  return { code, stdout, stderr };
}

export function freshPair(): MemorySimStore {
  return new MemorySimStore(defaultPair());
}
