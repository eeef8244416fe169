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
    .split('\n')
    .map(lastVersionOfLine)
    .join('\n')
    .replace(OTHER_CONTROLS, '');
}

/** A line without its trailing carriage returns, from its last carriage return on (linear: no regex to backtrack). */
function lastVersionOfLine(line: string): string {
  let end = line.length;
  while (end > 0 && line[end - 1] === '\r') end--;
  const kept = line.slice(0, end);
  return kept.slice(kept.lastIndexOf('\r') + 1);
}
