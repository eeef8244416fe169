import { describe, expect, it } from 'vitest';
import { NON_CMS_RESTORE_ERROR } from '../../../electron/simulator/cmsActs.ts';
import { keyPlanFor, type KeyStep } from '../../../electron/simulator/screens/keyPlans.ts';
import {
  KEYS,
  NO_TERMINAL,
  SINGLE_USER_REFUSAL,
  UNKNOWN_TERMINAL,
} from '../../../electron/simulator/screens/screenAssumptions.ts';
import { runCommandLine } from '../../../electron/simulator/simShell.ts';
import { parseArchiveStatus } from '../../../shared/parsers/archiveStatus.ts';
import { readBackUpDataSelections } from '../../../shared/parsers/backUpDataWindow.ts';
import { parseCmsWindow, type ScreenText } from '../../../shared/parsers/cmsWindow.ts';
import { readMigrateDataSelections } from '../../../shared/parsers/migrateDataWindow.ts';
import { readRestoreDataSelections } from '../../../shared/parsers/restoreDataWindow.ts';
import { stepDefinition } from '../../../shared/procedure/procedureGraph.ts';
import type { ChecklistItem, MenuSelections, StepId } from '../../../shared/procedure/types.ts';
import { freshPair, runCms, runSim } from '../../support/simProgramRunner.ts';

const item = (stepId: StepId, itemId: string): ChecklistItem =>
  stepDefinition(stepId).checklist.find((candidate) => candidate.id === itemId)!;
const keysOf = (plan: KeyStep[]) => plan.flatMap((step) => step.keys);
const text = (screen: ScreenText) => screen.rows.join('\n');

/** The keys of a plan, and where in them the Enter that chooses Run (or Modify) is. */
function actionEnterAt(plan: KeyStep[]): number {
  return keysOf(plan.slice(0, -1)).length - 1;
}

function readSelections(screen: ScreenText, selections: MenuSelections) {
  const window = parseCmsWindow(screen);
  if (window.kind !== 'recognised') throw new Error(window.reason);
  switch (selections.window) {
    case 'Maintenance: Back Up Data':
      return readBackUpDataSelections(window);
    case 'System Setup: R3 Migrate Data':
      return readMigrateDataSelections(window);
    case 'Maintenance: Restore Data':
      return readRestoreDataSelections(window);
  }
}

describe("the simulator's full-screen cms", () => {
  it('refuses to start without a terminal, as a curses program does', async () => {
    const result = await runSim(freshPair(), 'cms');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(NO_TERMINAL);
  });

  it('refuses a terminal type it cannot draw for', async () => {
    let errors = '';
    const code = await runCommandLine('cms', {
      io: {
        write: () => undefined,
        writeError: (text: string) => (errors += text),
        readLine: async () => null,
        readKey: async () => null,
        setRaw: () => undefined,
        setEcho: () => undefined,
      },
      store: freshPair(),
      host: 'orig',
      now: () => new Date(),
      delay: async () => undefined,
      terminalSize: () => ({ cols: 80, rows: 24 }),
      terminalType: () => 'dumb',
    });
    expect({ code, errors }).toEqual({ code: 1, errors: UNKNOWN_TERMINAL('dumb') });
  });

  it('opens on the Main Menu with the header line and the function-key bar, and logs out from it', async () => {
    const store = freshPair();
    const { code, screens } = await runCms(store, [KEYS.up, KEYS.enter]);
    expect(code).toBe(0);
    expect((await store.read()).hosts.orig.cmsLogins).toEqual([]);
    const window = parseCmsWindow(screens[0]!);
    expect(window).toMatchObject({ kind: 'recognised', title: 'Main Menu' });
    expect(screens[0]!.highlighted.map((run) => run.text)).toEqual(['Reports']);
    expect(screens[1]!.highlighted.map((run) => run.text)).toEqual(['Logout']);
  });

  // Each plan the training mode shows, played on the simulator: at the Enter that chooses Run, the
  // window reads (with the watch's reader) as the checklist item requires.
  for (const [stepId, itemId] of [
    ['P4b', 'full-backup-run'],
    ['D1', 'admin-backup-run'],
    ['D5', 'incremental-backup-run'],
    ['D2', 'migrate-system-admin'],
    ['D2', 'migrate-agent-admin'],
    ['D7', 'migrate-historical-incremental'],
    ['D8', 'migrate-admin-back'],
    ['D10', 'restore-run'],
    ['RB', 'data-restored'],
  ] as const) {
    it(`${stepId} ${itemId}: the training plan's keys select what the item requires, with Run highlighted`, async () => {
      const required = item(stepId, itemId);
      const plan = keyPlanFor(required)!;
      const store = freshPair();
      await runSim(store, 'simctl insert DDS4-01');
      const { screens, code } = await runCms(store, [...keysOf(plan), 'end']);
      // The plan ends logged out: the key after it is never read.
      expect({ code, keysRead: screens.length }).toEqual({ code: 0, keysRead: keysOf(plan).length });
      const atRun = screens[actionEnterAt(plan)]!;
      expect(parseCmsWindow(atRun)).toMatchObject({ currentAction: 'Run' });
      const { window: _window, ...wanted } = required.selections!;
      expect(readSelections(atRun, required.selections!)).toMatchObject({
        kind: 'recognised',
        selections:
          'dataTypes' in wanted
            ? { acds: 'all', dataTypes: wanted.dataTypes }
            : 'administration' in wanted
              ? { historical: wanted.historical, nonCms: wanted.nonCms }
              : wanted,
      });
    });
  }

  it('writes the D1 admin-only backup (XSMC, no historical tables) and shows its volume label on the Status line', async () => {
    const store = freshPair();
    await runSim(store, 'simctl insert DDS4-01');
    const plan = keyPlanFor(item('D1', 'admin-backup-run'))!;
    const { screens } = await runCms(store, keysOf(plan));
    const after = text(screens[actionEnterAt(plan) + 1]!);
    expect(after).toMatch(/Status: Last backup finished 11\/23\/2026 08:12:00\./);
    expect(after).toContain('Volume label: CMSORIG-261123-01-XSMC-00-F-01');
    const content = (await store.read()).tapes['DDS4-01']!.content;
    expect(content).toMatchObject({ kind: 'maintenance', dataLetters: 'XSMC', mode: 'F', acds: [1, 2] });
    expect(content?.kind === 'maintenance' && content.tables).not.toContain('hsplit');
  });

  it('switches CMS state with Modify, and admits one user in single-user mode', async () => {
    const store = freshPair();
    await runCms(store, keysOf(keyPlanFor(item('D2', 'single-user-mode'))!));
    expect((await store.read()).hosts.orig.cmsState).toBe('single-user');
    await store.update((state) => {
      state.hosts.orig.cmsLogins = [{ id: 'someone else', pid: process.pid }];
    });
    const second = await runCms(store, [KEYS.enter]);
    expect(second).toMatchObject({ code: 1, stderr: SINGLE_USER_REFUSAL });
    // A login whose process has ended holds nothing.
    await store.update((state) => {
      state.hosts.orig.cmsLogins = [{ id: 'gone', pid: 2 ** 22 + 12345 }];
    });
    expect((await runCms(store, [KEYS.up, KEYS.enter])).code).toBe(0);
  });

  it('refuses single-user mode while another user is logged in', async () => {
    const store = freshPair();
    await store.update((state) => {
      state.hosts.orig.cmsLogins = [{ id: 'someone else', pid: process.pid }];
    });
    const plan = keyPlanFor(item('D2', 'single-user-mode'))!;
    const { screens } = await runCms(store, keysOf(plan));
    expect(text(screens[actionEnterAt(plan) + 1]!)).toContain(
      'Errors: 1 other user(s) logged in: they must log out.',
    );
    expect((await store.read()).hosts.orig.cmsState).toBe('multi-user');
  });

  it('damages the CMS database on a second migration of the same data, as the manual warns', async () => {
    const store = freshPair();
    await runSim(store, 'simctl insert DDS4-01');
    await runSim(store, 'simctl write-maintenance DDS4-01 XSMC F');
    await runCms(store, keysOf(keyPlanFor(item('D2', 'single-user-mode'))!));
    const plan = keyPlanFor(item('D2', 'migrate-system-admin'))!;
    const first = await runCms(store, keysOf(plan));
    expect(text(first.screens[actionEnterAt(plan) + 1]!)).toContain(
      'Status: Migration completed successfully.',
    );
    const again = await runCms(store, keysOf(plan));
    expect(text(again.screens[actionEnterAt(plan) + 1]!)).toContain(
      'Errors: Duplicate data: the database is inconsistent.',
    );
    expect((await store.read()).hosts.orig.cmsDamaged).toBe(true);
  });

  it('migrates admin data only in single-user mode', async () => {
    const store = freshPair();
    await runSim(store, 'simctl insert DDS4-01');
    await runSim(store, 'simctl write-maintenance DDS4-01 XSMC F');
    const plan = keyPlanFor(item('D2', 'migrate-system-admin'))!;
    const { screens } = await runCms(store, keysOf(plan));
    expect(text(screens[actionEnterAt(plan) + 1]!)).toContain('Errors: CMS must be in single-user mode.');
  });

  it("shows the manual's error on restoring non-CMS data without custom tables, and the Error Log lists it", async () => {
    const store = freshPair();
    await runSim(store, 'simctl insert DDS4-01');
    await runSim(store, 'simctl write-maintenance DDS4-01 LSAC F');
    const plan = keyPlanFor(item('D10', 'restore-run'))!;
    const { screens } = await runCms(store, keysOf(plan));
    expect(text(screens[actionEnterAt(plan) + 1]!)).toContain(
      'Errors: Initialization errors. See Error Log.',
    );
    const errorLog = await runCms(store, [
      ...Array<string>(8).fill(KEYS.down),
      KEYS.enter,
      KEYS.up,
      KEYS.enter,
    ]);
    const shown = text(errorLog.screens.at(-1)!);
    expect(shown).toContain('Maintenance: Error Log');
    expect(shown).toContain(NON_CMS_RESTORE_ERROR.slice(0, 60));
  });

  it("lists the interval archives in the manual's form (Archiving Status: List All) and data collection per ACD", async () => {
    const store = freshPair();
    const archive = await runCms(store, [
      ...Array<string>(8).fill(KEYS.down),
      KEYS.enter,
      KEYS.down,
      KEYS.down,
      KEYS.enter,
      KEYS.enter,
      KEYS.down,
      KEYS.enter,
    ]);
    const list = archive.screens.at(-1)!;
    expect(list.rows[1]).toBe('Maintenance: Archiving Status: List All');
    expect(text(list)).toMatch(/acd1 {6}Interval {4}Finished {3}11\/23\/26 {3}8:05 a\.m\. {3}8:30 a\.m\./);
    expect(parseArchiveStatus(text(list))).toMatchObject({
      kind: 'recognised',
      records: [{ acd: 'acd1' }, { acd: 'acd2' }],
    });
    await runSim(store, 'simctl data-collection 2 off');
    const collection = await runCms(store, [
      ...Array<string>(7).fill(KEYS.down),
      KEYS.enter,
      KEYS.down,
      KEYS.enter,
    ]);
    expect(text(collection.screens.at(-1)!)).toContain('acd1      on\nacd2      off\n');
  });
});
