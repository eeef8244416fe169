import { CMS_INTERFACE_KEYS, parseCmsWindow, type ScreenText } from '../../shared/parsers/cmsWindow.ts';
import { CMS_TERMINAL_SIZE } from '../../shared/procedure/terminalSize.ts';
import type { RemoteHost } from '../ssh/remoteHost.ts';
import type { PtyEnd } from '../ssh/sshConnection.ts';
import { TerminalScreen } from '../ssh/terminalScreen.ts';

/** One move through the interface, by the words on the screen: an option of a menu, or an action of a window. */
export type CmsMove = { menu: RegExp; option: string } | { window: RegExp; action: ReadOnlyAction };

/** The only actions the reader ever chooses: they list, they change nothing. */
export type ReadOnlyAction = 'List all';

export type CmsScreenReading =
  | { kind: 'read'; screen: ScreenText; text: string }
  /** The interface did not show what the move needed: the screen as it was, for the technician. */
  | { kind: 'not-reached'; text: string; reason: string }
  /** The connection went while reading. */
  | { kind: 'interrupted'; reason: string };

export interface CmsScreenReaderOptions {
  /** Every byte the interface printed (the step's transcript). */
  onOutput(text: string): void;
  /** How long to wait for each window to be drawn and settle. */
  timeoutMs?: number;
  /**
   * A screen that has been drawn and then stayed quiet this long without showing what is looked for is
   * not going to: it goes to the technician then (an interface drawn otherwise than the reader knows).
   */
  giveUpWhenQuietMs?: number;
  /** Quiet this long after drawing: the window is complete. */
  settleMs?: number;
}

/** The cursor keys from one row (or list position) to another. */
const cursorMoves = (from: number, to: number) =>
  (to > from ? CMS_INTERFACE_KEYS.down : CMS_INTERFACE_KEYS.up).repeat(Math.abs(to - from));

const text = (screen: ScreenText) => screen.rows.map((row) => row.trimEnd()).join('\n');

/**
 * Reads a read-only CMS window by driving the CMS interface on a terminal as a technician would: `cms`
 * on an 80 × 24 terminal, each menu option and action found by its words on the rendered screen (never
 * a guessed number), moved to with the cursor keys, chosen with Enter; the window named `target`
 * is read once it has settled. Then back to the Main Menu and Logout by its words, or a hang-up.
 */
export async function readCmsScreen(
  host: RemoteHost,
  moves: readonly CmsMove[],
  target: RegExp,
  options: CmsScreenReaderOptions,
): Promise<CmsScreenReading> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const settleMs = options.settleMs ?? 300;
  const giveUpWhenQuietMs = options.giveUpWhenQuietMs ?? 8_000;
  let printed = false;
  const screen = new TerminalScreen(CMS_TERMINAL_SIZE);
  const pty = await host.openPty('cms', CMS_TERMINAL_SIZE);
  let ended: PtyEnd | null = null;
  pty.ended.then((end) => (ended = end)).catch(() => undefined);
  pty.onData((data) => {
    printed = true;
    options.onOutput(data);
    screen.write(data);
  });

  /** The settled screen once `ready` holds for it; null if it never does in time (or the program ends). */
  const settled = async (ready: (shown: ScreenText) => boolean): Promise<ScreenText | null> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const shown = await screen.read();
      if (screen.quietForMs >= settleMs && ready(shown)) return shown;
      if (ended || Date.now() > deadline || (printed && screen.quietForMs >= giveUpWhenQuietMs)) return null;
      await new Promise((resolve) => setTimeout(resolve, Math.min(settleMs, 100)));
    }
  };
  const titled = (title: RegExp) => (shown: ScreenText) => {
    const window = parseCmsWindow(shown);
    return window.kind === 'recognised' && title.test(window.title);
  };
  const notReached = async (reason: string): Promise<CmsScreenReading> => {
    const end = ended as PtyEnd | null;
    if (end?.kind === 'interrupted') return { kind: 'interrupted', reason: end.reason };
    return { kind: 'not-reached', text: text(await screen.read()), reason };
  };

  try {
    for (const move of moves) {
      if ('menu' in move) {
        const menu = await settled(titled(move.menu));
        if (!menu) return await notReached(`no menu titled ${move.menu.source} came up`);
        const row = menu.rows.findIndex((shown) => shown.trim().toLowerCase() === move.option.toLowerCase());
        const current = menu.highlighted.find((run) => run.text.trim().length > 0);
        if (row < 0 || !current)
          return await notReached(`the menu shows no option "${move.option}" with a cursor on it`);
        pty.write(cursorMoves(current.row, row));
        const onOption = await settled((shown) =>
          shown.highlighted.some(
            (run) => run.row === row && run.text.trim().toLowerCase() === move.option.toLowerCase(),
          ),
        );
        if (!onOption) return await notReached(`the cursor did not reach "${move.option}"`);
        pty.write(CMS_INTERFACE_KEYS.enter);
      } else {
        const form = await settled(titled(move.window));
        if (!form) return await notReached(`no window titled ${move.window.source} came up`);
        pty.write(CMS_INTERFACE_KEYS.enter);
        const inList = await settled((shown) => {
          const window = parseCmsWindow(shown);
          return window.kind === 'recognised' && window.currentAction !== null;
        });
        const window = inList && parseCmsWindow(inList);
        if (!window || window.kind !== 'recognised' || !window.actions.includes(move.action))
          return await notReached(`the action list shows no "${move.action}"`);
        pty.write(
          cursorMoves(window.actions.indexOf(window.currentAction!), window.actions.indexOf(move.action)),
        );
        const onAction = await settled((shown) => {
          const now = parseCmsWindow(shown);
          return now.kind === 'recognised' && now.currentAction === move.action;
        });
        if (!onAction) return await notReached(`the cursor did not reach "${move.action}"`);
        pty.write(CMS_INTERFACE_KEYS.enter);
      }
    }
    const shown = await settled(titled(target));
    if (!shown) return await notReached(`no window titled ${target.source} came up`);
    if (ended) return await notReached('the CMS interface ended');
    await logOut();
    return { kind: 'read', screen: shown, text: text(shown) };
  } finally {
    if (!ended) pty.close();
    await pty.ended;
    screen.dispose();
  }

  /** MainMenu, then Logout by its words; if the Main Menu does not come back, the caller hangs up. */
  async function logOut(): Promise<void> {
    pty.write(CMS_INTERFACE_KEYS.mainMenu);
    const main = await settled(titled(/^Main Menu$/i));
    if (!main) return;
    const row = main.rows.findIndex((shown) => shown.trim() === 'Logout');
    const current = main.highlighted.find((run) => run.text.trim().length > 0);
    if (row < 0 || !current) return;
    pty.write(cursorMoves(current.row, row));
    if (!(await settled((shown) => shown.highlighted.some((run) => run.row === row)))) return;
    pty.write(CMS_INTERFACE_KEYS.enter);
    await Promise.race([pty.ended, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
  }
}
