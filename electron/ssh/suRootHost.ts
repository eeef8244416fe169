import type { TerminalSize } from '../../shared/procedure/terminalSize.ts';
import { MATCH_WINDOW_CHARS } from './dialogEngine.ts';
import { randomBytes } from 'node:crypto';
import { HeardOutput } from './heardOutput.ts';
import type { RemoteHost } from './remoteHost.ts';
import { shQuote } from './remoteCommand.ts';
import {
  DEFAULT_MAX_KEPT_BYTES,
  type ExecOptions,
  type ExecResult,
  type PtyChannel,
} from './sshConnection.ts';

/**
 * Becoming root with `su -` on a server that refuses root logins (SunSSH's default on Solaris 9 is
 * `PermitRootLogin no`). What is cited and what is assumed, in one place:
 * - Cited, su(1M) (Solaris): `su - root -c "command"` runs the command in root's login environment; the
 *   arguments after the user name are passed to root's shell. Solaris's /etc/profile runs for "login and
 *   -su shells" and may print the message of the day first: hence the marker line below, before which
 *   everything is su's and the profile's, never the command's.
 * - Assumed: su asks with a prompt ending in "Password:", reads it with echo off, and exits with the
 *   command's status (it execs the shell). A refused password ends su before the marker ("su: Sorry").
 */
const PASSWORD_PROMPT = /Password:\s*$/i;
const SU_SETUP_TIMEOUT_MS = 30_000;

export interface RootPassword {
  /** The root password, asked hidden the first time and held in memory only; null when cancelled. */
  get(): Promise<string | null>;
  /** su refused it: the next command asks again. */
  forget(): void;
}

/** su said no, or never asked: the command did not run. */
export class SuRefusedError extends Error {
  override readonly name = 'SuRefusedError';
}

interface Started {
  pty: PtyChannel;
  /** Sends the command's output (after the marker) to `listener`, the part already read first. */
  deliver: (listener: (text: string) => void) => void;
}

/** Every command as root through `su - root -c` on a pseudo-terminal, over one login as another user. */
export class SuRootHost implements RemoteHost {
  constructor(
    private readonly login: RemoteHost,
    private readonly password: RootPassword,
    private readonly describe: string,
    private readonly setupTimeoutMs = SU_SETUP_TIMEOUT_MS,
  ) {}

  async exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    let started: Started;
    const startedAt = Date.now();
    try {
      // Echo off before the marker: input written for the command is not printed back into its output.
      started = await this.become(`stty -echo; echo MARK; ${command}`);
    } catch (error) {
      return { kind: 'interrupted', reason: (error as Error).message, stdout: '', stderr: '' };
    }
    const { pty } = started;
    const keep = options.keepOutput ?? true;
    const limitBytes = options.maxKeptBytes ?? DEFAULT_MAX_KEPT_BYTES;
    const kept: string[] = [];
    let keptBytes = 0;
    let overflowed: () => void = () => undefined;
    const tooMuch = new Promise<'too-much-output'>(
      (resolve) => (overflowed = () => resolve('too-much-output')),
    );
    let pending = Promise.resolve();
    const take = (text: string) => {
      if (!text || keptBytes > limitBytes) return;
      const normalised = text.replace(/\r\n/g, '\n');
      if (keep) {
        const bytes = Buffer.from(normalised, 'utf8');
        kept.push(bytes.subarray(0, Math.max(0, limitBytes - keptBytes)).toString('utf8'));
        keptBytes += bytes.length;
        if (keptBytes > limitBytes) overflowed();
      }
      const written = options.onOutput?.(Buffer.from(normalised, 'utf8'), 'stdout');
      if (written instanceof Promise) {
        pty.pause?.();
        pending = pending.then(() => written).then(() => pty.resume?.());
      }
    };
    started.deliver(take);
    if (options.input !== undefined) pty.write(`${options.input}\x04`);
    const remaining = options.timeoutMs === undefined ? null : options.timeoutMs - (Date.now() - startedAt);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timed-out'>((resolve) => {
      if (remaining !== null) timer = setTimeout(() => resolve('timed-out'), Math.max(0, remaining));
    });
    const end = await Promise.race([pty.ended, timedOut, tooMuch]);
    clearTimeout(timer);
    if (end === 'too-much-output') pty.close();
    await pending.catch(() => undefined);
    const stdout = kept.join('');
    if (end === 'too-much-output') return { kind: 'too-much-output', limitBytes, stdout, stderr: '' };
    if (end === 'timed-out') {
      pty.close();
      return { kind: 'timed-out', stdout, stderr: '' };
    }
    if (end.kind === 'interrupted') return { kind: 'interrupted', reason: end.reason, stdout, stderr: '' };
    return { kind: 'exited', code: end.code, signal: null, stdout, stderr: '' };
  }

  async openPty(command: string | null, size?: TerminalSize): Promise<PtyChannel> {
    const started = await this.become(command === null ? null : `echo MARK; ${command}`, size);
    const { pty } = started;
    const output = new HeardOutput();
    started.deliver(output.push);
    return {
      write: (text) => pty.write(text),
      onData: output.onData,
      ended: pty.ended,
      close: () => pty.close(),
      ...(pty.pause ? { pause: () => pty.pause!() } : {}),
      ...(pty.resume ? { resume: () => pty.resume!() } : {}),
      ...(pty.resize ? { resize: (size: TerminalSize) => pty.resize!(size) } : {}),
    };
  }

  /**
   * Starts su on a terminal, answers its password prompt and waits for the marker. With `script` null it
   * is an interactive root shell for the technician: everything su prints is theirs to see.
   */
  private async become(script: string | null, size?: TerminalSize): Promise<Started> {
    const password = await this.password.get();
    if (password === null) throw new SuRefusedError(`no root password was given for su on ${this.describe}`);
    const marker = `CMSHA-ROOT-${randomBytes(8).toString('hex')}`;
    const suLine = script === null ? 'su - root' : `su - root -c ${shQuote(script.replace('MARK', marker))}`;
    const pty = await this.login.openPty(suLine, size);
    // The password is typed with echo off (su's prompt) and never passes through here; transcripts are
    // given it as a secret by whoever keeps them, in case a server prints it anyway.
    let out: ((text: string) => void) | null = null;
    const held: string[] = [];
    const running = (text: string) => (out ? out(text) : held.push(text));
    let seen = '';
    let phase: 'prompt' | 'marker' | 'running' = 'prompt';
    let settle: (error: Error | null) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      settle = (error) => (error ? reject(error) : resolve());
    });
    const timer = setTimeout(() => {
      pty.close();
      settle(
        new SuRefusedError(`su on ${this.describe} did not answer in time (${redactedEnd(seen, password)})`),
      );
    }, this.setupTimeoutMs);
    const stopListening = pty.onData((text) => {
      if (phase === 'running') return running(text);
      // su's prompt and the marker are short: a flood before them is not kept whole.
      seen = (seen + text).slice(-MATCH_WINDOW_CHARS);
      if (phase === 'prompt' && PASSWORD_PROMPT.test(seen)) {
        pty.write(`${password}\n`);
        if (script === null) {
          phase = 'running';
          running(seen);
          return settle(null);
        }
        phase = 'marker';
        seen = '';
        return;
      }
      const markerAt = seen.search(new RegExp(`${marker}\\r?\\n`));
      if (script !== null && markerAt >= 0) {
        phase = 'running';
        running(seen.slice(markerAt).replace(new RegExp(`^${marker}\\r?\\n`), ''));
        settle(null);
      }
    });
    const refusedUnlessRunning = () => {
      if (phase === 'running') return;
      this.password.forget();
      settle(
        new SuRefusedError(
          `su to root on ${this.describe} was refused (${redactedEnd(seen, password) || 'no answer'}); the root password will be asked again`,
        ),
      );
    };
    pty.ended.then(refusedUnlessRunning, refusedUnlessRunning);
    try {
      await ready;
    } catch (error) {
      stopListening();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    return {
      pty,
      deliver: (listener) => {
        out = listener;
        const early = held.splice(0).join('');
        if (early) listener(early);
      },
    };
  }
}

/** The last words su printed, for a message, with the password never among them. */
function redactedEnd(text: string, password: string): string {
  return text.split(password).join('[redacted]').replace(/\s+/g, ' ').trim().slice(-200);
}
