import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SessionTerminals } from '../../../electron/core/sessionTerminals.ts';
import { createSessionFolder } from '../../../electron/journal/sessionFolders.ts';
import { SessionJournal } from '../../../electron/journal/sessionJournal.ts';
import type { WindowCheck } from '../../../shared/procedure/windowCheck.ts';
import { drawnRows, MANUAL_P40 } from '../../support/manualWindows.ts';
import { ScenarioBuilder } from '../../support/sessionScenario.ts';
import { connect } from '../../support/sshClient.ts';
import { skipWithoutSshd, useSshd, TEST_PASSWORD, TEST_USER } from '../../support/sshd.ts';
import { useTempDirs } from '../../support/tempDir.ts';

const skip = skipWithoutSshd('terminalWatch');
const tempDir = useTempDirs();

/** The manual's Back Up Data example of p. 40 (historical incremental, ACD-specific admin, non-CMS). */
const INCREMENTAL_WINDOW = drawnRows(MANUAL_P40);

/**
 * An R3 Migrate Data window. ASSUMPTION (shared/parsers/migrateDataWindow.ts): the manual names its
 * choices but its pictures are not in its text; drawn here like Back Up Data.
 */
const MIGRATE_WINDOW = drawnRows([
  'System Setup: R3 Migrate Data',
  'Status:',
  'Errors:',
  '',
  'Device name: default',
  '',
  'ACD(s) to migrate (Select one):',
  '<x> All ACDs  <_> Current ACD',
  '',
  'Data types to migrate (Select any you wish):',
  '[x] System Administration data',
  '[ ] Agent/Call Center Admin data',
  '[ ] Historical data',
  'Help | Window | Commands | Keep | Exit | Scroll | Current | MainMenu',
]);

/** The action list's Run drawn highlighted at the top right (ASSUMPTION, shared/parsers/cmsWindow.ts). */
const RUN_HIGHLIGHTED = '\x1b[2;61H\x1b[7mRun\x1b[0m\x1b[23;1H';

describe.skipIf(skip)("the watch on the technician's terminal", () => {
  const sshd = useSshd();

  /** A terminal on a session whose journal holds `events`, showing `screen` as a full-screen program would. */
  async function windowChecks(
    events: ScenarioBuilder['events'],
    server: 'ORIG' | 'NEW',
    stepId: 'D1' | 'D2' | null,
    screen: string,
    count = 1,
  ) {
    const directory = await createSessionFolder(await tempDir(), 'Watch', '2026-12-02');
    const journal = await SessionJournal.open(directory);
    for (const event of events) await journal.append(event);
    // Where the test user behind sshd can read it (session folders are private).
    const shared = await tempDir();
    await chmod(shared, 0o755);
    const screenFile = path.join(shared, 'window.txt');
    await writeFile(screenFile, `\x1b[H\x1b[2J${screen}`, { mode: 0o644 });
    const connection = await connect(sshd().port, TEST_USER, { password: TEST_PASSWORD });
    const checks: (WindowCheck | null)[] = [];
    const asked: WindowCheck[] = [];
    let output = '';
    let answer = false;
    const terminals = new SessionTerminals(journal, async () => connection, {
      data: (_id, data) => void (output += data),
      closed: () => undefined,
      evidenceNotRecorded: () => undefined,
      windowCheck: (_id, check) => checks.push(check),
      confirmRun: async (_id, check) => {
        asked.push(check);
        return answer;
      },
    });
    const terminalId = await terminals.start(server, stepId);
    await terminals.write(terminalId, `cat ${screenFile}\r`);
    for (let i = 0; i < 200 && checks.length < count; i++) await new Promise((r) => setTimeout(r, 25));
    return {
      checks,
      asked,
      journal,
      output: () => output,
      answer: (yes: boolean) => void (answer = yes),
      terminals,
      terminalId,
      close: async () => {
        await terminals.closeAll();
        connection.close();
        await journal.close();
      },
    };
  }

  it("warns that a data type on an R3 Migrate Data window was already migrated into the server's current setup", async () => {
    const scenario = new ScenarioBuilder().created();
    for (const id of ['P1', 'P2', 'P3a', 'P3b', 'P4a', 'P4b', 'D1', 'D2'] as const) scenario.completeStep(id);
    const { checks, close } = await windowChecks(scenario.events, 'NEW', 'D2', MIGRATE_WINDOW);
    expect(checks).toEqual([
      {
        window: 'System Setup: R3 Migrate Data',
        stepId: 'D2',
        requirement: expect.stringMatching(/System Administration/i),
        differences: [
          expect.stringMatching(
            /^System Administration data was already migrated on NEW \(from ADMIN-ORIG-1 at .*\): migrating it again may cause catastrophic errors\. Do not select Run\.$/,
          ),
        ],
        unreadable: null,
      },
    ]);
    await close();
  });

  it("reads a Back Up Data window off the terminal and says how it differs from the running step's selections", async () => {
    const { checks, terminals, terminalId, close } = await windowChecks(
      new ScenarioBuilder().created().events,
      'ORIG',
      'D1',
      INCREMENTAL_WINDOW,
    );
    // D1 is the admin-only backup: the incremental window of step 5 is the wrong one.
    expect(checks).toEqual([
      {
        window: 'Maintenance: Backup Data',
        stepId: 'D1',
        requirement: expect.stringMatching(
          /^Maintenance > Back Up Data: all ACDs; CMS system administration/,
        ),
        differences: [
          'CMS system administration data is not selected: this backup must include it.',
          'Historical data is selected (incremental): this backup must exclude it.',
        ],
        unreadable: null,
      },
    ]);
    // The window leaves the screen: the check is withdrawn.
    await terminals.write(terminalId, 'clear\r');
    for (let i = 0; i < 200 && checks.length === 1; i++) await new Promise((r) => setTimeout(r, 25));
    expect(checks.at(-1)).toBeNull();
    await close();
  });

  it('holds the key that activates Run on wrong selections until the technician confirms, and journals the act', async () => {
    const watched = await windowChecks(
      new ScenarioBuilder().created().events,
      'ORIG',
      'D1',
      `${INCREMENTAL_WINDOW}${RUN_HIGHLIGHTED}`,
    );
    const { terminals, terminalId, asked, journal } = watched;
    // No: the key is held back, nothing reaches the server, nothing is journaled.
    await terminals.write(terminalId, 'echo HELD\r');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.differences).toContain(
      'Historical data is selected (incremental): this backup must exclude it.',
    );
    // Yes: the key goes, and the selections seen are the record of the act.
    watched.answer(true);
    await terminals.write(terminalId, 'echo SENT\r');
    for (let i = 0; i < 200 && !watched.output().includes('SENT\r\n'); i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(watched.output()).toMatch(/SENT\r\n/);
    expect(watched.output()).not.toMatch(/HELD\r\n/);
    expect(asked).toHaveLength(2);
    const evidence = journal.state.steps.D1.evidence.filter((e) => e.kind === 'window-at-run');
    expect(evidence).toEqual([
      expect.objectContaining({
        kind: 'window-at-run',
        server: 'ORIG',
        window: 'Maintenance: Backup Data',
        wentAheadDespite: true,
        differences: [
          'CMS system administration data is not selected: this backup must include it.',
          'Historical data is selected (incremental): this backup must exclude it.',
        ],
      }),
    ]);
    await watched.close();
  });

  it('holds a window against the step running now, also in a terminal opened before it started', async () => {
    const scenario = new ScenarioBuilder().created();
    for (const id of ['P1', 'P2', 'P3a', 'P3b', 'P4a', 'P4b'] as const) scenario.completeStep(id);
    scenario.add({ type: 'step-started', stepId: 'D1' });
    const { checks, close } = await windowChecks(scenario.events, 'ORIG', null, INCREMENTAL_WINDOW);
    expect(checks).toEqual([expect.objectContaining({ stepId: 'D1', window: 'Maintenance: Backup Data' })]);
    expect(checks[0]!.differences).toHaveLength(2);
    await close();
  });
});
