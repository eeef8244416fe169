import { parseMtStatus, type MtStatus } from '../../shared/parsers/mtStatus.ts';
import { mtStatusCommand } from '../ssh/remoteCommand.ts';
import type { RemoteHost } from '../ssh/remoteHost.ts';
import { unfinishedReason } from '../ssh/sshConnection.ts';

export interface TapeDriveReading {
  command: string;
  mt: MtStatus;
  /** The console output as it came (stdout then stderr), for the transcript. */
  output: string;
  /** mt ended (its output is whole); false when the connection dropped or the time limit passed. */
  finished: boolean;
}

/** P2 on one server: `mt -f <device> status`, parsed. */
export async function readTapeDrive(
  connection: RemoteHost,
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
    const reason = unfinishedReason(result, timeoutMs);
    return {
      command,
      output,
      finished: false,
      mt: { kind: 'unrecognised', reason: `the command did not finish: ${reason}`, raw: output },
    };
  }
  return { command, output, finished: true, mt: parseMtStatus(output) };
}

/**
 * Whether P2 must put the two readings to the technician: one holds whole mt output the parser does not
 * know, or a drive it does not know, and neither is a recognised failure (no tape, a sense condition, a
 * command that did not finish), which fails the step on its own.
 */
export function drivesNeedTechnician(readings: readonly TapeDriveReading[]): boolean {
  const unread = (reading: TapeDriveReading) =>
    reading.mt.kind === 'unrecognised'
      ? reading.finished
      : reading.mt.status === 'ready' && reading.mt.drive.family === 'unknown';
  const failedOnItsOwn = (reading: TapeDriveReading) =>
    !reading.finished || (reading.mt.kind === 'recognised' && reading.mt.status !== 'ready');
  return readings.some(unread) && !readings.some(failedOnItsOwn);
}
