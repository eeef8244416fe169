import {
  drawScreen,
  FUNCTION_KEY_BAR,
  headerLine,
  HIGHLIGHT_OFF,
  HIGHLIGHT_ON,
  KEYS,
  LIST_STATUS_ROW,
} from './screenAssumptions.ts';

/** A menu window (Main Menu, Maintenance, System Setup): options one per row, the current one highlighted. */
export interface MenuState {
  title: string;
  options: readonly string[];
  index: number;
  status: string;
}

export function openMenu(title: string, options: readonly string[]): MenuState {
  return { title, options, index: 0, status: '' };
}

/** One key on a menu: the state after it, and the option chosen by Enter. */
export function pressOnMenu(menu: MenuState, key: string): { menu: MenuState; chosen: string | null } {
  const count = menu.options.length;
  if (key === KEYS.down || key === KEYS.tab)
    return { menu: { ...menu, index: (menu.index + 1) % count, status: '' }, chosen: null };
  if (key === KEYS.up)
    return { menu: { ...menu, index: (menu.index - 1 + count) % count, status: '' }, chosen: null };
  if (key === KEYS.enter) return { menu, chosen: menu.options[menu.index]! };
  return { menu, chosen: null };
}

export function drawMenu(menu: MenuState, now: Date, windowsOpen: number): string {
  return drawListing(
    menu.title,
    menu.options.map((option, index) =>
      index === menu.index ? `  ${HIGHLIGHT_ON}${option}${HIGHLIGHT_OFF}` : `  ${option}`,
    ),
    menu.status,
    now,
    windowsOpen,
  );
}

/** A window of text (a menu, a list): header, title, rows, a status line near the bottom, the key bar. */
export function drawListing(
  title: string,
  lines: readonly string[],
  status: string,
  now: Date,
  windowsOpen: number,
): string {
  const rows = [headerLine(now, windowsOpen), title, '', ...lines.slice(0, LIST_STATUS_ROW - 4)];
  while (rows.length < LIST_STATUS_ROW - 1) rows.push('');
  rows.push(status, FUNCTION_KEY_BAR);
  return `${drawScreen(rows)}\x1b[24;80H`;
}
