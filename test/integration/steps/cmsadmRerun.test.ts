import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../../shared/procedure/types.ts';
import { ScenarioBuilder } from '../../support/sessionScenario.ts';
import { skipWithoutSshd, useSimulatedPairBehindSshd } from '../../support/sshd.ts';
import { useTrainingSession } from '../../support/trainingRun.ts';

const skip = skipWithoutSshd('cmsadmRerun');

describe.skipIf(skip)(
  'D11 run again after one of its two backups failed (simulated pair behind real sshd)',
  () => {
    const pair = useSimulatedPairBehindSshd();
    const session = useTrainingSession(pair);

    it('keeps the backup that passed and writes only the server that did not finish', async () => {
      const { run, journal, hands } = session();
      // Everything before D11 as the manual has it (the journal only: D11 needs nothing of it on the pair).
      const before = new ScenarioBuilder();
      for (const stepId of STEP_IDS.slice(0, STEP_IDS.indexOf('D11'))) before.completeStep(stepId);
      for (const event of before.events) await journal.append({ ...event, at: new Date().toISOString() });

      // ORIG's tape has its write-protect switch on: its backup fails; NEW's passes.
      await hands.run('ORIG', 'simctl protect DDS4-07 on');
      const first = await run('D11');
      expect(first).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(/ORIG.*write-protected/),
      });
      expect(journal.state.tapes['DDS4-06']).toMatchObject({ role: 'CMSADM-NEW', producedBy: 'D11' });
      expect(journal.state.tapes['DDS4-07']).toBeUndefined();
      const newBackup = (await pair().store.read()).tapes['DDS4-06']!.content;
      expect(newBackup).toMatchObject({ kind: 'cmsadm', host: 'cms-new' });

      await hands.run('ORIG', 'simctl protect DDS4-07 off');
      const second = await run('D11');
      expect(second).toMatchObject({ status: 'passed' });
      // NEW was left alone: the same backup on the same tape, and no second cmsadm run there.
      expect((await pair().store.read()).tapes['DDS4-06']!.content).toEqual(newBackup);
      const cmsadmRuns = journal.state.steps.D11.evidence.filter(
        (evidence) => evidence.kind === 'parsed' && evidence.parser === 'cmsadm-backup',
      );
      expect(cmsadmRuns.map((evidence) => evidence.server)).toEqual(['NEW', 'ORIG']);
      expect(journal.state.tapes['DDS4-07']).toMatchObject({ role: 'CMSADM-ORIG-FINAL', producedBy: 'D11' });
    });
  },
);
