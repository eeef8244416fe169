/** A terminal's size in character cells. */
export interface TerminalSize {
  cols: number;
  rows: number;
}

/** What CMS's character interface is drawn for: the manual's windows are 80 columns by 24 lines. */
export const CMS_TERMINAL_SIZE: TerminalSize = { cols: 80, rows: 24 };

/** The sizes a technician can choose for the app's terminal (the first is CMS's). */
export const TERMINAL_SIZE_CHOICES: readonly TerminalSize[] = [
  CMS_TERMINAL_SIZE,
  { cols: 100, rows: 30 },
  { cols: 132, rows: 43 },
];
