import { SshConnection, unfinishedReason } from '../ssh/sshConnection.ts';
import type { CliConnection } from './cliOptions.ts';

/** `cms-ha exec`: runs one command, streams its output, and returns its exit code (124 timed out, 255 lost). */
export async function execRemote(
  connection: CliConnection,
  command: string,
  timeoutMs: number,
  out: (chunk: Buffer) => void,
  err: (chunk: Buffer | string) => void,
): Promise<number> {
  const ssh = await SshConnection.connect({ ...connection, timeoutMs: 20_000 });
  try {
    await connection.savePins();
    const result = await ssh.exec(command, {
      timeoutMs,
      onOutput: (chunk, stream) => void (stream === 'stdout' ? out(chunk) : err(chunk)),
      // Streamed to the terminal only: a long output is not also held in memory.
      keepOutput: false,
    });
    switch (result.kind) {
      case 'exited':
        return result.code ?? 255;
      case 'timed-out':
        err(
          `cms-ha exec: the command did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped (--timeout S for longer)\n`,
        );
        return 124;
      case 'interrupted':
      case 'too-much-output':
        err(`cms-ha exec: ${unfinishedReason(result)}\n`);
        return 255;
    }
  } finally {
    ssh.close();
  }
}
