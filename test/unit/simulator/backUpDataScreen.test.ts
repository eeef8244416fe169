import { describe, expect, it } from 'vitest';
import {
  BACK_UP_DATA,
  backUpDataSelections,
  openBackUpData,
} from '../../../electron/simulator/screens/backUpDataScreen.ts';
import { drawForm, pressOnForm, type FormState } from '../../../electron/simulator/screens/formWindow.ts';
import { KEYS } from '../../../electron/simulator/screens/screenAssumptions.ts';
import { TerminalScreen } from '../../../electron/ssh/terminalScreen.ts';
import { readBackUpDataSelections } from '../../../shared/parsers/backUpDataWindow.ts';
import { parseCmsWindow } from '../../../shared/parsers/cmsWindow.ts';
import {
  FULL_MAINTENANCE_BACKUP,
  INCREMENTAL_MAINTENANCE_BACKUP,
} from '../../../shared/procedure/maintenanceSelections.ts';

const NOW = new Date('1999-12-23T10:07:00Z');

/** The simulator's window drawn into the core's mirror and read back as the watch reads it. */
async function readBack(screen: FormState) {
  const terminal = new TerminalScreen();
  terminal.write(drawForm(BACK_UP_DATA, screen, NOW, 1));
  const text = await terminal.read();
  terminal.dispose();
  const window = parseCmsWindow(text);
  if (window.kind !== 'recognised') throw new Error(window.reason);
  return { text, window, read: readBackUpDataSelections(window) };
}

function press(screen: FormState, ...keys: string[]) {
  let chosen: string | null = null;
  for (const key of keys) ({ state: screen, chosen } = pressOnForm(BACK_UP_DATA, screen, key));
  return { screen, chosen };
}

describe("the simulator's full-screen Back Up Data window", () => {
  it("opens as the manual's p. 27 screen: its defaults, its header, its action list at the top right", async () => {
    const { text, window, read } = await readBack(openBackUpData(0));
    expect(text.rows[0]).toBe(
      '12/23/99 10:07                               Ex: 1           Windows: 1 of 10',
    );
    expect(window.title).toBe('Maintenance: Backup Data');
    expect(window.actions).toEqual(['Cancel', 'List devices', 'Run', 'Select tables']);
    expect(window.currentAction).toBeNull();
    expect(read).toEqual({ kind: 'recognised', selections: FULL_MAINTENANCE_BACKUP });
  });

  it("is set to step 5's incremental backup with the cursor and the space bar, and Run is chosen from the action list", async () => {
    // Down to each choice to change, the space bar on it: local and CMS system administration off,
    // historical incremental (the manual's p. 40 example).
    // Cursor stops: verify, All ACDs, Current ACD, the three admin boxes, historical, Full, Incremental…
    let { screen } = press(
      openBackUpData(1),
      KEYS.down,
      KEYS.down,
      KEYS.down,
      KEYS.space,
      KEYS.down,
      KEYS.space,
    );
    ({ screen } = press(screen, KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.space));
    expect(backUpDataSelections(screen.values)).toEqual(INCREMENTAL_MAINTENANCE_BACKUP);
    expect((await readBack(screen)).read).toEqual({
      kind: 'recognised',
      selections: INCREMENTAL_MAINTENANCE_BACKUP,
    });

    // Enter: the action list; down twice: Run, drawn highlighted; Enter chooses it.
    ({ screen } = press(screen, KEYS.enter, KEYS.down, KEYS.down));
    const atRun = await readBack(screen);
    expect(atRun.window.currentAction).toBe('Run');
    expect(atRun.read).toEqual({ kind: 'recognised', selections: INCREMENTAL_MAINTENANCE_BACKUP });
    expect(press(screen, KEYS.enter).chosen).toBe('Run');
  });
});
