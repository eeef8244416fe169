/**
 * Everything put into a remote command line passes through here: values are validated against what
 * they may be, then quoted for a Bourne shell (Solaris /bin/sh), never interpolated raw.
 */

export class UnsafeRemoteValueError extends Error {
  override readonly name = 'UnsafeRemoteValueError';
}

/** Solaris tape device: /dev/rmt/<n> with an optional density (l, m, h, c, u), BSD (b) and no-rewind (n) letter. */
const TAPE_DEVICE = /^\/dev\/rmt\/\d{1,2}[lmhcu]?b?n?$/;

export function validateTapeDevice(device: string): string {
  if (!TAPE_DEVICE.test(device)) {
    throw new UnsafeRemoteValueError(
      `"${device}" is not a Solaris tape device (expected /dev/rmt/<n> with optional l, m, h, c or u, then b, then n).`,
    );
  }
  return device;
}

/** Single-quotes a value for sh; a single quote inside becomes '\'' . */
export function shQuote(value: string): string {
  if (value.includes('\0') || value.includes('\n')) {
    throw new UnsafeRemoteValueError('A remote command value may not contain NUL or newline characters.');
  }
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function mtStatusCommand(device: string): string {
  return `mt -f ${shQuote(validateTapeDevice(device))} status`;
}
