import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeSimCommandDirectory } from '../../electron/simulator/commandDirectory.ts';
import type { SimHostName } from '../../electron/simulator/simState.ts';

const run = promisify(execFile);
const SSHD = '/usr/sbin/sshd';

export const TEST_USER = 'cmsha-test';
export const TEST_PASSWORD = 'Cms-Test-Pass-1';
export const CLIENT_KEY_PASSPHRASE = 'key passphrase';

/** Why real-sshd tests cannot run here, or null. Under CI (CMS_HA_REQUIRE_SSHD=1) a missing piece fails. */
export function sshdUnavailableReason(): string | null {
  const reason = !existsSync(SSHD)
    ? `${SSHD} is missing (install Debian's openssh-server, as .ci/run does)`
    : process.getuid?.() !== 0
      ? 'the tests must run as root to start sshd and log in as a test user'
      : null;
  if (reason && process.env.CMS_HA_REQUIRE_SSHD === '1') throw new Error(reason);
  return reason ? `skipped: ${reason}` : null;
}

export interface SshdOptions {
  /** Offer only what an old Solaris sshd offers (default), or OpenSSH's modern defaults. */
  legacyOnly?: boolean;
  kexAlgorithms?: string;
  hostKeyType?: 'rsa' | 'dsa';
  /** The host key signatures the server offers, whatever else it offers (e.g. only `ssh-rsa`, SHA-1). */
  hostKeyAlgorithms?: string;
  keyboardInteractive?: boolean;
  /** Serve a simulated CMS host: the pair's state folder and which host this sshd is. */
  simulator?: { stateDir: string; commandDir: string; host: SimHostName };
  /** One cipher and MAC for both sides of a comparison (benchmarks); OpenSSH's defaults otherwise. */
  ciphers?: string;
  macs?: string;
  /** Run inside this network namespace, listening on its address (a link a test can cut). */
  netns?: { name: string; address: string };
}

export interface RunningSshd {
  port: number;
  directory: string;
  clientKey: Buffer;
  hostKeyFingerprint: string;
  log(): string;
  /** Where clients connect: 127.0.0.1, or the namespace's address. */
  address: string;
  /** Kills every connection (the per-connection sshd processes), as a dropped network would. */
  killConnections(): Promise<void>;
  /** How many sshd processes serve connections now (none once every client is gone). */
  connectionProcessCount(): Promise<number>;
  /** Sends a signal to every connection's sshd processes (SIGSTOP freezes them, SIGCONT resumes). */
  signalConnections(signal: NodeJS.Signals): Promise<void>;
  /** The server goes down: every connection dies and the listener stops, until `powerOn`. */
  powerOff(): Promise<void>;
  /** The server is back: the listener starts again with the same keys. */
  powerOn(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function ensureTestUser(): Promise<void> {
  try {
    await run('id', [TEST_USER]);
  } catch {
    await run('useradd', ['-m', '-s', '/bin/sh', TEST_USER]);
  }
  const chpasswd = spawn('chpasswd', { stdio: ['pipe', 'ignore', 'inherit'] });
  chpasswd.stdin.end(`${TEST_USER}:${TEST_PASSWORD}\n`);
  await new Promise((resolve) => chpasswd.once('exit', resolve));
}

/** A simulated-pair command folder for sshd logins (one per test file is enough). */
export async function makeSimCommandDir(root: string): Promise<string> {
  const directory = path.join(root, 'simbin');
  await writeSimCommandDirectory(directory);
  await chmod(root, 0o755);
  await installCmsBinShim();
  return directory;
}

/**
 * The app calls br_check by its real path, /cms/bin/br_check. On the test machine that path holds a
 * shim that finds the simulator's br_check on the sshd login's PATH (created once, as root).
 */
async function installCmsBinShim(): Promise<void> {
  const shim = '/cms/bin/br_check';
  if (existsSync(shim)) return;
  await mkdir('/cms/bin', { recursive: true });
  await writeFile(
    shim,
    '#!/bin/sh\n# cms-ha test shim: the simulated br_check from the sshd login PATH\nexec br_check "$@"\n',
  );
  await chmod(shim, 0o755);
}

/** A simulated pair state folder the sshd test user can update. */
export async function makeSharedStateDir(root: string): Promise<string> {
  const directory = path.join(root, 'state');
  await mkdir(directory, { recursive: true });
  await chmod(directory, 0o777);
  return directory;
}

/** Starts Debian's sshd on a free loopback port, configured like an old Solaris server. */
export async function startSshd(options: SshdOptions = {}): Promise<RunningSshd> {
  await mkdir('/run/sshd', { recursive: true });
  await ensureTestUser();
  const directory = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-sshd-'));
  await chmod(directory, 0o755);
  const hostKeyType = options.hostKeyType ?? 'rsa';
  const hostKey = path.join(directory, `host_${hostKeyType}`);
  await run('ssh-keygen', [
    '-q',
    '-t',
    hostKeyType,
    ...(hostKeyType === 'rsa' ? ['-b', '2048'] : []),
    '-N',
    '',
    '-f',
    hostKey,
  ]);
  const clientKeyPath = path.join(directory, 'client_ed25519');
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', CLIENT_KEY_PASSPHRASE, '-f', clientKeyPath]);
  await writeFile(path.join(directory, 'authorized_keys'), await readFile(`${clientKeyPath}.pub`));
  await chmod(path.join(directory, 'authorized_keys'), 0o644);
  const { stdout: fingerprintLine } = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${hostKey}.pub`]);

  const port = await freePort();
  const legacy = options.legacyOnly ?? true;
  const environment = options.simulator
    ? `SetEnv PATH=${options.simulator.commandDir}:/usr/bin:/bin CMS_SIM_STATE_DIR=${options.simulator.stateDir} CMS_SIM_HOST=${options.simulator.host} CMS_SIM_TIME_SCALE=0`
    : '';
  const config = [
    `Port ${port}`,
    `ListenAddress ${options.netns?.address ?? '127.0.0.1'}`,
    `HostKey ${hostKey}`,
    `PidFile ${path.join(directory, 'sshd.pid')}`,
    'LogLevel INFO',
    'UsePAM yes',
    `KbdInteractiveAuthentication ${options.keyboardInteractive === false ? 'no' : 'yes'}`,
    'PasswordAuthentication yes',
    'PubkeyAuthentication yes',
    `AuthorizedKeysFile ${path.join(directory, 'authorized_keys')}`,
    // Root logins would run root's shell start-up files (on this image, pyenv's); the test user's
    // shell is /bin/sh, which reads none for a command.
    'PermitRootLogin no',
    `AllowUsers ${TEST_USER}`,
    'StrictModes no',
    ...(legacy
      ? [
          `KexAlgorithms ${options.kexAlgorithms ?? 'diffie-hellman-group1-sha1,diffie-hellman-group14-sha1'}`,
          `HostKeyAlgorithms ${hostKeyType === 'rsa' ? 'ssh-rsa' : 'ssh-dss'}`,
          'Ciphers aes128-cbc,3des-cbc',
          'MACs hmac-sha1',
        ]
      : []),
    ...(options.hostKeyAlgorithms ? [`HostKeyAlgorithms ${options.hostKeyAlgorithms}`] : []),
    ...(options.ciphers ? [`Ciphers ${options.ciphers}`] : []),
    ...(options.macs ? [`MACs ${options.macs}`] : []),
    environment,
    '',
  ].join('\n');
  const configPath = path.join(directory, 'sshd_config');
  await writeFile(configPath, config);

  const command = options.netns ? ['ip', 'netns', 'exec', options.netns.name, SSHD] : [SSHD];
  let log = '';
  const listen = async (): Promise<ChildProcess> => {
    const started = spawn(command[0]!, [...command.slice(1), '-D', '-e', '-f', configPath], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    started.stderr!.setEncoding('utf8');
    const from = log.length;
    await new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`sshd did not start:\n${log}`)), 10_000);
      started.stderr!.on('data', (text: string) => {
        log += text;
        if (log.slice(from).includes('Server listening')) {
          clearTimeout(timeout);
          resolve();
        }
      });
      started.once('exit', (code) => reject(new Error(`sshd exited with ${code}:\n${log}`)));
    });
    return started;
  };
  let child = await listen();

  /** Every process under the listener: the privileged and the user-side sshd of each connection. */
  const connectionProcesses = async (): Promise<number[]> => {
    const { stdout } = await run('ps', ['-e', '-o', 'pid=,ppid=']);
    const children = new Map<number, number[]>();
    for (const line of stdout.trim().split('\n')) {
      const [pid, ppid] = line.trim().split(/\s+/).map(Number);
      children.set(ppid!, [...(children.get(ppid!) ?? []), pid!]);
    }
    // `ip netns exec` executes sshd in its own place: the spawned process is the listener either way.
    const found: number[] = [];
    const pending = [...(children.get(child.pid!) ?? [])];
    while (pending.length > 0) {
      const pid = pending.pop()!;
      found.push(pid);
      pending.push(...(children.get(pid) ?? []));
    }
    return found;
  };
  const signalConnections = async (signal: NodeJS.Signals) => {
    for (const pid of await connectionProcesses()) {
      try {
        process.kill(pid, signal);
      } catch {
        // already gone
      }
    }
  };
  const stopListener = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };

  return {
    port,
    directory,
    address: options.netns?.address ?? '127.0.0.1',
    clientKey: await readFile(clientKeyPath),
    hostKeyFingerprint: fingerprintLine.split(' ')[1]!,
    log: () => log,
    killConnections: () => signalConnections('SIGKILL'),
    connectionProcessCount: async () => (await connectionProcesses()).length,
    signalConnections,
    powerOff: async () => {
      await signalConnections('SIGKILL');
      await stopListener();
    },
    powerOn: async () => {
      if (child.exitCode === null && child.signalCode === null) return;
      child = await listen();
    },
    stop: async () => {
      await stopListener();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
