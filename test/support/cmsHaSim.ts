import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CMS_HA_CLI } from './runCmsHa.ts';

export interface RunningCmsHaSim {
  process: ChildProcess;
  banner: string;
  ports: { ORIG: number; NEW: number };
  stop(): void;
}

/** `cms-ha sim` as a user starts it, on free ports, with its state in `stateDir`; resolves once it listens. */
export async function startCmsHaSim(stateDir: string, extraArgs: string[] = []): Promise<RunningCmsHaSim> {
  const child = spawn(
    process.execPath,
    [CMS_HA_CLI, 'sim', '--port', '0', '--state', stateDir, ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let banner = '';
  for await (const line of createInterface({ input: child.stdout! })) {
    banner += `${line}\n`;
    if (line.startsWith('Press Ctrl+C')) break;
  }
  return {
    process: child,
    banner,
    ports: {
      ORIG: Number(/ORIG {2}ssh -p (\d+)/.exec(banner)![1]),
      NEW: Number(/NEW {3}ssh -p (\d+)/.exec(banner)![1]),
    },
    stop: () => void child.kill('SIGINT'),
  };
}
