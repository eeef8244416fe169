import { unrecognised, type Unrecognised } from './parseResult.ts';

/** A terminal screen as text: what a headless terminal emulator shows (electron/ssh/terminalScreen.ts). */
export interface ScreenText {
  rows: string[];
  /** Runs drawn in reverse video. */
  highlighted: { row: number; from: number; to: number; text: string }[];
  cursor: { row: number; col: number };
}

/**
 * A window of CMS's character interface, as the manual draws them (Avaya CMS HA upgrade manual, the
 * "Back Up Data" windows on pp. 27 and 40: a header line with date, time, `Ex:` and `Windows: n of m`;
 * the title "Maintenance: Backup Data"; `Status:` and `Errors:` lines; fields `Label: value` whose empty
 * part is underscores; check boxes `[x]`/`[_]`/`[ ]`; radio buttons `<x>`/`<_>`; the action list
 * (Cancel, List devices, Run, Select tables); the function-key bar `Help | Window | … | MainMenu`).
 *
 * ASSUMPTIONS (not in the manual, which prints the windows as text): where on the 80 × 24 screen each
 * part is (the action list "in the upper right corner" may share rows with the options, so actions are
 * recognised by their words at the end of a row), and that the action the cursor is on is drawn in
 * reverse video. A screen that does not fit is not read: it goes to the technician as it is.
 */
export interface CmsWindow {
  kind: 'recognised';
  title: string;
  status: string;
  errors: string;
  /** `Label: value` input fields, the value without the field's underscores ('' when empty). */
  fields: Record<string, string>;
  checkBoxes: { label: string; checked: boolean }[];
  /** Radio groups: their "Select one" line, the check box they belong to (if any), their options. */
  radioGroups: { label: string; under: string | null; options: { label: string; selected: boolean }[] }[];
  actions: string[];
  /** The action drawn highlighted, if one is. */
  currentAction: string | null;
}

/**
 * The keys the app sends to drive the interface when it reads a window itself. Cursor keys and Enter
 * are what a vt100 terminal sends (the manual: "cursor down", "press Enter"). ASSUMPTION: the
 * function-key bar's keys are F1…F8 in its order, as xterm sends them (MainMenu is F8); the app uses
 * MainMenu only to leave, and hangs up when it does not bring the Main Menu back.
 */
export const CMS_INTERFACE_KEYS = {
  up: '\x1b[A',
  down: '\x1b[B',
  enter: '\r',
  mainMenu: '\x1b[19~',
} as const;

const HEADER = /^\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s+\d{1,2}:\d{2}\s+Ex:\s*\d+\s+Windows:\s*\d+\s+of\s+\d+/;
const TITLE = /^\s*((?:Maintenance|System Setup|Main Menu)(?::\s*[A-Za-z0-9 ]+?)*)\s*(?:\s{2,}.*)?$/;
const FUNCTION_KEYS = /Help\s*\|\s*Window\s*\|\s*Commands\s*\|\s*Keep\s*\|\s*Exit/;
/** The action-list words the manual shows for the windows the procedure uses. */
const ACTION_WORDS = [
  'Cancel',
  'List devices',
  'Run',
  'Select tables',
  'List all',
  'Modify',
  'Add',
  'Find one',
];
const CHECK_BOX = /\[(x|X|_| )\]\s+([^[<]+?)\s*(?=\s{2,}|$)/g;
const RADIO = /<(x|X|_| )>\s+([^<]+?)\s*(?=\s{2,}|<|$)/g;

export function parseCmsWindow(screen: ScreenText): CmsWindow | Unrecognised {
  const raw = screen.rows.join('\n');
  const headerRow = screen.rows.findIndex((row) => HEADER.test(row));
  // Action words at the end of a row (the list in the upper right corner, which may share rows with
  // the title and the status lines) or alone on it.
  const actions: string[] = [];
  const rows = screen.rows.map((fullRow, index) => {
    const row = fullRow.trimEnd();
    if (index <= headerRow || FUNCTION_KEYS.test(row)) return row;
    for (const word of ACTION_WORDS) {
      const at = row.search(new RegExp(`(^|\\s{2,})${word.replace(' ', '\\s')}$`));
      if (at < 0) continue;
      actions.push(word);
      return row.slice(0, at).trimEnd();
    }
    return row;
  });
  const titleRow = rows.findIndex((row, index) => index > headerRow && TITLE.test(row));
  if (titleRow < 0)
    return unrecognised(raw, 'no CMS window title (Maintenance: … or System Setup: …) on the screen');
  if (!screen.rows.some((row) => FUNCTION_KEYS.test(row)))
    return unrecognised(raw, 'no function-key bar (Help | Window | Commands | Keep | Exit …) on the screen');
  const title = TITLE.exec(rows[titleRow]!)![1]!.trim();
  const line = (label: string) =>
    rows
      .map((row) => new RegExp(`^\\s*${label}:\\s?(.*)$`).exec(row)?.[1]?.trim())
      .find((v) => v !== undefined) ?? '';

  const fields: Record<string, string> = {};
  const checkBoxes: CmsWindow['checkBoxes'] = [];
  const radioGroups: CmsWindow['radioGroups'] = [];
  let groupLabel: string | null = null;
  for (const [index, row] of rows.entries()) {
    if (index <= titleRow || FUNCTION_KEYS.test(row) || !row.trim()) continue;
    const boxes = [...row.matchAll(CHECK_BOX)];
    for (const box of boxes)
      checkBoxes.push({ label: box[2]!.trim().replace(/,$/, ''), checked: /x/i.test(box[1]!) });
    const radios = [...row.matchAll(RADIO)];
    if (radios.length > 0) {
      radioGroups.push({
        label: groupLabel ?? '',
        under: /^\s+/.test(row) ? (checkBoxes.at(-1)?.label ?? null) : null,
        options: radios.map((radio) => ({ label: radio[2]!.trim(), selected: /x/i.test(radio[1]!) })),
      });
      groupLabel = null;
      continue;
    }
    if (/Select one/i.test(row)) {
      groupLabel = row.trim();
      continue;
    }
    if (boxes.length > 0) continue;
    const field = /^\s*([^:[<]+?(?:\([^)]*\))?):\s*([^\s_][^_]*?)?_*\s*$/.exec(row);
    if (field && !/^(Status|Errors)$/.test(field[1]!.trim()))
      fields[field[1]!.trim()] = (field[2] ?? '').trim();
  }
  const currentAction =
    screen.highlighted.map((run) => run.text.trim()).find((text) => actions.includes(text)) ?? null;
  return {
    kind: 'recognised',
    title,
    status: line('Status'),
    errors: line('Errors'),
    fields,
    checkBoxes,
    radioGroups,
    actions,
    currentAction,
  };
}
