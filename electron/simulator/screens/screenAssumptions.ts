/**
 * What the simulator's full-screen CMS windows take from outside the manual: ONE set of assumptions.
 * The manual prints the windows as text (pp. 27, 40) and says which keys do what in words ("press Enter
 * to activate the action list in the upper right corner", "use the spacebar to deselect", "cursor
 * down"); it gives no key codes, no screen positions and no video attributes. Everything here is ours.
 */

/** Where the action list is drawn: "in the upper right corner of the window" (its column is ours). */
export const ACTION_LIST_COLUMN = 61;
export const ACTION_LIST_FIRST_ROW = 2;

/** The current action, and the field the cursor is on, are drawn in reverse video. */
export const HIGHLIGHT_ON = '\x1b[7m';
export const HIGHLIGHT_OFF = '\x1b[0m';

/** The function-key bar on the last line, as the manual prints it. */
export const FUNCTION_KEY_BAR = 'Help | Window | Commands | Keep | Exit | Scroll | Current | MainMenu';

/** The keys, as a vt100 terminal sends them. */
export const KEYS = {
  up: '\x1b[A',
  down: '\x1b[B',
  enter: '\r',
  space: ' ',
  tab: '\t',
  /** Leaves the window (the manual's "Exit" function key; its code is ours). */
  exit: '\x1b[21~',
} as const;

/** The header line: date, time, `Ex:` and `Windows: n of m`, as on the manual's p. 27 screen. */
export function headerLine(now: Date, windows: number): string {
  const date = `${String(now.getUTCMonth() + 1).padStart(2, '0')}/${String(now.getUTCDate()).padStart(2, '0')}/${String(now.getUTCFullYear() % 100).padStart(2, '0')}`;
  const time = `${String(now.getUTCHours()).padStart(2, '0')}:${String(now.getUTCMinutes()).padStart(2, '0')}`;
  return `${date} ${time}`.padEnd(45) + `Ex: 1`.padEnd(16) + `Windows: ${windows} of 10`;
}

/** Clears the screen and draws `rows` from the top, one per line, by cursor addressing. */
export function drawScreen(rows: readonly string[]): string {
  return `\x1b[H\x1b[2J${rows.map((row, index) => `\x1b[${index + 1};1H${row}`).join('')}`;
}
