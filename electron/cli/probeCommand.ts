import { probeServer, type ServerProbe } from '../steps/probeServer.ts';
import { SshConnection } from '../ssh/sshConnection.ts';
import type { CliConnection } from './cliOptions.ts';

/** What `cms-ha probe` prints: one JSON object about the server. */
export interface ProbeReport extends ServerProbe {
  target: string;
  legacyAlgorithms: boolean;
}

const TAPE_DEVICE = '/dev/rmt/0';

export async function probe(connection: CliConnection, timeoutMs: number): Promise<ProbeReport> {
  const ssh = await SshConnection.connect({ ...connection, timeoutMs });
  try {
    await connection.savePins();
    return {
      target: `${connection.target.user}@${connection.target.host}:${connection.target.port}`,
      ...(await probeServer(ssh, TAPE_DEVICE, timeoutMs)),
      legacyAlgorithms: connection.target.legacyAlgorithms,
    };
  } finally {
    ssh.close();
  }
}
