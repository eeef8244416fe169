/* eslint-disable no-control-regex -- this module exists to remove control sequences */
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;
const OTHER_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * A console transcript as text a person can read in a page or a report: terminal escape sequences and
 * control characters dropped, carriage-return line ends made plain. What the terminal drew over (a
 * progress line rewritten with `\r`) keeps only its last version.
 */
export function plainTranscript(raw: string): string {
  return raw
    .replace(ESCAPE_SEQUENCE, '')
    .replace(/\r+\n/g, '\n')
    .split('\n')
    .map((line) => line.slice(line.lastIndexOf('\r') + 1))
    .join('\n')
    .replace(OTHER_CONTROLS, '');
}
