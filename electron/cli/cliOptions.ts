import type { CliIO } from '../cli.ts';
import { readFile, writeFile } from 'node:fs/promises';
import { HostKeyPins, type HostKeyPin } from '../ssh/hostKeyPins.ts';
import type { SshCredentials, TechnicianQuestions } from '../ssh/sshConnection.ts';
import { parseTargetSpec, type SshTarget } from '../ssh/sshTarget.ts';
import { terminalConnectionQuestions } from './terminalConnectionQuestions.ts';

/** The options `probe` and `exec` share, as parseArgs declares them. */
export const CONNECTION_OPTIONS = {
  identity: { type: 'string' },
  'password-env': { type: 'string' },
  legacy: { type: 'boolean' },
  'known-hosts': { type: 'string' },
  'accept-new-host-key': { type: 'boolean' },
  timeout: { type: 'string' },
} as const;

export interface ConnectionValues {
  identity?: string;
  'password-env'?: string;
  legacy?: boolean;
  'known-hosts'?: string;
  'accept-new-host-key'?: boolean;
  timeout?: string;
}

export class CliUsageError extends Error {}

export interface CliConnection {
  target: SshTarget;
  credentials: SshCredentials;
  questions: TechnicianQuestions;
  pins: HostKeyPins;
  /** Writes newly pinned keys back to the --known-hosts file. */
  savePins(): Promise<void>;
}

/** Builds what SshConnection.connect needs from the command line; secrets come from env or a hidden prompt only. */
export async function connectionFromOptions(
  spec: string | undefined,
  values: ConnectionValues,
  io: Pick<CliIO, 'err' | 'askHidden' | 'interactive'>,
): Promise<CliConnection> {
  if (!spec) throw new CliUsageError('a target user@host[:port] is required');
  let target: SshTarget;
  try {
    target = parseTargetSpec(spec, values.legacy ?? false);
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const credentials = await credentialsFromOptions(values);
  const pinsFile = values['known-hosts'];
  const pins = new HostKeyPins(pinsFile ? await readPins(pinsFile) : []);
  const questions = terminalConnectionQuestions({
    say: (text) => io.err(text),
    askHidden: io.askHidden,
    acceptNewHostKey: values['accept-new-host-key'] ?? false,
    interactive: io.interactive,
  });
  return {
    target,
    credentials,
    questions,
    pins,
    savePins: async () => {
      if (pinsFile) await writeFile(pinsFile, `${JSON.stringify(pins.list(), null, 2)}\n`);
    },
  };
}

/** Credentials from --identity and --password-env; never from the command line itself. */
export async function credentialsFromOptions(values: ConnectionValues): Promise<SshCredentials> {
  const credentials: SshCredentials = {};
  if (values.identity) credentials.privateKey = await readFile(values.identity);
  if (values['password-env']) {
    const password = process.env[values['password-env']];
    if (password === undefined)
      throw new CliUsageError(`environment variable ${values['password-env']} is not set`);
    credentials.password = password;
  }
  return credentials;
}

async function readPins(file: string): Promise<HostKeyPin[]> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as HostKeyPin[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new CliUsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

export function timeoutFrom(values: ConnectionValues, fallbackMs: number): number {
  if (values.timeout === undefined) return fallbackMs;
  const seconds = Number(values.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new CliUsageError('--timeout takes a number of seconds');
  return seconds * 1000;
}
