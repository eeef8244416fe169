/**
 * What the simulator's full-screen CMS interface takes from outside the manual: ONE set of assumptions.
 * The manual prints some windows as text (Back Up Data on pp. 27 and 40, Archiving Status: List all on
 * p. 38) and says which keys do what in words ("press Enter to activate the action list in the upper
 * right corner", "use the spacebar to deselect", "cursor down"); it gives no key codes, no screen
 * positions, no video attributes, and names the other windows without drawing them. Everything here is
 * ours, and nothing outside the simulator may depend on it being right about a real CMS.
 */

/** Where the action list is drawn: "in the upper right corner of the window" (its column is ours). */
export const ACTION_LIST_COLUMN = 61;
export const ACTION_LIST_FIRST_ROW = 2;
/** Status and error lines (the manual's p. 27 screen has them under the title). */
export const STATUS_ROW = 4;
/** A list window says how its listing went on its last-but-one line ("Successful", p. 38). */
export const LIST_STATUS_ROW = 23;

/** The current action, and the choice the cursor is on, are drawn in reverse video. */
export const HIGHLIGHT_ON = '\x1b[7m';
export const HIGHLIGHT_OFF = '\x1b[0m';

/** The function-key bar on the last line, as the manual prints it; the keys are F1…F8 in its order. */
export const FUNCTION_KEY_BAR = 'Help | Window | Commands | Keep | Exit | Scroll | Current | MainMenu';

/** The keys, as a vt100/xterm terminal sends them (function keys as xterm sends F5 and F8). */
export const KEYS = {
  up: '\x1b[A',
  down: '\x1b[B',
  enter: '\r',
  space: ' ',
  tab: '\t',
  /** "Exit" on the function-key bar (F5): closes the window on top. */
  exit: '\x1b[15~',
  /** "MainMenu" on the function-key bar (F8): back to the main menu. */
  mainMenu: '\x1b[19~',
} as const;

/** The same keys in the terminal's application cursor mode, and a newline typed for Enter. */
export const KEY_ALIASES: Record<string, string> = {
  '\x1bOA': KEYS.up,
  '\x1bOB': KEYS.down,
  '\n': KEYS.enter,
};

/** Terminal types the interface draws for (cursor addressing and reverse video as ANSI/vt100 has them). */
export const TERMINAL_TYPES = /^(vt1\d\d|vt220|xterm.*|ansi|screen.*|tmux.*|linux)$/;
/** What it prints instead of starting: without a terminal, and on a terminal type it cannot draw for. */
export const NO_TERMINAL = 'cms: the CMS interface needs a terminal (log in with one, or use ssh -t).\n';
export const UNKNOWN_TERMINAL = (term: string) => `cms: terminal type "${term}" is not supported.\n`;
/** What a second login is told while CMS is in single-user mode and another user holds it. */
export const SINGLE_USER_REFUSAL =
  'cms: CMS is in single-user mode and another user is logged in. Try again later.\n';
/** What switching to single-user mode says while other users are logged in. */
export const OTHERS_LOGGED_IN = (count: number) => `${count} other user(s) logged in: they must log out.`;

/** The main menu's options (the manual names only System Setup and Maintenance among them). */
export const MAIN_MENU_OPTIONS = [
  'Reports',
  'Dictionary',
  'Exceptions',
  'Agent Administration',
  'Call Center Administration',
  'Custom Reports',
  'User Permissions',
  'System Setup',
  'Maintenance',
  'Logout',
] as const;
/** The submenus, in this order ("Cursor down to the Archiving Status option", p. 38: not the first). */
export const MAINTENANCE_OPTIONS = ['Back Up Data', 'Restore Data', 'Archiving Status', 'Error Log'] as const;
export const SYSTEM_SETUP_OPTIONS = ['CMS State', 'Data Collection', 'R3 Migrate Data'] as const;
export const NOT_ON_THIS_SERVER = 'Not available on the training server.';

/**
 * The windows the manual names but does not draw, as drawn here: R3 Migrate Data (data types as check
 * boxes, all clear when the window opens, All ACDs as a radio button), Restore Data (data types as
 * check boxes, all clear), CMS State (a radio group Single User Mode / Multi User Mode and Modify),
 * Data Collection (one row per ACD, "on" or "off", read only here), Error Log (the log's lines).
 */
export const MIGRATE_ACTIONS = ['Cancel', 'List devices', 'Run'] as const;
export const RESTORE_ACTIONS = ['Cancel', 'List devices', 'Run', 'Select tables'] as const;
export const CMS_STATE_ACTIONS = ['Cancel', 'Modify'] as const;
export const ARCHIVING_STATUS_ACTIONS = ['Cancel', 'List all'] as const;

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
