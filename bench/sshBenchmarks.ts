import { execFile, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { RedactedTranscript } from '../electron/journal/redactedTranscript.ts';
import { HostKeyPins } from '../electron/ssh/hostKeyPins.ts';
import { SshConnection } from '../electron/ssh/sshConnection.ts';
import { CLIENT_KEY_PASSPHRASE, startSshd, TEST_USER, type RunningSshd } from '../test/support/sshdServer.ts';
import { figure, MiB, round, timed, withPeakRss, type Figure } from './measure.ts';

const run = promisify(execFile);
const CIPHER = 'aes128-ctr';
const MAC = 'hmac-sha2-256';
const STREAM_BYTES = 256 * MiB;
const COMMANDS = 50;

/** The probes and checks the procedure runs, as 50 short commands. */
const SHORT_COMMANDS = Array.from(
  { length: COMMANDS },
  (_, i) => ['uname -n', 'uname -a', 'date', 'id -u', 'cat /etc/hostname'][i % 5]!,
);

/** Streaming and many small commands: the app's SSH layer against OpenSSH's client, same sshd, same cipher. */
export async function sshBenchmarks(): Promise<Figure[]> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-bench-'));
  await mkdir(path.join(work, 'transcripts'));
  const sshd = await startSshd({ legacyOnly: false, ciphers: CIPHER, macs: MAC });
  try {
    // OpenSSH's client gets a key without a passphrase, accepted by the same sshd.
    const plainKey = path.join(work, 'client_plain');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', plainKey]);
    await appendFile(path.join(sshd.directory, 'authorized_keys'), await readFile(`${plainKey}.pub`));
    const ssh = (command: string) => [
      '-p',
      String(sshd.port),
      '-i',
      plainKey,
      '-c',
      CIPHER,
      '-m',
      MAC,
      '-o',
      'StrictHostKeyChecking=no',
      '-o',
      'UserKnownHostsFile=/dev/null',
      '-o',
      'LogLevel=ERROR',
      '-o',
      'BatchMode=yes',
      `${TEST_USER}@127.0.0.1`,
      command,
    ];
    const produce = `yes 'output of a long console session 0123456789' | head -c ${STREAM_BYTES}`;
    return [...(await streaming(sshd, work, ssh, produce)), ...(await smallCommands(sshd, ssh))];
  } finally {
    await sshd.stop();
    await rm(work, { recursive: true, force: true });
  }
}

export function appConnection(sshd: RunningSshd): Promise<SshConnection> {
  return SshConnection.connect({
    target: { host: '127.0.0.1', port: sshd.port, user: TEST_USER, legacyAlgorithms: false },
    credentials: { privateKey: sshd.clientKey, passphrase: CLIENT_KEY_PASSPHRASE },
    questions: { confirmHostKey: async () => true, answerPrompts: async () => null },
    pins: new HostKeyPins(),
  });
}

async function streaming(
  sshd: RunningSshd,
  work: string,
  ssh: (command: string) => string[],
  produce: string,
): Promise<Figure[]> {
  const openssh = await timed(
    () =>
      new Promise<void>((resolve, reject) => {
        const out = createWriteStream(path.join(work, 'openssh.out'));
        const child = spawn('ssh', ssh(produce), { stdio: ['ignore', 'pipe', 'inherit'] });
        child.stdout.pipe(out);
        child.on('close', (code) =>
          code === 0 ? out.end(resolve) : reject(new Error(`ssh exited ${code}`)),
        );
      }),
  );
  global.gc?.();
  const before = process.memoryUsage().rss;
  const { result: app, peakRss } = await withPeakRss(() =>
    timed(async () => {
      const connection = await appConnection(sshd);
      const transcript = new RedactedTranscript(work, 'P4a', 'ORIG', 1);
      const result = await connection.exec(produce, {
        keepOutput: false,
        onOutput: (chunk) => {
          transcript.writeBytes(chunk);
          // The transcript's back-pressure holds the channel only when the disk falls behind.
          return transcript.behind ? transcript.flushed() : undefined;
        },
      });
      await transcript.close();
      connection.close();
      if (result.kind !== 'exited' || result.code !== 0) throw new Error(`stream failed: ${result.kind}`);
    }),
  );
  const appBytes = (await stat(path.join(work, 'transcripts', 'P4a-ORIG-1.log'))).size;
  const sshBytes = (await stat(path.join(work, 'openssh.out'))).size;
  if (appBytes !== STREAM_BYTES || sshBytes !== STREAM_BYTES)
    throw new Error(`streamed ${appBytes} (app) and ${sshBytes} (ssh) bytes, expected ${STREAM_BYTES}`);
  return [
    figure({
      name: 'Streaming 256 MiB to a transcript file',
      unit: 's',
      app: round(app.ms / 1000, 2),
      baseline: round(openssh.ms / 1000, 2),
      baselineName: `OpenSSH ssh > file (${CIPHER}, ${MAC})`,
      target: 'within 1.25× of OpenSSH',
      met: app.ms <= openssh.ms * 1.25,
    }),
    figure({
      name: 'Main-process memory while streaming (peak RSS growth)',
      unit: 'MiB',
      app: round((peakRss - before) / MiB, 0),
      baseline: null,
      baselineName: null,
      target: 'flat (not growing with the output)',
      met: peakRss - before < 128 * MiB,
      notes: `peak RSS ${round(peakRss / MiB, 0)} MiB`,
    }),
  ];
}

async function smallCommands(sshd: RunningSshd, ssh: (command: string) => string[]): Promise<Figure[]> {
  const separate = await timed(async () => {
    for (const command of SHORT_COMMANDS) await run('ssh', ssh(command));
  });
  const connection = await appConnection(sshd);
  const runAll = async (inFlight: number) => {
    const queue = [...SHORT_COMMANDS];
    const worker = async () => {
      for (let command = queue.shift(); command !== undefined; command = queue.shift()) {
        const result = await connection.exec(command);
        if (result.kind !== 'exited' || result.code !== 0)
          throw new Error(`${command}: ${JSON.stringify(result)}`);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
  };
  const oneByOne = await timed(() => runAll(1));
  const together = await timed(() => runAll(4));
  connection.close();
  return [
    figure({
      name: `${COMMANDS} short commands, one after the other on one connection`,
      unit: 's',
      app: round(oneByOne.ms / 1000, 2),
      baseline: round(separate.ms / 1000, 2),
      baselineName: `${COMMANDS} separate ssh invocations`,
      target: 'at least 5× faster than separate invocations',
      met: separate.ms >= oneByOne.ms * 5,
      notes: `speed-up ${round(separate.ms / oneByOne.ms, 1)}×`,
    }),
    figure({
      name: `${COMMANDS} short commands, 4 channels at a time on one connection`,
      unit: 's',
      app: round(together.ms / 1000, 2),
      baseline: round(separate.ms / 1000, 2),
      baselineName: `${COMMANDS} separate ssh invocations`,
      target: 'at least 5× faster than separate invocations',
      met: separate.ms >= together.ms * 5,
      notes: `speed-up ${round(separate.ms / together.ms, 1)}×`,
    }),
  ];
}
