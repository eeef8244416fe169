import { describe, expect, it } from 'vitest';
import { buildUpgradeReport } from '../../../shared/report/upgradeReport.ts';
import { DEFAULT_LOG_PATHS } from '../../../shared/procedure/serverLogs.ts';
import { comparisonOf } from '../../../shared/procedure/serverComparison.ts';
import { skipWithoutSshd, useSimulatedPairBehindSshd } from '../../support/sshd.ts';
import { useTrainingSession } from '../../support/trainingRun.ts';

const skip = skipWithoutSshd('serverComparison');
const STORAGE_DEF = DEFAULT_LOG_PATHS.storageDef;

describe.skipIf(skip)(
  'ORIG and NEW held side by side before D2, on the simulated pair behind real sshd',
  () => {
    const pair = useSimulatedPairBehindSshd();
    const session = useTrainingSession(pair);

    it('puts a storage.def difference to the technician: "must fix" stops D2 before anything migrates; once fixed, D2 goes on', async () => {
      const { hands, run, trainee, journal } = session();
      await hands.moveTape('DDS4-08', 'ORIG');
      await hands.moveTape('DDS4-01', 'NEW');
      for (const stepId of ['P1', 'P2', 'P3a', 'P3b'] as const)
        expect((await run(stepId)).status).toBe('passed');
      await hands.eject('ORIG');
      await hands.eject('NEW');
      for (const stepId of ['P4a', 'P4b', 'D1'] as const) expect((await run(stepId)).status).toBe('passed');

      // The TSC left one data storage value of NEW at another number than ORIG's.
      const original = (await pair().store.read()).hosts.new.files[STORAGE_DEF]!;
      await pair().store.update((state) => {
        state.hosts.new.files[STORAGE_DEF] = original.replace('\n387\n', '\n400\n');
      });
      trainee.judgeWith((reading) =>
        reading.about.startsWith('Data storage parameters')
          ? { verdict: 'looks-wrong', reason: 'the TSC sets NEW to the values of ORIG first' }
          : undefined,
      );
      const stopped = await run('D2');
      expect(stopped).toMatchObject({
        status: 'failed',
        reason:
          'Data storage parameters (storage.def) must be fixed before D2 goes on: the TSC sets NEW to the values of ORIG first',
      });
      expect(journal.state.migrations).toEqual([]);
      // Each difference was shown side by side: the Solaris releases (fine), then storage.def, by line.
      expect(trainee.judged.map((judged) => judged.reading.about)).toEqual([
        'Solaris release of ORIG and NEW, compared before D2',
        'Data storage parameters (storage.def) of ORIG and NEW, compared before D2',
      ]);
      expect(trainee.judged[1]!.reading.raw).toContain('line 7: ORIG "387", NEW "400"');
      const evidence = journal.state.steps.D2.evidence.find(
        (e) => e.kind === 'parsed' && e.parser === 'server-comparison',
      );
      const first = comparisonOf(evidence?.kind === 'parsed' ? evidence.result : null)!;
      expect(first.rows.map((row) => [row.aspect, row.outcome])).toEqual([
        ['Solaris release', 'differs'],
        ['Patches (showrev -p)', 'not-compared'],
        ['CMS version and base load', 'expected'],
        ['Tape drive', expect.stringMatching(/^(same|not-compared)$/)],
        ['Data storage parameters (storage.def)', 'differs'],
        ['Locale', 'same'],
      ]);
      expect(first.rows[2]).toMatchObject({ orig: 'r3v9ak.g', new: 'r3v11ak.g' });

      // NEW's storage.def not where the setting says: the row cannot be read, and the technician sees
      // what each server printed, raw.
      await pair().store.update((state) => {
        delete state.hosts.new.files[STORAGE_DEF];
      });
      expect((await run('D2')).status).toBe('failed');
      const missing = trainee.judged.at(-1)!.reading;
      expect(missing.about).toBe('Data storage parameters (storage.def) of ORIG and NEW, compared before D2');
      expect(missing.difference).toBeUndefined();
      expect(missing.raw).toContain(`NEW printed:\n$ cat '${STORAGE_DEF}'\ncat: cannot open ${STORAGE_DEF}`);
      expect(missing.raw).toContain(`ORIG printed:\n$ cat '${STORAGE_DEF}'\nData storage parameters, ACD 1`);

      await pair().store.update((state) => {
        state.hosts.new.files[STORAGE_DEF] = original;
      });
      const judgedBefore = trainee.judged.length;
      const again = await run('D2');
      expect(again.status).toBe('passed');
      expect(journal.state.steps.D2.checkedItems).toContain('storage-def-identical');
      expect(trainee.judged.slice(judgedBefore).map((judged) => judged.reading.about)).toEqual([
        'Solaris release of ORIG and NEW, compared before D2',
      ]);
      // The report says what each verdict was about: a difference between the servers, fine or to be fixed.
      const deviations = buildUpgradeReport(journal.events, journal.chainFingerprint).deviations.map(
        (d) => d.text,
      );
      expect(deviations).toContain(
        'Data storage parameters (storage.def) of ORIG and NEW, compared before D2: the servers differ; judged by the technician as to be fixed first (the TSC sets NEW to the values of ORIG first).',
      );
    });
  },
);
