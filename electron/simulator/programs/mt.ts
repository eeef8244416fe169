import type { Program } from '../program.ts';
import { driveDisplayName, findDrive } from '../simDevices.ts';

/** Solaris `mt -f <device> <command>`: status, rewind, offline (eject). */
export const mt: Program = async ({ args, io, store, host }) => {
  const deviceIndex = args.indexOf('-f');
  const device = deviceIndex >= 0 ? args[deviceIndex + 1] : '/dev/rmt/0';
  const command = args.filter((_, i) => i !== deviceIndex && i !== deviceIndex + 1)[0] ?? 'status';
  if (!device) {
    io.writeError('usage: mt [ -f device ] command [ count ]\n');
    return 1;
  }
  return store.update((state) => {
    const drive = findDrive(state.hosts[host], device);
    if (!drive) {
      io.writeError(`${device}: No such file or directory\n`);
      return 1;
    }
    if (drive.busy) {
      io.writeError(`${device}: Device busy\n`);
      return 1;
    }
    if (drive.offline || drive.tapeId === null) {
      io.writeError(`${device}: no tape loaded or drive offline\n`);
      return 1;
    }
    switch (command) {
      case 'status':
      case 'stat':
        io.write(statusText(driveDisplayName(drive), drive.model === 'dds4', drive.fileNo, drive.blockNo));
        return 0;
      case 'rewind':
      case 'rew':
        drive.fileNo = 0;
        drive.blockNo = 0;
        return 0;
      case 'offline':
      case 'rewoffl':
        drive.tapeId = null;
        drive.fileNo = 0;
        drive.blockNo = 0;
        return 0;
      default:
        io.writeError(`mt: unknown command: ${command}\n`);
        return 1;
    }
  });
};

/** The two layouts the manual shows: Mammoth's (three lines) and DDS-4's (blank line, sense key alone). */
function statusText(name: string, vendorLayout: boolean, fileNo: number, blockNo: number): string {
  if (vendorLayout) {
    return `${name}:\n\nsense key(0x0)= No Additional Sense\nresidual= 0   retries= 0   file no= ${fileNo}   block no= ${blockNo}\n`;
  }
  return `${name}:\nsense key(0x0)= No Additional Sense   residual= 0   retries= 0\nfile no= ${fileNo}   block no= ${blockNo}\n`;
}
