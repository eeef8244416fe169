import { parseMtStatus, type MtStatus } from '../../shared/parsers/mtStatus.ts';
import { mtStatusCommand } from '../ssh/remoteCommand.ts';
import type { SshConnection } from '../ssh/sshConnection.ts';

export interface TapeDriveReading {
  command: string;
  mt: MtStatus;
  /** The console output as it came (stdout then stderr), for the transcript. */
  output: string;
}

/** P2 on one server: `mt -f <device> status`, parsed. */
export async function readTapeDrive(
  connection: SshConnection,
  device: string,
  onOutput?: (text: string) => void,
  timeoutMs = 30_000,
): Promise<TapeDriveReading> {
  const command = mtStatusCommand(device);
  const result = await connection.exec(command, {
    timeoutMs,
    onOutput: (chunk) => onOutput?.(chunk.toString('utf8')),
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.kind !== 'exited') {
    const reason = result.kind === 'interrupted' ? result.reason : `no answer within ${timeoutMs} ms`;
    return {
      command,
      output,
      mt: { kind: 'unrecognised', reason: `the command did not finish: ${reason}`, raw: output },
    };
  }
  return { command, output, mt: parseMtStatus(output) };
}
