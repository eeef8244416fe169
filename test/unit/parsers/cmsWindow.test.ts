import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TerminalScreen } from '../../../electron/ssh/terminalScreen.ts';
import { drawnRows, MANUAL_P27, MANUAL_P40 } from '../../support/manualWindows.ts';
import { backUpDataDifferences, readBackUpDataSelections } from '../../../shared/parsers/backUpDataWindow.ts';
import { parseCmsWindow, type CmsWindow } from '../../../shared/parsers/cmsWindow.ts';
import { checkWindow } from '../../../shared/procedure/windowCheck.ts';
import {
  ADMIN_ONLY_MAINTENANCE_BACKUP,
  FULL_MAINTENANCE_BACKUP,
  INCREMENTAL_MAINTENANCE_BACKUP,
} from '../../../shared/procedure/maintenanceSelections.ts';

function selectionsOf(read: ReturnType<typeof readBackUpDataSelections>) {
  if (read.kind !== 'recognised') throw new Error(read.reason);
  return read.selections;
}

/** Draws rows as a full-screen program does (clear, then each row addressed) into the core's mirror. */
async function onScreen(rows: readonly string[], extra = ''): Promise<CmsWindow> {
  const screen = new TerminalScreen();
  screen.write('\x1b[H\x1b[2J');
  screen.write(drawnRows(rows));
  screen.write(extra);
  const window = parseCmsWindow(await screen.read());
  screen.dispose();
  if (window.kind !== 'recognised') throw new Error(window.reason);
  return window;
}

describe("CMS windows read from the terminal's screen", () => {
  it("reads the manual's full-backup window (p. 27): the defaults, everything selected, historical full", async () => {
    // 24 rows: the function-key bar is the last; the last action ("Select tables") shares no row.
    const window = await onScreen([
      ...MANUAL_P27.slice(0, 23),
      'Help | Window | Commands | Keep | Exit | Scroll | Current | MainMenu',
    ]);
    expect(window).toMatchObject({
      title: 'Maintenance: Backup Data',
      status: '',
      errors: '',
      fields: { 'Device name': 'default', 'Verify tape can be read after backup? (y,n)': 'y' },
      actions: ['Cancel', 'List devices'],
    });
    expect(readBackUpDataSelections(window)).toEqual({
      kind: 'recognised',
      selections: FULL_MAINTENANCE_BACKUP,
    });
    expect(
      backUpDataDifferences(selectionsOf(readBackUpDataSelections(window)), FULL_MAINTENANCE_BACKUP),
    ).toEqual([]);
  });

  it("reads the manual's incremental example (p. 40) and says how it differs from another step's selections", async () => {
    const window = await onScreen(MANUAL_P40);
    expect(window.status).toBe('Last backup finished 01/10/2000 11:56:02.');
    const seen = readBackUpDataSelections(window);
    expect(seen).toEqual({ kind: 'recognised', selections: INCREMENTAL_MAINTENANCE_BACKUP });
    expect(backUpDataDifferences(selectionsOf(seen), ADMIN_ONLY_MAINTENANCE_BACKUP)).toEqual([
      'CMS system administration data is not selected: this backup must include it.',
      'Historical data is selected (incremental): this backup must exclude it.',
    ]);
    expect(backUpDataDifferences(selectionsOf(seen), FULL_MAINTENANCE_BACKUP)).toEqual([
      'Local system administration data is not selected: this backup must include it.',
      'CMS system administration data is not selected: this backup must include it.',
      'Historical data is incremental: this backup needs full.',
    ]);
  });

  it('finds the action list in the upper right corner and the action the cursor is on (reverse video)', async () => {
    const rows = [...MANUAL_P40];
    // ASSUMPTION (cmsWindow.ts): the actions at the end of the first rows, the current one highlighted.
    rows[1] = `${rows[1]!.padEnd(60)}Cancel`;
    rows[2] = `${rows[2]!.padEnd(60)}List devices`;
    rows[4] = `${rows[4]!.padEnd(60)}Select tables`;
    const window = await onScreen(rows, '\x1b[4;61H\x1b[7mRun\x1b[0m');
    expect(window.actions).toEqual(['Cancel', 'List devices', 'Run', 'Select tables']);
    expect(window.currentAction).toBe('Run');
    expect(window.status).toBe('Last backup finished 01/10/2000 11:56:02.');
    expect(readBackUpDataSelections(window)).toEqual({
      kind: 'recognised',
      selections: INCREMENTAL_MAINTENANCE_BACKUP,
    });
  });

  it('leaves a screen it cannot read to the technician, with the reason', async () => {
    const screen = new TerminalScreen();
    screen.write('cms-orig# cmsadm\r\nSelect a command from the list below.\r\n');
    const read = parseCmsWindow(await screen.read());
    expect(read).toMatchObject({
      kind: 'unrecognised',
      reason: expect.stringMatching(/no CMS window title/),
    });
    const partial = await onScreen(MANUAL_P40.filter((row) => !row.includes('Specific tables')));
    expect(readBackUpDataSelections(partial)).toMatchObject({
      kind: 'unrecognised',
      reason: 'no check box for Specific tables',
    });
  });

  it('keeps one screen, whatever the server prints', async () => {
    const screen = new TerminalScreen();
    for (let i = 0; i < 5000; i++) screen.write(`line ${i}\r\n`);
    const read = await screen.read();
    expect(read.rows).toHaveLength(24);
    expect(read.rows[22]).toBe('line 4999');
  });
});

describe('the CMS window reader on anything', () => {
  it('never throws, and reads a Back Up Data window only when every part of it is there', () => {
    const row = fc.oneof(
      fc.constantFrom(...MANUAL_P40),
      fc.string({ maxLength: 80 }),
      fc.constantFrom('[x] Historical data,', '<x> Full <x> Incremental', 'Run', 'Status: x'),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const window = parseCmsWindow({ rows, highlighted: [], cursor: { row: 0, col: 0 } });
        if (window.kind !== 'recognised') return;
        if (readBackUpDataSelections(window).kind === 'unrecognised') return;
        for (const label of ['Local system administration data', 'Non-CMS data', 'Specific tables'])
          expect(rows.some((r) => r.includes(label))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('follows each check box of the manual screen: one box flipped changes exactly that selection', () => {
    const boxes = MANUAL_P40.map((row, index) => ({ row, index })).filter(({ row }) => /^\[[x ]\]/.test(row));
    for (const { row, index } of boxes) {
      const flipped = [...MANUAL_P40];
      flipped[index] = row.startsWith('[x]') ? row.replace('[x]', '[ ]') : row.replace('[ ]', '[x]');
      const window = parseCmsWindow({ rows: flipped, highlighted: [], cursor: { row: 0, col: 0 } });
      if (window.kind !== 'recognised') throw new Error(window.reason);
      const read = readBackUpDataSelections(window);
      expect(backUpDataDifferences(selectionsOf(read), INCREMENTAL_MAINTENANCE_BACKUP), row).toHaveLength(1);
    }
  });
});

describe('R3 Migrate Data windows (ASSUMPTION: drawn like Back Up Data; the manual names the choices only)', () => {
  const migrateScreen = (
    boxes: { system: boolean; agent: boolean; historical: boolean },
    allAcds = true,
  ) => ({
    rows: [
      'System Setup: R3 Migrate Data',
      'Status:',
      'Errors:',
      `${allAcds ? '<x>' : '<_>'} All ACDs  ${allAcds ? '<_>' : '<x>'} Current ACD`,
      `[${boxes.system ? 'x' : ' '}] System Administration data`,
      `[${boxes.agent ? 'x' : ' '}] Agent/Call Center Admin data`,
      `[${boxes.historical ? 'x' : ' '}] Historical data`,
      'Help | Window | Commands | Keep | Exit | Scroll | Current | MainMenu',
    ],
    highlighted: [],
    cursor: { row: 0, col: 0 },
  });
  const nothingMigrated = { alreadyMigrated: () => null };

  it("holds the screen against the step's closest migration, and names what differs", () => {
    const window = parseCmsWindow(migrateScreen({ system: true, agent: false, historical: true }, false));
    if (window.kind !== 'recognised') throw new Error(window.reason);
    expect(checkWindow(window, 'D7', nothingMigrated)).toEqual({
      window: 'System Setup: R3 Migrate Data',
      stepId: 'D7',
      requirement: expect.stringMatching(/historical/i),
      differences: [
        'All ACDs is not chosen: every migration here is for All ACDs.',
        'System Administration data is selected: this migration must exclude it.',
      ],
      unreadable: null,
    });
    const both = parseCmsWindow(migrateScreen({ system: true, agent: true, historical: false }));
    if (both.kind !== 'recognised') throw new Error(both.reason);
    expect(checkWindow(both, 'D8', nothingMigrated)?.differences).toEqual([]);
    expect(checkWindow(both, 'D1', nothingMigrated)).toBeNull();
  });

  it('reads no selections from a window missing one of the data types', () => {
    const screen = migrateScreen({ system: true, agent: false, historical: false });
    screen.rows.splice(6, 1);
    const window = parseCmsWindow(screen);
    if (window.kind !== 'recognised') throw new Error(window.reason);
    expect(checkWindow(window, 'D2', nothingMigrated)).toMatchObject({
      differences: null,
      unreadable: 'no check box for Historical data',
    });
  });
});

describe('Restore Data windows (ASSUMPTION: drawn like Back Up Data; the manual names two choices only)', () => {
  const restoreScreen = (checked: { historical: boolean; nonCms: boolean; admin: boolean }) => ({
    rows: [
      'Maintenance: Restore Data',
      'Status:',
      'Errors:',
      'Data to restore (Select any you wish):',
      `[${checked.admin ? 'x' : ' '}] CMS system administration data`,
      `[${checked.historical ? 'x' : ' '}] Historical data`,
      `[${checked.nonCms ? 'x' : ' '}] Non-CMS data`,
      'Help | Window | Commands | Keep | Exit | Scroll | Current | MainMenu',
    ],
    highlighted: [],
    cursor: { row: 0, col: 0 },
  });
  const nothingMigrated = { alreadyMigrated: () => null };
  const check = (checked: Parameters<typeof restoreScreen>[0]) => {
    const window = parseCmsWindow(restoreScreen(checked));
    if (window.kind !== 'recognised') throw new Error(window.reason);
    return checkWindow(window, 'D10', nothingMigrated);
  };

  it("holds D10's restore against the manual's Historical data and Non-CMS data, and any other box selected", () => {
    expect(check({ historical: true, nonCms: true, admin: false })).toMatchObject({
      window: 'Maintenance: Restore Data',
      differences: [],
    });
    expect(check({ historical: false, nonCms: true, admin: true })?.differences).toEqual([
      'Historical data is not selected: this restore needs it.',
      'CMS system administration data is selected: this restore must exclude it.',
    ]);
  });
});
