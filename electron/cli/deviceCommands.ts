import type { CliIO } from '../cli.ts';
import { runBrCheck } from '../steps/brCheck.ts';
import { runCmsadmBackup } from '../steps/cmsadmBackup.ts';
import { readTapeDrive } from '../steps/tapeDriveCheck.ts';
import { validateTapeDevice } from '../ssh/remoteCommand.ts';
import { SshConnection } from '../ssh/sshConnection.ts';
import type { CliConnection } from './cliOptions.ts';

export const DEFAULT_TAPE_DEVICE = '/dev/rmt/0';

/** Exit codes of the device commands: 0 recognised and fine, 3 output not recognised, 1 failure. */
export async function withConnection<T>(
  connection: CliConnection,
  work: (ssh: SshConnection) => Promise<T>,
): Promise<T> {
  const ssh = await SshConnection.connect({ ...connection, timeoutMs: 20_000 });
  try {
    await connection.savePins();
    return await work(ssh);
  } finally {
    ssh.close();
  }
}

export async function tapeCheckCommand(
  connection: CliConnection,
  device: string,
): Promise<{ json: unknown; exitCode: number }> {
  validateTapeDevice(device);
  return withConnection(connection, async (ssh) => {
    const reading = await readTapeDrive(ssh, device);
    return {
      json: { device, command: reading.command, mtStatus: reading.mt },
      exitCode: reading.mt.kind === 'recognised' ? 0 : 3,
    };
  });
}

export async function cmsadmBackupCommand(
  connection: CliConnection,
  device: string | null,
  io: Pick<CliIO, 'askLine' | 'askHidden'>,
  transcript: (text: string) => void,
): Promise<{ json: unknown; exitCode: number }> {
  if (device !== null) validateTapeDevice(device);
  return withConnection(connection, async (ssh) => {
    const run = await runCmsadmBackup(
      ssh,
      { device },
      {
        ask: (question, { secret }) =>
          secret ? io.askHidden(`${question} `) : io.askLine(`${question} [Enter] `),
        keepWaiting: keepWaitingAtTerminal(io, 'cmsadm'),
        transcript,
      },
    );
    const exitCode =
      run.outcome.kind === 'completed' && run.result.kind === 'recognised'
        ? 0
        : run.result.kind === 'unrecognised'
          ? 3
          : 1;
    return { json: { outcome: run.outcome, result: { ...run.result, raw: undefined } }, exitCode };
  });
}

export async function brCheckCommand(
  connection: CliConnection,
  device: string,
  verify: boolean,
  io: Pick<CliIO, 'askLine'>,
): Promise<{ json: unknown; exitCode: number }> {
  validateTapeDevice(device);
  return withConnection(connection, async (ssh) => {
    const { outcome, result } = await runBrCheck(
      ssh,
      { device, verify },
      { keepWaiting: keepWaitingAtTerminal(io, 'br_check') },
    );
    return {
      json: { outcome, brCheck: result },
      exitCode: result.kind !== 'recognised' ? 3 : result.status === 'listed' ? 0 : 1,
    };
  });
}

/** Tape work silent for a while: the person at the terminal decides whether to wait on (Enter or y). */
function keepWaitingAtTerminal(io: Pick<CliIO, 'askLine'>, program: string) {
  return async (silentForMs: number): Promise<boolean> => {
    const answer = await io.askLine(
      `${program} has printed nothing for ${Math.max(1, Math.round(silentForMs / 60_000))} min; tape work can be silent for long. Keep waiting? [Y/n] `,
    );
    return answer !== null && !/^n(o)?$/i.test(answer.trim());
  };
}
