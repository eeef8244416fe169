import { parseMtStatus, summariseMtStatus, type TapeDriveSummary } from '../../shared/parsers/mtStatus.ts';
import { parseCmsPackageVersion } from '../../shared/parsers/cmsPackageVersion.ts';
import { mtStatusCommand } from '../ssh/remoteCommand.ts';
import type { SshConnection } from '../ssh/sshConnection.ts';

/** What a server says about itself: the "test connection" of the app and `cms-ha probe`. */
export interface ServerProbe {
  hostname: string | null;
  osRelease: string | null;
  cmsVersion: { version: string } | { unrecognised: string };
  /** The raw `mt status` and the drive identified from it (family, name, ready or why not). */
  tapeDrive: { device: string; exitCode: number | null; output: string; identified: TapeDriveSummary };
  hostKey: { algorithm: string; fingerprint: string };
  algorithms: SshConnection['negotiated'];
}

export async function probeServer(
  ssh: SshConnection,
  device: string,
  timeoutMs: number,
): Promise<ServerProbe> {
  const run = async (command: string) => {
    const result = await ssh.exec(command, { timeoutMs });
    return result.kind === 'exited'
      ? { code: result.code, out: result.stdout, err: result.stderr }
      : { code: null, out: result.stdout, err: `${result.kind}: ${result.stderr}` };
  };
  const hostname = await run('uname -n');
  const release = await run('uname -r');
  const pkginfo = await run('pkginfo -l cms');
  const mt = await run(mtStatusCommand(device));
  const version = parseCmsPackageVersion(pkginfo.out);
  return {
    hostname: hostname.code === 0 ? hostname.out.trim() : null,
    osRelease: release.code === 0 ? release.out.trim() : null,
    cmsVersion:
      version.kind === 'version'
        ? { version: version.version }
        : { unrecognised: `${pkginfo.out}${pkginfo.err}` },
    tapeDrive: {
      device,
      exitCode: mt.code,
      output: `${mt.out}${mt.err}`,
      identified: summariseMtStatus(parseMtStatus(`${mt.out}${mt.err}`)),
    },
    hostKey: ssh.hostKey,
    algorithms: ssh.negotiated,
  };
}
