import {
  ACTION_LIST_COLUMN,
  ACTION_LIST_FIRST_ROW,
  drawScreen,
  FUNCTION_KEY_BAR,
  headerLine,
  HIGHLIGHT_OFF,
  HIGHLIGHT_ON,
  KEYS,
} from './screenAssumptions.ts';

/** A choice the cursor stops on: a check box, a radio group (the space bar moves its selection), a y/n field. */
export type FormChoice =
  | { kind: 'box'; id: string; label: string }
  | { kind: 'radio'; id: string; options: readonly string[] }
  | { kind: 'yes-no'; id: string; label: string };

/** A row of a window: plain text, or text and a choice after it (indented by the text). */
export type FormRow = string | { before?: string; choice: FormChoice; after?: string };

export type FormValues = Record<string, boolean | string>;

/** A full-screen window with choices and an action list: Back Up Data, R3 Migrate Data, CMS State… */
export interface FormWindow {
  title: string;
  actions: readonly string[];
  /** The line between the title and Status (Back Up Data: "Backups completed today: n"). */
  underTitle?(values: FormValues): string;
  /** The rows under the Status and Errors lines, drawn from the window's values. */
  rows(values: FormValues): FormRow[];
}

export interface FormState {
  values: FormValues;
  /** The choice the cursor is on, or the action list (after Enter). */
  focus: { on: 'choice' | 'actions'; index: number };
  status: string;
  errors: string;
  /** What the last action did in detail, above the function-key bar (at most two rows). */
  notes?: string[];
}

export function openForm(values: FormValues): FormState {
  return { values, focus: { on: 'choice', index: 0 }, status: '', errors: '' };
}

/** Status and Errors end before the action list's column; notes at the screen's width. */
const STATUS_WIDTH = ACTION_LIST_COLUMN - 2;
const NOTES_FIRST_ROW = 22;

/** Where the cursor stops, top to bottom: each check box and y/n field, each option of a radio group. */
export function cursorStops(
  window: FormWindow,
  values: FormValues,
): { choice: FormChoice; option?: string }[] {
  return window
    .rows(values)
    .flatMap((row) => (typeof row === 'string' ? [] : [row.choice]))
    .flatMap((choice): { choice: FormChoice; option?: string }[] =>
      choice.kind === 'radio' ? choice.options.map((option) => ({ choice, option })) : [{ choice }],
    );
}

/** One key on the window: the state after it, and the action chosen when Enter is pressed in the action list. */
export function pressOnForm(
  window: FormWindow,
  state: FormState,
  key: string,
): { state: FormState; chosen: string | null } {
  const { focus } = state;
  const all = cursorStops(window, state.values);
  const moved = (delta: number): FormState => {
    const count = focus.on === 'choice' ? all.length : window.actions.length;
    return { ...state, focus: { ...focus, index: (focus.index + delta + count) % Math.max(count, 1) } };
  };
  if (key === KEYS.down || key === KEYS.tab) return { state: moved(1), chosen: null };
  if (key === KEYS.up) return { state: moved(-1), chosen: null };
  if (focus.on === 'actions') {
    if (key === KEYS.enter) return { state, chosen: window.actions[focus.index]! };
    return { state, chosen: null };
  }
  if (key === KEYS.enter) return { state: { ...state, focus: { on: 'actions', index: 0 } }, chosen: null };
  const stop = all[focus.index];
  if (!stop) return { state, chosen: null };
  const { choice } = stop;
  const values = { ...state.values };
  // The space bar selects the radio option under the cursor, and toggles a check box.
  if (choice.kind === 'radio' && key === KEYS.space) values[choice.id] = stop.option!;
  else if (choice.kind === 'box' && key === KEYS.space) values[choice.id] = !values[choice.id];
  else if (choice.kind === 'yes-no' && (key === 'y' || key === 'n' || key === KEYS.space))
    values[choice.id] = key === KEYS.space ? !values[choice.id] : key === 'y';
  else return { state, chosen: null };
  return { state: { ...state, values }, chosen: null };
}

/** The window drawn for an 80 × 24 terminal: header, title, Status and Errors, rows, action list, key bar. */
export function drawForm(window: FormWindow, state: FormState, now: Date, windowsOpen: number): string {
  const current =
    state.focus.on === 'choice' ? cursorStops(window, state.values)[state.focus.index] : undefined;
  const body = window
    .rows(state.values)
    .map((row) =>
      typeof row === 'string'
        ? row
        : `${row.before ?? ''}${choiceText(row.choice, state.values, current)}${row.after ?? ''}`,
    );
  const rows = [
    headerLine(now, windowsOpen),
    window.title,
    window.underTitle?.(state.values) ?? '',
    `Status: ${state.status}`.slice(0, STATUS_WIDTH),
    `Errors: ${state.errors}`.slice(0, STATUS_WIDTH),
    '',
    ...body,
  ];
  while (rows.length < 23) rows.push('');
  rows.length = 23;
  for (const [index, note] of (state.notes ?? []).slice(0, 2).entries())
    rows[NOTES_FIRST_ROW - 1 + index] = note.slice(0, 80);
  rows.push(FUNCTION_KEY_BAR);
  const actions = window.actions
    .map((action, index) => {
      const current = state.focus.on === 'actions' && state.focus.index === index;
      return `\x1b[${ACTION_LIST_FIRST_ROW + index};${ACTION_LIST_COLUMN}H${current ? HIGHLIGHT_ON : ''}${action}${current ? HIGHLIGHT_OFF : ''}`;
    })
    .join('');
  return `${drawScreen(rows)}${actions}\x1b[24;80H`;
}

/** A choice as drawn, the part under the cursor in reverse video. */
function choiceText(
  choice: FormChoice,
  values: FormValues,
  cursor: { choice: FormChoice; option?: string } | undefined,
): string {
  const lit = (text: string, on: boolean) => (on ? `${HIGHLIGHT_ON}${text}${HIGHLIGHT_OFF}` : text);
  const here = cursor?.choice === choice;
  switch (choice.kind) {
    case 'box':
      return lit(`${values[choice.id] ? '[x]' : '[_]'} ${choice.label}`, here);
    case 'yes-no':
      return `${choice.label}: ${lit(values[choice.id] ? 'y' : 'n', here)}`;
    case 'radio':
      return choice.options
        .map((option) =>
          lit(`${values[choice.id] === option ? '<x>' : '<_>'} ${option}`, here && cursor?.option === option),
        )
        .join('  ');
  }
}
