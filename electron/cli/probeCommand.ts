import { mtStatusCommand } from '../ssh/remoteCommand.ts';
import { SshConnection } from '../ssh/sshConnection.ts';
import type { CliConnection } from './cliOptions.ts';

/** What `cms-ha probe` prints: one JSON object about the server. */
export interface ProbeReport {
  target: string;
  hostname: string | null;
  osRelease: string | null;
  cmsVersion: { version: string } | { unrecognised: string };
  tapeDrive: { device: string; exitCode: number | null; output: string };
  hostKey: { algorithm: string; fingerprint: string };
  algorithms: SshConnection['negotiated'];
  legacyAlgorithms: boolean;
}

const TAPE_DEVICE = '/dev/rmt/0';

export async function probe(connection: CliConnection, timeoutMs: number): Promise<ProbeReport> {
  const ssh = await SshConnection.connect({ ...connection, timeoutMs });
  try {
    await connection.savePins();
    const run = async (command: string) => {
      const result = await ssh.exec(command, { timeoutMs });
      return result.kind === 'exited'
        ? { code: result.code, out: result.stdout, err: result.stderr }
        : { code: null, out: result.stdout, err: `${result.kind}: ${result.stderr}` };
    };
    const [hostname, release, pkginfo, mt] = [
      await run('uname -n'),
      await run('uname -r'),
      await run('pkginfo -l cms'),
      await run(mtStatusCommand(TAPE_DEVICE)),
    ];
    const version = /^\s*VERSION:\s*(\S+)\s*$/m.exec(pkginfo.out)?.[1];
    return {
      target: `${connection.target.user}@${connection.target.host}:${connection.target.port}`,
      hostname: hostname.code === 0 ? hostname.out.trim() : null,
      osRelease: release.code === 0 ? release.out.trim() : null,
      cmsVersion: version ? { version } : { unrecognised: `${pkginfo.out}${pkginfo.err}` },
      tapeDrive: { device: TAPE_DEVICE, exitCode: mt.code, output: `${mt.out}${mt.err}` },
      hostKey: ssh.hostKey,
      algorithms: ssh.negotiated,
      legacyAlgorithms: connection.target.legacyAlgorithms,
    };
  } finally {
    ssh.close();
  }
}
