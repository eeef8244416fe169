import { describe, expect, it } from 'vitest';
import { SessionTerminals } from '../../../electron/core/sessionTerminals.ts';
import { createSessionFolder } from '../../../electron/journal/sessionFolders.ts';
import { SessionJournal } from '../../../electron/journal/sessionJournal.ts';
import { chooseAction, openWindow, setChoices } from '../../../electron/simulator/screens/keyPlans.ts';
import { BACK_UP_DATA, openBackUpData } from '../../../electron/simulator/screens/backUpDataScreen.ts';
import { openR3MigrateData, R3_MIGRATE_DATA } from '../../../electron/simulator/screens/setupWindows.ts';
import type { SshConnection } from '../../../electron/ssh/sshConnection.ts';
import type { ServerRole, StepId } from '../../../shared/procedure/types.ts';
import type { WindowCheck } from '../../../shared/procedure/windowCheck.ts';
import { buildUpgradeReport } from '../../../shared/report/upgradeReport.ts';
import { ScenarioBuilder } from '../../support/sessionScenario.ts';
import { skipWithoutSshd, useSimulatedPairBehindSshd } from '../../support/sshd.ts';
import { useTempDirs } from '../../support/tempDir.ts';

const skip = skipWithoutSshd('watchOnCms');
const tempDir = useTempDirs();

/**
 * The watch on the technician's terminal with the simulator's full-screen `cms` behind real sshd: the
 * keys typed one at a time as a person types them, the window redrawn between them.
 */
describe.skipIf(skip)("the watch on the full-screen CMS windows in the technician's terminal", () => {
  const pair = useSimulatedPairBehindSshd();

  async function technicianAt(events: ScenarioBuilder['events'], server: ServerRole, stepId: StepId) {
    const directory = await createSessionFolder(await tempDir(), 'Watch', '2026-12-02');
    const journal = await SessionJournal.open(directory);
    for (const event of events) await journal.append(event);
    const connection: SshConnection = await pair().login(server === 'ORIG' ? 'orig' : 'new');
    const checks: (WindowCheck | null)[] = [];
    const asked: WindowCheck[] = [];
    let output = '';
    let lastOutputAt = Date.now();
    let answer = false;
    const terminals = new SessionTerminals(journal, async () => connection, {
      data: (_id, data) => {
        output += data;
        lastOutputAt = Date.now();
      },
      closed: () => undefined,
      evidenceNotRecorded: () => undefined,
      windowCheck: (_id, check) => checks.push(check),
      confirmRun: async (_id, check) => {
        asked.push(check);
        return answer;
      },
    });
    const terminalId = await terminals.start(server, stepId);
    const quiet = async () => {
      for (let i = 0; i < 400 && Date.now() - lastOutputAt < 250; i++)
        await new Promise((r) => setTimeout(r, 25));
    };
    await quiet();
    /** Types each key and waits for the program to redraw (when the key is not held). */
    const type = async (keys: readonly string[]) => {
      for (const key of keys) {
        const before = output.length;
        await terminals.write(terminalId, key);
        for (let i = 0; i < 40 && output.length === before; i++) await new Promise((r) => setTimeout(r, 25));
        await quiet();
      }
    };
    await type([`PATH=${pair().commandDir}:$PATH; cms\r`]);
    // As a person does, the first key waits for the Main Menu (keys typed earlier reach the shell's line).
    for (let i = 0; i < 400 && !output.includes('MainMenu'); i++) await new Promise((r) => setTimeout(r, 25));
    await quiet();
    return {
      journal,
      checks,
      asked,
      type,
      answer: (yes: boolean) => void (answer = yes),
      screen: () => output,
      close: async () => {
        await terminals.closeAll();
        connection.close();
        await journal.close();
      },
    };
  }

  it('D1 with Historical data left selected: the panel warns before Run, Enter on Run is held, and the journal records the selections seen', async () => {
    await pair().store.update((state) => {
      state.hosts.orig.drives[0]!.tapeId = 'DDS4-03';
      state.tapes['DDS4-03']!.content = null;
    });
    const scenario = new ScenarioBuilder().created();
    for (const id of ['P1', 'P2', 'P3a', 'P3b', 'P4a', 'P4b'] as const) scenario.completeStep(id);
    scenario.add({ type: 'step-started', stepId: 'D1' });
    const at = await technicianAt(scenario.events, 'ORIG', 'D1');
    // The trainee deselects Local system administration data but forgets Historical data.
    const window = [
      ...openWindow('Maintenance', 'Back Up Data'),
      ...setChoices(BACK_UP_DATA, openBackUpData(0), { local: false }),
    ];
    await at.type(window.flatMap((step) => step.keys));
    expect(at.checks.at(-1)).toMatchObject({
      window: 'Maintenance: Backup Data',
      stepId: 'D1',
      differences: ['Historical data is selected (full): this backup must exclude it.'],
    });
    const run = chooseAction(BACK_UP_DATA, 'Run').keys;
    // No: Enter on Run is held; the backup does not start and nothing is journaled.
    await at.type(run);
    expect(at.asked).toHaveLength(1);
    expect((await pair().store.read()).tapes['DDS4-03']!.content).toBeNull();
    expect(at.journal.state.steps.D1.evidence.filter((e) => e.kind === 'window-at-run')).toEqual([]);
    // Yes: the key goes, the backup runs, and the selections seen are the record of the act.
    at.answer(true);
    await at.type([run.at(-1)!]);
    await expect
      .poll(async () => (await pair().store.read()).tapes['DDS4-03']!.content?.kind, { timeout: 30_000 })
      .toBe('maintenance');
    expect(at.journal.state.steps.D1.evidence.filter((e) => e.kind === 'window-at-run')).toEqual([
      expect.objectContaining({
        server: 'ORIG',
        window: 'Maintenance: Backup Data',
        differences: ['Historical data is selected (full): this backup must exclude it.'],
        wentAheadDespite: true,
      }),
    ]);
    await at.close();
  });

  it('a second R3 Migrate of System Administration data: held before Run; refused, nothing migrates; insisted on, a deviation in the report', async () => {
    await pair().store.update((state) => {
      const neu = state.hosts.new;
      neu.cmsState = 'single-user';
      neu.migrations = [{ dataType: 'system-admin', tapeId: 'DDS4-03', at: '2026-12-02T09:00:00Z' }];
      neu.drives[0]!.tapeId = 'DDS4-03';
      state.hosts.orig.drives[0]!.tapeId = null;
    });
    const scenario = new ScenarioBuilder().created();
    for (const id of ['P1', 'P2', 'P3a', 'P3b', 'P4a', 'P4b', 'D1', 'D2'] as const) scenario.completeStep(id);
    const at = await technicianAt(scenario.events, 'NEW', 'D2');
    const keys = [
      ...openWindow('System Setup', 'R3 Migrate Data'),
      ...setChoices(R3_MIGRATE_DATA, openR3MigrateData(), { 'system-admin': true }),
    ].flatMap((step) => step.keys);
    await at.type(keys);
    expect(at.checks.at(-1)?.differences).toEqual([
      expect.stringMatching(/^System Administration data was already migrated on NEW .*Do not select Run\.$/),
    ]);
    const run = chooseAction(R3_MIGRATE_DATA, 'Run').keys;
    await at.type(run);
    expect(at.asked).toHaveLength(1);
    expect((await pair().store.read()).hosts.new).toMatchObject({ cmsDamaged: false, migrations: [{}] });
    // The technician insists: the migration runs (and the simulated CMS is damaged, as the manual warns).
    at.answer(true);
    await at.type([run.at(-1)!]);
    await expect
      .poll(async () => (await pair().store.read()).hosts.new.cmsDamaged, { timeout: 30_000 })
      .toBe(true);
    const report = buildUpgradeReport(at.journal.events, 'x'.repeat(64));
    expect(report.deviations).toContainEqual(
      expect.objectContaining({
        kind: 'selections',
        stepId: 'D2',
        text: expect.stringMatching(/already migrated on NEW.*The technician went ahead\./),
      }),
    );
    await at.close();
  });
});
