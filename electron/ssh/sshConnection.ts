import { CMS_TERMINAL_SIZE, type TerminalSize } from '../../shared/procedure/terminalSize.ts';
import { algorithmsFor } from './algorithmProfile.ts';
import { diagnoseHandshakeFailure, HandshakeLog } from './handshakeDiagnosis.ts';
import type { HostKeyPins } from './hostKeyPins.ts';
import { keyAlgorithmOf, sha256Fingerprint } from './hostKeyPins.ts';
import { HeardOutput } from './heardOutput.ts';
import { PausableTimer } from './pausableTimer.ts';
import { Client, type ClientChannel, type ConnectConfig } from './ssh2.ts';
import type { RemoteHost } from './remoteHost.ts';
import type { SshTarget } from './sshTarget.ts';

/** What the connection needs to ask the technician. Every call pauses the connect timeout. */
export interface TechnicianQuestions {
  /** First contact with a host: show the fingerprint; resolve true to pin it. */
  confirmHostKey(request: {
    host: string;
    port: number;
    algorithm: string;
    fingerprint: string;
  }): Promise<boolean>;
  /** Password or keyboard-interactive prompts; null when the technician cancels. */
  answerPrompts(request: {
    host: string;
    user: string;
    instructions: string;
    prompts: { prompt: string; echo: boolean }[];
  }): Promise<string[] | null>;
}

/** Held in memory only; a password typed at a prompt is kept here for reconnects. */
export interface SshCredentials {
  password?: string;
  privateKey?: Buffer | string;
  passphrase?: string;
  /** For `su -` on a server where root cannot log in; asked when first needed. */
  rootPassword?: string;
}

export interface ConnectOptions {
  target: SshTarget;
  credentials: SshCredentials;
  questions: TechnicianQuestions;
  pins: HostKeyPins;
  /** Network time allowed to connect and authenticate, not counting time spent waiting on the technician. */
  timeoutMs?: number;
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
}

export type SshConnectErrorKind =
  | 'handshake'
  | 'host-key-changed'
  | 'host-key-rejected'
  | 'authentication'
  | 'timeout'
  | 'network'
  | 'cancelled';

export class SshConnectError extends Error {
  override readonly name = 'SshConnectError';
  constructor(
    readonly kind: SshConnectErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface NegotiatedAlgorithms {
  kex: string;
  serverHostKey: string;
  cipher: string;
  mac: string;
}

export type ExecResult =
  | { kind: 'exited'; code: number | null; signal: string | null; stdout: string; stderr: string }
  | { kind: 'timed-out'; stdout: string; stderr: string }
  | { kind: 'interrupted'; reason: string; stdout: string; stderr: string }
  /** The command printed more than the app keeps (`maxKeptBytes`): it was stopped; the start of its output is kept. */
  | { kind: 'too-much-output'; limitBytes: number; stdout: string; stderr: string };

/**
 * What a command may print into memory: the app's parsers read kilobytes, a log a few megabytes. A
 * server that prints more (a runaway program, a hostile host) is stopped there; transcripts, which
 * stream to disk, still get what arrived.
 */
export const DEFAULT_MAX_KEPT_BYTES = 4 * 1024 * 1024;

/** Why a command ended without an exit status, in the technician's words. */
export function unfinishedReason(
  result: Exclude<ExecResult, { kind: 'exited' }>,
  timeoutMs?: number,
): string {
  switch (result.kind) {
    case 'timed-out':
      return timeoutMs === undefined ? 'no answer in time' : `no answer within ${timeoutMs} ms`;
    case 'interrupted':
      return result.reason;
    case 'too-much-output':
      return `it printed more than ${result.limitBytes} bytes, more than any reading needs; it was stopped there`;
  }
}

export interface ExecOptions {
  timeoutMs?: number;
  /**
   * Called with each chunk as it arrives (for transcripts). A returned promise pauses the channel until
   * it settles: a slow transcript holds the server back instead of filling memory.
   */
  onOutput?: (chunk: Buffer, stream: 'stdout' | 'stderr') => void | Promise<void>;
  /** Keep the output for the result (default). Off for long outputs that only go to a transcript. */
  keepOutput?: boolean;
  /** With `keepOutput`: the most bytes kept (stdout and stderr together); more stops the command. */
  maxKeptBytes?: number;
  /** Written to the command's standard input, which is then closed. */
  input?: string;
}

export type PtyEnd = { kind: 'exited'; code: number | null } | { kind: 'interrupted'; reason: string };

/** An interactive program on a pseudo-terminal (cmsadm, cms, br_check). */
export interface PtyChannel {
  write(text: string): void;
  onData(listener: (text: string) => void): () => void;
  readonly ended: Promise<PtyEnd>;
  close(): void;
  /** Holds the server back (flow control) until `resume`; optional for terminals that cannot. */
  pause?(): void;
  resume?(): void;
  /** Tells the program its terminal's new size (SSH window-change); optional for terminals that cannot. */
  resize?(size: TerminalSize): void;
}

const DEFAULT_TIMEOUT_MS = 20_000;
/** ssh2's own handshake timer would run through the technician's prompts; ours pauses instead. */
const SSH2_READY_TIMEOUT_MS = 24 * 60 * 60 * 1000;

/** One SSH connection to one server, many channels on it. */
export class SshConnection implements RemoteHost {
  private lostReason: string | null = null;
  private closing = false;
  private readonly lostListeners = new Set<(reason: string) => void>();
  private readonly interruptActive = new Set<(reason: string) => void>();

  private constructor(
    private readonly client: InstanceType<typeof Client>,
    readonly target: SshTarget,
    readonly negotiated: NegotiatedAlgorithms,
    readonly hostKey: { algorithm: string; fingerprint: string },
  ) {
    const lost = (reason: string) => {
      if (this.closing || this.lostReason !== null) return;
      this.lostReason = reason;
      for (const interrupt of this.interruptActive) interrupt(reason);
      for (const listener of this.lostListeners) listener(reason);
    };
    client.on('error', (error: Error) => lost(`connection to ${target.host} lost: ${error.message}`));
    client.on('close', () => lost(`connection to ${target.host} closed`));
  }

  static connect(options: ConnectOptions): Promise<SshConnection> {
    const { target, credentials, questions, pins } = options;
    const client = new Client();
    const log = new HandshakeLog();
    let negotiated: NegotiatedAlgorithms | null = null;
    let seenKey: { algorithm: string; fingerprint: string } | null = null;
    let refusal: SshConnectError | null = null;

    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (error: SshConnectError) => {
        if (settled) return;
        settled = true;
        timer.clear();
        client.removeAllListeners('ready');
        // end() would wait for a server that may never answer again: the socket goes now.
        client.destroy();
        reject(error);
      };
      const timer = new PausableTimer(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, () =>
        fail(
          new SshConnectError(
            'timeout',
            `No answer from ${target.host}:${target.port} in time (network timeout).`,
          ),
        ),
      );

      client.on(
        'handshake',
        (result: { kex: string; serverHostKey: string; cs: { cipher: string; mac: string } }) => {
          negotiated = {
            kex: result.kex,
            serverHostKey: result.serverHostKey,
            cipher: result.cs.cipher,
            mac: result.cs.mac,
          };
        },
      );
      client.on('ready', () => {
        if (settled) return;
        settled = true;
        timer.clear();
        // Short commands one after the other would otherwise wait on Nagle and delayed ACKs (~40 ms each way).
        client.setNoDelay(true);
        resolve(new SshConnection(client, target, negotiated!, seenKey!));
      });
      client.on('error', (error: Error & { level?: string }) => {
        if (refusal) return fail(refusal);
        if (error.level === 'client-authentication') {
          return fail(
            new SshConnectError(
              'authentication',
              `${target.user}@${target.host} refused every login method tried (${error.message}).`,
            ),
          );
        }
        const diagnosis = diagnoseHandshakeFailure(error.message, log, target.legacyAlgorithms);
        if (diagnosis) return fail(new SshConnectError('handshake', diagnosis));
        if (error.level === 'client-timeout') return fail(new SshConnectError('timeout', error.message));
        fail(
          new SshConnectError('network', `Cannot connect to ${target.host}:${target.port}: ${error.message}`),
        );
      });
      client.on('close', () =>
        fail(refusal ?? new SshConnectError('network', `${target.host} closed the connection during login.`)),
      );

      const hostVerifier = (key: Buffer, verify: (valid: boolean) => void) => {
        const check = pins.check(target.host, target.port, key);
        seenKey = { algorithm: keyAlgorithmOf(key), fingerprint: sha256Fingerprint(key) };
        if (check.kind === 'match') return verify(true);
        if (check.kind === 'changed') {
          refusal = new SshConnectError(
            'host-key-changed',
            `The host key of ${target.host}:${target.port} has CHANGED: pinned ${check.pin.fingerprint} (${check.pin.algorithm}), now ${check.fingerprint} (${check.algorithm}). The app refuses to connect. If the server was reinstalled, confirm the new key with its administrator before pinning it again.`,
          );
          return verify(false);
        }
        const confirmAndPin = async (): Promise<SshConnectError | null> => {
          const accepted = await timer
            .whilePaused(() =>
              questions.confirmHostKey({ host: target.host, port: target.port, ...seenKey! }),
            )
            .catch(() => false);
          if (!accepted)
            return new SshConnectError(
              'host-key-rejected',
              `The host key of ${target.host} was not confirmed; not connected.`,
            );
          try {
            await pins.pin(target.host, target.port, check.algorithm, check.fingerprint);
            return null;
          } catch (error) {
            return new SshConnectError(
              'host-key-rejected',
              `The host key of ${target.host} could not be recorded (${(error as Error).message}); not connected.`,
            );
          }
        };
        const refuse = (refused: SshConnectError | null) => {
          refusal = refused;
          verify(refused === null);
        };
        confirmAndPin().then(refuse, (error: unknown) =>
          refuse(
            new SshConnectError('host-key-rejected', `The host key could not be checked: ${String(error)}`),
          ),
        );
      };

      /** The technician's answers; a question that could not be asked counts as cancelled. */
      const answerPrompts = (request: Parameters<TechnicianQuestions['answerPrompts']>[0]) =>
        timer.whilePaused(() => questions.answerPrompts(request)).catch(() => null);
      const askPassword = async (): Promise<string | null> => {
        if (credentials.password !== undefined) return credentials.password;
        const answers = await answerPrompts({
          host: target.host,
          user: target.user,
          instructions: `Password for ${target.user}@${target.host}`,
          prompts: [{ prompt: 'Password: ', echo: false }],
        });
        if (answers === null) return null;
        credentials.password = answers[0] ?? '';
        return credentials.password;
      };

      const methods: string[] = [
        ...(credentials.privateKey ? ['publickey'] : []),
        'keyboard-interactive',
        'password',
      ];
      const authHandler = (
        methodsLeft: string[] | null,
        _partialSuccess: boolean | null,
        next: (method: unknown) => void,
      ) => {
        const method = methods.shift();
        if (!method) return next(false);
        if (methodsLeft && !methodsLeft.includes(method)) return authHandler(methodsLeft, null, next);
        if (method === 'publickey') {
          return next({
            type: 'publickey',
            username: target.user,
            key: credentials.privateKey,
            passphrase: credentials.passphrase,
          });
        }
        if (method === 'password') {
          const cancelled = () => {
            refusal = new SshConnectError('cancelled', 'Login cancelled by the technician.');
            next(false);
          };
          askPassword().then(
            (password) =>
              password === null ? cancelled() : next({ type: 'password', username: target.user, password }),
            cancelled,
          );
          return;
        }
        next({
          type: 'keyboard-interactive',
          username: target.user,
          prompt: (
            _name: string,
            instructions: string,
            _lang: string,
            prompts: { prompt: string; echo: boolean }[],
            finish: (answers: string[]) => void,
          ) => {
            const onlyPassword =
              prompts.length === 1 && !prompts[0]!.echo && /password/i.test(prompts[0]!.prompt);
            if (prompts.length === 0) return finish([]);
            if (onlyPassword) {
              askPassword().then(
                (password) => finish(password === null ? [] : [password]),
                () => finish([]),
              );
              return;
            }
            answerPrompts({ host: target.host, user: target.user, instructions, prompts }).then(
              (answers) => finish(answers ?? []),
              () => finish([]),
            );
          },
        });
      };

      const config: ConnectConfig = {
        host: target.host,
        port: target.port,
        username: target.user,
        algorithms: algorithmsFor(target.legacyAlgorithms),
        hostVerifier: hostVerifier as ConnectConfig['hostVerifier'],
        authHandler: authHandler as ConnectConfig['authHandler'],
        readyTimeout: SSH2_READY_TIMEOUT_MS,
        keepaliveInterval: options.keepaliveIntervalMs ?? 10_000,
        keepaliveCountMax: options.keepaliveCountMax ?? 3,
        debug: log.onDebug,
      };
      client.connect(config);
    });
  }

  get lost(): boolean {
    return this.lostReason !== null;
  }

  /** Called once when the connection drops (not when closed on purpose). */
  onLost(listener: (reason: string) => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  /** Runs one command. Never rejects for the command's own failure: the result says what happened. */
  exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    return new Promise((resolve) => {
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      const text = () => ({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
      let done = false;
      let channel: ClientChannel | null = null;
      const finish = (result: ExecResult) => {
        if (done) return;
        done = true;
        if (timer) clearTimeout(timer);
        this.interruptActive.delete(interrupt);
        resolve(result);
      };
      const interrupt = (reason: string) => finish({ kind: 'interrupted', reason, ...text() });
      const timer = options.timeoutMs
        ? setTimeout(() => {
            channel?.close();
            finish({ kind: 'timed-out', ...text() });
          }, options.timeoutMs)
        : null;
      if (this.lostReason !== null) return interrupt(this.lostReason);
      this.interruptActive.add(interrupt);
      this.client.exec(command, (error, stream) => {
        if (error) return interrupt(`could not start the command: ${error.message}`);
        channel = stream;
        if (options.input !== undefined) stream.end(options.input);
        let exit: { code: number | null; signal: string | null } | null = null;
        const keep = options.keepOutput ?? true;
        const limitBytes = options.maxKeptBytes ?? DEFAULT_MAX_KEPT_BYTES;
        let keptBytes = 0;
        const deliver = (chunk: Buffer, kind: 'stdout' | 'stderr') => {
          if (done) return;
          if (keep) {
            const room = limitBytes - keptBytes;
            (kind === 'stdout' ? stdout : stderr).push(chunk.subarray(0, Math.max(0, room)));
            keptBytes += chunk.length;
            if (keptBytes > limitBytes) {
              stream.close();
              // The part that fits still reaches the transcript; nothing waits on it any more.
              Promise.resolve(options.onOutput?.(chunk.subarray(0, Math.max(0, room)), kind)).catch(
                () => undefined,
              );
              return finish({ kind: 'too-much-output', limitBytes, ...text() });
            }
          }
          const pending = options.onOutput?.(chunk, kind);
          if (pending instanceof Promise) {
            stream.pause();
            pending.then(
              () => stream.resume(),
              (error: unknown) => {
                // Output that cannot be kept is not thrown away silently: the command is stopped.
                stream.close();
                interrupt(
                  `its output could not be kept: ${error instanceof Error ? error.message : String(error)}`,
                );
              },
            );
          }
        };
        stream.on('data', (chunk: Buffer) => deliver(chunk, 'stdout'));
        stream.stderr.on('data', (chunk: Buffer) => deliver(chunk, 'stderr'));
        stream.on('exit', (code: number | null, signal?: string) => {
          exit = { code, signal: signal ?? null };
        });
        stream.on('close', () => {
          if (exit) return finish({ kind: 'exited', ...exit, ...text() });
          // A channel that closes without an exit status went down with the connection.
          setImmediate(() => interrupt(this.lostReason ?? 'the channel closed before the command finished'));
        });
      });
    });
  }

  /** Starts `command` (or, for null, the login shell) on a pseudo-terminal, as a technician at the console would. */
  openPty(command: string | null, size: TerminalSize = CMS_TERMINAL_SIZE): Promise<PtyChannel> {
    return new Promise((resolve, reject) => {
      // As for exec: a program that cannot start on a lost (or failing) connection is an interruption.
      if (this.lostReason !== null) return reject(new SshConnectError('network', this.lostReason));
      const window = { term: 'vt100', cols: size.cols, rows: size.rows };
      const onChannel = (error: Error | undefined, stream: ClientChannel) => {
        // A channel refused as the connection drops: its end, reported a moment later, is the better reason.
        if (error)
          return setImmediate(() =>
            reject(
              new SshConnectError(
                'network',
                this.lostReason ?? `could not start the program: ${error.message}`,
              ),
            ),
          );
        let endResolve: (end: PtyEnd) => void = () => undefined;
        const ended = new Promise<PtyEnd>((r) => (endResolve = r));
        let exitCode: number | null | undefined;
        const interrupt = (reason: string) => endResolve({ kind: 'interrupted', reason });
        this.interruptActive.add(interrupt);
        const output = new HeardOutput();
        stream.setEncoding('utf8');
        stream.on('data', output.push);
        stream.on('exit', (code: number | null) => {
          exitCode = code;
        });
        stream.on('close', () => {
          this.interruptActive.delete(interrupt);
          if (exitCode !== undefined) endResolve({ kind: 'exited', code: exitCode });
          else
            setImmediate(() =>
              interrupt(this.lostReason ?? 'the terminal closed before the program finished'),
            );
        });
        resolve({
          write: (text) => {
            stream.write(text);
          },
          onData: output.onData,
          ended,
          // A paused channel would never report its end: what is left is let through as it closes.
          close: () => {
            stream.resume();
            stream.close();
          },
          pause: () => stream.pause(),
          resume: () => stream.resume(),
          resize: ({ cols, rows }) => stream.setWindow(rows, cols, 0, 0),
        });
      };
      if (command === null) this.client.shell(window, onChannel);
      else this.client.exec(command, { pty: window }, onChannel);
    });
  }

  close(): void {
    this.closing = true;
    this.client.end();
  }
}
