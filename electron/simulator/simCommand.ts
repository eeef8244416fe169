/**
 * One simulated command run as a real process, for the command directory behind OpenSSH's sshd:
 * `node --import tsx simCommand.ts <program> [args...]`, with the pair's state folder and the host
 * taken from CMS_SIM_STATE_DIR and CMS_SIM_HOST (sshd's SetEnv).
 */
import { spawnSync } from 'node:child_process';
import { PROGRAMS } from './programs/index.ts';
import { startProgramSession } from './programSession.ts';
import { FolderSimStore } from './simStore.ts';
import { SIM_HOST_NAMES, type SimHostName } from './simState.ts';

const [name, ...args] = process.argv.slice(2);
const stateDir = process.env.CMS_SIM_STATE_DIR;
const host = process.env.CMS_SIM_HOST as SimHostName | undefined;
const program = name ? PROGRAMS[name] : undefined;

if (!program || !stateDir || !host || !SIM_HOST_NAMES.includes(host)) {
  process.stderr.write(
    'simCommand: needs a program name, CMS_SIM_STATE_DIR and CMS_SIM_HOST (orig or new)\n',
  );
  process.exit(64);
}

process.stdin.setEncoding('utf8');
const code = await startProgramSession(
  {
    onInput: (listener) => process.stdin.on('data', listener),
    onInputEnd: (listener) => {
      process.stdin.on('end', listener);
      // A hang-up (the connection or the terminal closed) ends the input: the program cleans up and exits.
      process.on('SIGHUP', () => {
        process.stdout.on('error', () => undefined);
        process.stdin.on('error', () => undefined);
        listener();
        setTimeout(() => process.exit(129), 2_000).unref();
      });
    },
    write: (text) => process.stdout.write(text),
    writeError: (text) => process.stderr.write(text),
    // sshd's terminal echoes; a password prompt turns that off as su does. (Not the `stty` on this
    // login's PATH: that could be the simulator's own.)
    setEcho: (on) => {
      if (process.stdin.isTTY)
        spawnSync('/bin/stty', [on ? 'echo' : '-echo'], { stdio: ['inherit', 'ignore', 'ignore'] });
    },
    setRaw: (on) => {
      try {
        if (process.stdin.isTTY) process.stdin.setRawMode(on);
      } catch {
        // The terminal is gone (a hang-up): nothing to set.
      }
    },
    terminalType: () => (process.stdout.isTTY ? (process.env.TERM ?? null) : null),
    // sshd's terminal, sized by the client (and resized by its window-change requests).
    terminalSize: () =>
      process.stdout.isTTY ? { cols: process.stdout.columns, rows: process.stdout.rows } : null,
  },
  // A real terminal (sshd's pty) already echoes and turns CR into NL.
  false,
  host,
  { store: new FolderSimStore(stateDir), timeScale: Number(process.env.CMS_SIM_TIME_SCALE ?? '1') },
  (context) => program({ ...context, args }),
);
process.stdin.pause();
process.exitCode = code;
