import { unrecognised, type Unrecognised } from './parseResult.ts';

/**
 * The first bytes of the tape in a drive, read without writing: `dd if=<drive> bs=65536 count=1 | od -A n
 * -t x1 -N 8` (the command is in electron/steps/tapeStart.ts).
 *
 * Cited, not guessed:
 * - POSIX od: `-A n` prints no offsets, `-t x1` each byte as two hexadecimal digits, `-N` stops after that
 *   many bytes. Empty input prints nothing.
 * - POSIX dd: the counts on standard error are "%u+%u records in" and "%u+%u records out".
 * - The cpio magic numbers (POSIX pax, "cpio Interchange Format"; libarchive's cpio(5)): "070707" for the
 *   portable ASCII header, "070701" / "070702" for the SVR4 ASCII headers (Solaris `cpio -c` and `-H crc`),
 *   and octal 070707 as a 16-bit word (0x71c7) in either byte order for the old binary header.
 * Assumed: a CMSADM backup is a cpio archive. The manual does not say so; its "xxxxxxx blocks" after the
 * write and after the verification is cpio's own count line. Its first tape then starts with one of these
 * magics and its later tapes (mid-archive) do not. Were it wrong, a CMSADM tape reads as "other": still
 * never written over without the technician's explicit yes.
 * Anything else on the console (dd cannot open the drive, a shell's error) is not read here: the
 * technician sees it.
 */
export type TapeStart =
  { kind: 'recognised'; start: 'empty' | 'cpio' | 'other'; firstBytes: string } | Unrecognised;

const HEX_LINE = /^[0-9a-f]{2}(?: [0-9a-f]{2})*$/i;
const DD_COUNT = /^\d+\+\d+ records (?:in|out)$/;
const CPIO_ASCII = ['070707', '070701', '070702'];

export function parseTapeStart(console: string): TapeStart {
  const lines = console
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const strange = lines.find((line) => !HEX_LINE.test(line) && !DD_COUNT.test(line));
  if (strange !== undefined) return unrecognised(console, `not od's hexadecimal bytes: "${strange}"`);
  const bytes = lines
    .filter((line) => HEX_LINE.test(line))
    .flatMap((line) => line.split(' '))
    .map((hex) => parseInt(hex, 16));
  const firstBytes = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
  if (bytes.length === 0) return { kind: 'recognised', start: 'empty', firstBytes };
  const ascii = String.fromCharCode(...bytes.slice(0, 6));
  const binaryMagic = (bytes[0] === 0x71 && bytes[1] === 0xc7) || (bytes[0] === 0xc7 && bytes[1] === 0x71);
  const cpio = CPIO_ASCII.includes(ascii) || binaryMagic;
  return { kind: 'recognised', start: cpio ? 'cpio' : 'other', firstBytes };
}
