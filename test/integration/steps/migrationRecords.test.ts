import { describe, expect, it } from 'vitest';
import { buildUpgradeReport } from '../../../shared/report/upgradeReport.ts';
import { skipWithoutSshd, useSimulatedPairBehindSshd } from '../../support/sshd.ts';
import { passUpToP4a, useTrainingSession } from '../../support/trainingRun.ts';
import { CMS_KEYS } from '../../support/cmsKeys.ts';

const skip = skipWithoutSshd('migrationRecords');

/**
 * A migration is recorded when the technician says Run was selected, before r3mig.log is read; the log
 * is evidence of how it ended, and what the app cannot read the technician judges.
 */
describe.skipIf(skip)('migrations recorded as acts, on the simulated pair behind real sshd', () => {
  const pair = useSimulatedPairBehindSshd();
  const session = useTrainingSession(pair);

  it('an error line in the log fails the migration even beside a success line; the run stays recorded and is not asked for again', async () => {
    const { run, trainee, journal } = session();
    await passUpToP4a(session());
    for (const stepId of ['P4b', 'D1'] as const)
      expect(await run(stepId)).toMatchObject({ id: stepId, status: 'passed' });
    trainee.on('D2:migrate-system-admin', async (h) => {
      await h.cms('NEW', CMS_KEYS.migrateSystemAdmin);
      await pair().store.update((state) => {
        state.hosts.new.files['/cms/migrate/r3mig.log'] +=
          '\n01/02/2027 10:00:00 R3 Migrate ERROR: table sysadm.acd_shifts could not be loaded\n';
      });
    });
    const failed = await run('D2');
    expect(failed.status).toBe('failed');
    expect(failed.reason).toContain(
      'System Administration data ran on NEW and r3mig.log shows an error: 01/02/2027 10:00:00 R3 Migrate ERROR: table sysadm.acd_shifts could not be loaded',
    );
    expect(journal.state.migrations.map((m) => [m.dataType, m.outcome])).toEqual([
      ['system-admin', 'failed'],
    ]);
  });

  it('a migration whose log the app cannot read counts as run once the technician judges it, and is never asked for again', async () => {
    const { run, trainee, journal } = session();
    // CMS on NEW set up again after the failed run, as the manual requires before migrating again.
    await journal.append({
      type: 'cms-resetup-confirmed',
      server: 'NEW',
      confirmedBy: 'Trainee',
      note: 'System admin migration failed with an error; CMS turned off and set up again',
      at: new Date().toISOString(),
    });
    await pair().store.update((state) => {
      state.hosts.new.migrations = [];
    });

    // r3mig.log words the line of this run in a way the app does not know.
    const rewordLog = () =>
      pair().store.update((state) => {
        const lines = (state.hosts.new.files['/cms/migrate/r3mig.log'] ?? '').trimEnd().split('\n');
        lines.push(lines.pop()!.replace('R3 Migrate: ', 'r3mig: done '));
        state.hosts.new.files['/cms/migrate/r3mig.log'] = `${lines.join('\n')}\n`;
      });
    trainee.on('D2:migrate-system-admin', async (h) => {
      await h.cms('NEW', CMS_KEYS.migrateSystemAdmin);
      await rewordLog();
    });
    // The trainee stops before the second migration (answers "no" when asked whether Run was selected).
    const stillRefusing = trainee.refuseConfirmation((text) =>
      text.startsWith('System Setup > R3 Migrate Data again: Agent/Call Center Admin data'),
    );
    trainee.judgeWith((reading) =>
      reading.about.startsWith('R3 Migrate of System Administration data')
        ? { verdict: 'looks-right', reason: 'Status: R3 Migrate finished, 0 errors' }
        : undefined,
    );
    const first = await run('D2');
    expect({ status: first.status, reason: first.reason }).toEqual({
      status: 'failed',
      reason:
        'not confirmed: System Setup > R3 Migrate Data again: Agent/Call Center Admin data, All ACDs. Run; the Status field reports success.',
    });
    expect(trainee.judged.filter((j) => !j.reading.difference)).toHaveLength(1);
    expect(trainee.judged.filter((j) => !j.reading.difference)[0]!.reading.raw).toContain(
      'r3mig: done System Administration data',
    );
    expect(journal.state.migrations.map((m) => [m.dataType, m.outcome, m.setupGeneration])).toEqual([
      ['system-admin', 'failed', 0],
      ['system-admin', 'judged-right', 1],
    ]);
    const verdicts = journal.state.steps.D2.evidence.filter(
      (e) => e.kind === 'verdict' && !e.reading.difference,
    );
    expect(verdicts).toHaveLength(1);

    stillRefusing();
    trainee.on('D2:migrate-system-admin', async () => {
      throw new Error('the runner asked for the system admin migration a second time');
    });
    trainee.on('D2:migrate-agent-admin', async (h) => void (await h.cms('NEW', CMS_KEYS.migrateAgentAdmin)));
    const second = await run('D2');
    expect(second.status).toBe('passed');
    expect(trainee.judged.filter((j) => !j.reading.difference)).toHaveLength(1);
    expect(journal.state.migrations.map((m) => [m.dataType, m.outcome, m.setupGeneration])).toEqual([
      ['system-admin', 'failed', 0],
      ['system-admin', 'judged-right', 1],
      ['agent-call-center-admin', 'succeeded', 1],
    ]);
    expect((await pair().store.read()).hosts.new.cmsDamaged).toBe(false);

    const report = buildUpgradeReport(journal.events, journal.chainFingerprint);
    // The servers compared before D2 differ in their Solaris releases: judged fine at each of its three attempts.
    const comparison =
      'Solaris release of ORIG and NEW, compared before D2: the servers differ; judged by the technician as fine for the upgrade (NEW is installed on the Solaris release its platform ships with).';
    expect(report.deviations.filter((d) => d.kind === 'verdict').map((d) => [d.stepId, d.text])).toEqual([
      ['D2', comparison],
      ['D2', comparison],
      [
        'D2',
        'R3 Migrate of System Administration data on NEW: the app could not read the output; judged by the technician as looking right (Status: R3 Migrate finished, 0 errors).',
      ],
      ['D2', comparison],
    ]);
    expect(report.migrations.map((m) => m.outcome)).toEqual(['failed', 'judged-right', 'succeeded']);
  });
});
