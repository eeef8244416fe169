import { randomUUID } from 'node:crypto';
import { archiveStatus } from '../archiveSchedule.ts';
import { backupsToday, runBackup, runMigration, runRestore, type ActOutcome } from '../cmsActs.ts';
import type { Program, ProgramContext } from '../program.ts';
import { BACK_UP_DATA, backUpDataSelections, openBackUpData } from '../screens/backUpDataScreen.ts';
import { drawForm, pressOnForm, type FormState, type FormWindow } from '../screens/formWindow.ts';
import { drawListing, drawMenu, openMenu, pressOnMenu, type MenuState } from '../screens/menuWindow.ts';
import { UNFAMILIAR_KEY_BAR } from '../unfamiliarOutputs.ts';
import {
  FUNCTION_KEY_BAR,
  KEY_ALIASES,
  KEYS,
  MAIN_MENU_OPTIONS,
  MAINTENANCE_OPTIONS,
  NO_TERMINAL,
  NOT_ON_THIS_SERVER,
  OTHERS_LOGGED_IN,
  SINGLE_USER_REFUSAL,
  SYSTEM_SETUP_OPTIONS,
  TERMINAL_TYPES,
  UNKNOWN_TERMINAL,
} from '../screens/screenAssumptions.ts';
import {
  ARCHIVING_STATUS,
  CMS_STATE,
  migrationTypes,
  openArchivingStatus,
  openCmsState,
  openR3MigrateData,
  openRestoreData,
  R3_MIGRATE_DATA,
  RESTORE_DATA,
  restoreWanted,
} from '../screens/setupWindows.ts';
import type { SimHost } from '../simState.ts';

type OpenWindow =
  | { kind: 'menu'; menu: MenuState }
  | { kind: 'form'; window: FormWindow; state: FormState }
  | { kind: 'list'; title: string; lines: string[]; status: string };

/**
 * `cms`: the CMS character interface as a full-screen program, drawn from the manual's windows (the
 * parts the manual does not show are in screens/screenAssumptions.ts). It needs a terminal, admits one
 * user while CMS is in single-user mode, and does what Run and Modify do through cmsActs.ts.
 */
export const cmsInterface: Program = async (context) => {
  const { io } = context;
  if (!context.terminalSize()) {
    io.writeError(NO_TERMINAL);
    return 1;
  }
  const term = context.terminalType?.() ?? null;
  if (term !== null && !TERMINAL_TYPES.test(term)) {
    io.writeError(UNKNOWN_TERMINAL(term));
    return 1;
  }
  const login = { id: randomUUID(), pid: process.pid };
  const admitted = await context.store.update((state) => {
    const host = state.hosts[context.host];
    const others = liveLogins(host);
    if (host.cmsState === 'single-user' && others.length > 0) return false;
    host.cmsLogins = [...others, login];
    return true;
  });
  if (!admitted) {
    io.writeError(SINGLE_USER_REFUSAL);
    return 1;
  }
  io.setRaw(true);
  try {
    await new CmsSession(context, login.id).run();
  } finally {
    // Logged out first: after a hang-up the terminal may be gone.
    await context.store.update((state) => {
      const host = state.hosts[context.host];
      host.cmsLogins = liveLogins(host).filter((other) => other.id !== login.id);
    });
    io.write('\x1b[0m\x1b[H\x1b[2J');
    io.setRaw(false);
  }
  return 0;
};

/** Logins whose process still runs (a simulated command killed with its connection leaves none behind). */
function liveLogins(host: SimHost): { id: string; pid: number }[] {
  return (host.cmsLogins ?? []).filter(({ pid }) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
}

const mainMenu = (): OpenWindow => ({ kind: 'menu', menu: openMenu('Main Menu', MAIN_MENU_OPTIONS) });

class CmsSession {
  private readonly stack: OpenWindow[] = [mainMenu()];

  constructor(
    private readonly context: ProgramContext,
    private readonly loginId: string,
  ) {}

  /** The unfamiliar variant prints what the app has never seen: here, another key bar. */
  private unfamiliar = false;

  async run(): Promise<void> {
    this.unfamiliar = (await this.context.store.read()).outputs === 'unfamiliar';
    for (;;) {
      this.draw();
      const typed = await this.context.io.readKey();
      if (typed === null) return;
      const key = KEY_ALIASES[typed] ?? typed;
      // MainMenu closes every window and shows the Main Menu as it opens, the cursor on its first option.
      if (key === KEYS.mainMenu) this.stack.splice(0, this.stack.length, mainMenu());
      else if (key === KEYS.exit) {
        this.stack.pop();
        if (this.stack.length === 0) return;
      } else if (!(await this.press(key))) return;
    }
  }

  private draw(): void {
    const top = this.stack.at(-1)!;
    const now = this.context.now();
    const depth = this.stack.length;
    const drawn =
      top.kind === 'menu'
        ? drawMenu(top.menu, now, depth)
        : top.kind === 'form'
          ? drawForm(top.window, top.state, now, depth)
          : drawListing(top.title, top.lines, top.status, now, depth);
    this.context.io.write(this.unfamiliar ? drawn.replace(FUNCTION_KEY_BAR, UNFAMILIAR_KEY_BAR) : drawn);
  }

  /** One key on the window on top; false when the user logs out. */
  private async press(key: string): Promise<boolean> {
    const top = this.stack.at(-1)!;
    if (top.kind === 'list') return true;
    if (top.kind === 'menu') {
      const { menu, chosen } = pressOnMenu(top.menu, key);
      top.menu = menu;
      if (chosen === 'Logout') return false;
      if (chosen) await this.openFromMenu(top, chosen);
      return true;
    }
    const { state, chosen } = pressOnForm(top.window, top.state, key);
    top.state = state;
    if (chosen === 'Cancel') this.stack.pop();
    else if (chosen) await this.act(top, chosen);
    return true;
  }

  private async openFromMenu(top: { menu: MenuState }, chosen: string): Promise<void> {
    const host = (await this.context.store.read()).hosts[this.context.host];
    const push = (window: OpenWindow) => this.stack.push(window);
    const form = (window: FormWindow, state: FormState) => void push({ kind: 'form', window, state });
    switch (chosen) {
      case 'Maintenance':
        return void push({ kind: 'menu', menu: openMenu('Maintenance', MAINTENANCE_OPTIONS) });
      case 'System Setup':
        return void push({ kind: 'menu', menu: openMenu('System Setup', SYSTEM_SETUP_OPTIONS) });
      case 'Back Up Data':
        return form(BACK_UP_DATA, openBackUpData(await backupsToday(this.context)));
      case 'Restore Data':
        return form(RESTORE_DATA, openRestoreData());
      case 'Archiving Status':
        return form(ARCHIVING_STATUS, openArchivingStatus());
      case 'R3 Migrate Data':
        return form(R3_MIGRATE_DATA, openR3MigrateData());
      case 'CMS State':
        return form(CMS_STATE, openCmsState(host.cmsState));
      case 'Error Log': {
        const log = (host.files['/cms/maint/backup/err_log'] ?? '').split('\n').filter(Boolean);
        return void push({
          kind: 'list',
          title: 'Maintenance: Error Log',
          lines: log.slice(-18),
          status: log.length ? 'Successful' : 'No entries',
        });
      }
      case 'Data Collection':
        return void push({
          kind: 'list',
          title: 'System Setup: Data Collection',
          lines: [
            'ACD       Data collection',
            ...host.acds.map((acd) => `${acd.name.padEnd(10)}${acd.dataCollection ? 'on' : 'off'}`),
          ],
          status: 'Successful',
        });
      default:
        top.menu = { ...top.menu, status: NOT_ON_THIS_SERVER };
    }
  }

  private async act(top: { window: FormWindow; state: FormState }, action: string): Promise<void> {
    const { values } = top.state;
    const show = (outcome: ActOutcome) => (top.state = { ...top.state, ...outcome });
    if (action === 'List devices') return void show({ status: 'Devices: default', errors: '', notes: [] });
    if (action === 'Select tables') return void show({ status: '', errors: NOT_ON_THIS_SERVER });
    if (top.window === ARCHIVING_STATUS && action === 'List all') {
      const host = (await this.context.store.read()).hosts[this.context.host];
      const rows = archiveStatus(host, this.context.now()).filter((row) => values[row.type] === true);
      return void this.stack.push({
        kind: 'list',
        title: 'Maintenance: Archiving Status: List All',
        lines: [
          'ACD       Arch. type  Status     Date       Time        Next Scheduled',
          ...rows.map(
            (row) =>
              `${row.acd.padEnd(10)}${row.type.padEnd(12)}${row.status.padEnd(11)}${row.date.padEnd(11)}${row.time.padEnd(12)}${row.next}`,
          ),
        ],
        status: rows.length ? 'Successful' : 'No archives of the types chosen',
      });
    }
    if (top.window === CMS_STATE && action === 'Modify') {
      const outcome = await this.setState(String(values.state));
      show(outcome);
      if (!outcome.errors) top.state = { ...top.state, values: { ...values, current: values.state! } };
      return;
    }
    if (action !== 'Run') return;
    const started =
      top.window === BACK_UP_DATA
        ? 'Backup started.'
        : top.window === RESTORE_DATA
          ? 'Restore started.'
          : 'Migration started.';
    show({ status: started, errors: '', notes: [] });
    this.draw();
    if (top.window === BACK_UP_DATA) show(await runBackup(this.context, backUpDataSelections(values)));
    else if (top.window === RESTORE_DATA) show(await runRestore(this.context, restoreWanted(values)));
    else if (top.window === R3_MIGRATE_DATA) show(await runMigration(this.context, migrationTypes(values)));
  }

  private async setState(chosen: string): Promise<ActOutcome> {
    const mode = chosen === 'Single User Mode' ? 'single-user' : 'multi-user';
    const others = await this.context.store.update((state) => {
      const host = state.hosts[this.context.host];
      const count = liveLogins(host).filter((login) => login.id !== this.loginId).length;
      if (mode === 'single-user' && count > 0) return count;
      host.cmsState = mode;
      return 0;
    });
    if (others > 0) return { status: '', errors: OTHERS_LOGGED_IN(others) };
    return { status: `CMS is now in ${chosen.toLowerCase()}.`, errors: '' };
  }
}
