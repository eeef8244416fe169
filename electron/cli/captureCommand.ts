import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { redactSample } from '../../shared/parsers/sampleRedaction.ts';
import { DEFAULT_LOG_PATHS, MIGRATION_LOG } from '../../shared/procedure/serverLogs.ts';
import { shQuote, validateTapeDevice, mtStatusCommand } from '../ssh/remoteCommand.ts';
import { unfinishedReason, type SshConnection } from '../ssh/sshConnection.ts';
import { runBrCheck } from '../steps/brCheck.ts';
import { brCheckDevice } from '../steps/tapeWork.ts';
import type { CliConnection } from './cliOptions.ts';
import { withConnection } from './deviceCommands.ts';

/** The most of one command's output a sample keeps: a server that never stops talking cannot fill memory. */
const MAX_SAMPLE_BYTES = 1024 * 1024;

/** The logs the procedure reads (the manual names r3mig.log and mig.log; the others are the defaults of settings). */
const LOGS = [
  MIGRATION_LOG,
  '/cms/maint/r3mig/mig.log',
  DEFAULT_LOG_PATHS.restoreLog,
  DEFAULT_LOG_PATHS.errorLog,
];

interface Sample {
  file: string;
  command: string;
  exit: string;
  bytes: number;
  truncated: boolean;
  redactions: number;
}

/** Runs one read-only command and keeps at most MAX_SAMPLE_BYTES of what it printed (stdout then stderr). */
async function readOnly(
  ssh: SshConnection,
  command: string,
): Promise<{ text: string; exit: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let truncated = false;
  const result = await ssh.exec(command, {
    timeoutMs: 60_000,
    keepOutput: false,
    onOutput: (chunk) => {
      if (kept >= MAX_SAMPLE_BYTES) {
        truncated = true;
        return;
      }
      const part = chunk.subarray(0, MAX_SAMPLE_BYTES - kept);
      truncated ||= part.length < chunk.length;
      chunks.push(part);
      kept += part.length;
    },
  });
  const exit =
    result.kind === 'exited'
      ? `exit ${result.code ?? `signal ${result.signal}`}`
      : `${result.kind}: ${unfinishedReason(result, 60_000)}`;
  return { text: Buffer.concat(chunks).toString('utf8'), exit, truncated };
}

/**
 * `cms-ha capture`: runs only read-only commands on a server (and `br_check`'s listing when the technician
 * allows it) and writes what they print to a sample folder, with the server's names, addresses and host
 * id redacted, so that the formats of a real server can become parser fixtures.
 */
export async function captureCommand(
  connection: CliConnection,
  options: { out: string; device: string; brCheck: boolean },
): Promise<{ folder: string; samples: Sample[] }> {
  validateTapeDevice(options.device);
  await mkdir(options.out, { recursive: true });
  return withConnection(connection, async (ssh) => {
    const commands: { file: string; command: string }[] = [
      { file: 'uname-a.txt', command: 'uname -a' },
      { file: 'showrev.txt', command: 'showrev' },
      // What the comparison of ORIG and NEW reads (before D2 and D8), to check its assumptions against.
      { file: 'showrev-p.txt', command: 'showrev -p' },
      { file: 'locale.txt', command: 'locale' },
      { file: 'storage.def.txt', command: `cat ${shQuote(DEFAULT_LOG_PATHS.storageDef)}` },
      { file: 'pkginfo-l-cms.txt', command: 'pkginfo -l cms' },
      { file: 'mt-status.txt', command: mtStatusCommand(options.device) },
      ...LOGS.map((log) => ({ file: `log${log.replaceAll('/', '_')}.txt`, command: `cat ${shQuote(log)}` })),
    ];
    const hostname = (await readOnly(ssh, 'uname -n')).text.trim();
    const names = [hostname, hostname.split('.')[0] ?? '', connection.target.host];
    const samples: Sample[] = [];
    const keep = async (file: string, command: string, text: string, exit: string, truncated: boolean) => {
      const redacted = redactSample(text, names);
      await writeFile(path.join(options.out, file), redacted.text, { flag: 'w' });
      samples.push({
        file,
        command: redactSample(command, names).text,
        exit,
        bytes: Buffer.byteLength(redacted.text),
        truncated,
        redactions: redacted.redactions,
      });
    };
    for (const { file, command } of commands) {
      const { text, exit, truncated } = await readOnly(ssh, command);
      await keep(file, command, text, exit, truncated);
    }
    if (options.brCheck) {
      const device = brCheckDevice(options.device);
      const { outcome, result } = await runBrCheck(ssh, { device, verify: false });
      await keep('br_check-list.txt', `/cms/bin/br_check (q, ${device}, l)`, result.raw, outcome.kind, false);
    }
    await writeFile(
      path.join(options.out, 'capture.json'),
      `${JSON.stringify({ capturedAt: new Date().toISOString(), samples }, null, 2)}\n`,
    );
    return { folder: options.out, samples };
  });
}
