import type { Program } from '../program.ts';
import { findDrive } from '../simDevices.ts';
import type { SimTape } from '../simState.ts';

/**
 * What the first record of a simulated tape reads as. Made up, except the cpio magic: a CMSADM backup is
 * a cpio archive (manual p. 25), and an SVR4 ASCII cpio header starts with "070701". A later tape of a
 * set goes on in the middle of the archive, so it has no header; a maintenance volume's first bytes are
 * the simulator's invention.
 */
function firstRecord(tape: SimTape): string {
  const content = tape.content;
  if (content === null) return '';
  if (content.kind === 'maintenance') return `CMSVOL ${content.volumeLabel}\n`;
  if (content.number === 1) return `070701000000020000416d000000000000000000000002${'0'.repeat(64)}./cms\n`;
  return `cms data of ${content.host}, continued on tape ${content.number}\n`;
}

/** POSIX `dd if=<device> bs=<n> count=1`: reads the tape's first record; the record counts on stderr as POSIX words them. */
export const dd: Program = async ({ args, io, store, host }) => {
  const operands = Object.fromEntries(
    args.map((arg) => arg.split('=') as [string, string]).filter((pair) => pair.length === 2),
  );
  const device = operands.if;
  if (!device || operands.count !== '1') {
    io.writeError('dd: the simulator reads one record of a tape: dd if=<device> bs=<n> count=1\n');
    return 2;
  }
  const state = await store.read();
  const drive = findDrive(state.hosts[host], device);
  if (!drive) {
    io.writeError(`dd: ${device}: open: No such file or directory\n`);
    return 2;
  }
  if (drive.busy) {
    io.writeError(`dd: ${device}: open: Device busy\n`);
    return 2;
  }
  const tape = drive.tapeId ? state.tapes[drive.tapeId] : undefined;
  if (drive.offline || !tape) {
    io.writeError(`dd: ${device}: open: No such device or address\n`);
    return 2;
  }
  const record = firstRecord(tape);
  io.write(record);
  const records = record === '' ? 0 : 1;
  io.writeError(`${records}+0 records in\n${records}+0 records out\n`);
  return 0;
};

/** POSIX `od -A n -t x1 -N <count>`: the first bytes of standard input in hexadecimal, 16 to a line. */
export const od: Program = async ({ args, io }) => {
  const countIndex = args.indexOf('-N');
  const count = countIndex >= 0 ? Number(args[countIndex + 1]) : Infinity;
  if (
    args
      .join(' ')
      .replace(/-N \d+/, '')
      .trim() !== '-A n -t x1'
  ) {
    io.writeError('od: the simulator knows only od -A n -t x1 [-N count]\n');
    return 2;
  }
  let text = '';
  for (let line = await io.readLine(); line !== null; line = await io.readLine()) text += `${line}\n`;
  const bytes = [...Buffer.from(text, 'utf8').subarray(0, count)];
  for (let start = 0; start < bytes.length; start += 16)
    io.write(
      `${bytes
        .slice(start, start + 16)
        .map((byte) => ` ${byte.toString(16).padStart(2, '0')}`)
        .join('')}\n`,
    );
  return 0;
};
