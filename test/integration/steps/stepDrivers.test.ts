import { describe, expect, it } from 'vitest';
import { checkVolumeLabel } from '../../../shared/procedure/volumeLabelRule.ts';
import { judgeDriveCompatibility } from '../../../shared/procedure/driveCompatibility.ts';
import { runBrCheck } from '../../../electron/steps/brCheck.ts';
import { runCmsadmBackup } from '../../../electron/steps/cmsadmBackup.ts';
import { readTapeDrive } from '../../../electron/steps/tapeDriveCheck.ts';
import type { SshConnection } from '../../../electron/ssh/sshConnection.ts';
import { skipWithoutSshd, useSimulatedPairBehindSshd } from '../../support/sshd.ts';

const skip = skipWithoutSshd('stepDrivers');

/** The technician's hands, through the simulator's control command on the same server. */
async function hands(connection: SshConnection, ...commands: string[]) {
  for (const command of commands) {
    const result = await connection.exec(command);
    if (result.kind !== 'exited' || result.code !== 0)
      throw new Error(`${command}: ${JSON.stringify(result)}`);
  }
}

describe.skipIf(skip)('step drivers on the simulated pair behind real sshd', () => {
  const pair = useSimulatedPairBehindSshd();

  it('P2: reads both drives and judges them compatible; refuses to judge an empty drive', async () => {
    const [orig, neu] = await Promise.all([pair().login('orig'), pair().login('new')]);
    const empty = await readTapeDrive(orig, '/dev/rmt/0');
    expect(empty.mt).toMatchObject({ status: 'no-tape' });
    await hands(orig, 'simctl insert DDS4-06');
    await hands(neu, 'simctl insert DDS4-07');
    const [a, b] = await Promise.all([readTapeDrive(orig, '/dev/rmt/0'), readTapeDrive(neu, '/dev/rmt/0')]);
    expect(a.command).toBe("mt -f '/dev/rmt/0' status");
    expect(
      judgeDriveCompatibility({ platform: 'blade100', mt: a.mt }, { platform: 'blade150', mt: b.mt }),
    ).toMatchObject({
      verdict: 'compatible',
      family: 'dds4',
    });
    expect(
      judgeDriveCompatibility({ platform: 'blade100', mt: empty.mt }, { platform: 'blade150', mt: b.mt })
        .verdict,
    ).toBe('cannot-judge');
    await hands(orig, 'simctl eject');
    await hands(neu, 'simctl eject');
    orig.close();
    neu.close();
  });

  it('P4a: a single-tape CMSADM backup, the technician inserting the tape when asked', async () => {
    const orig = await pair().login('orig');
    const asked: unknown[] = [];
    const run = await runCmsadmBackup(
      orig,
      { device: null, promptTimeoutMs: 20_000 },
      {
        ask: async (_question, { request }) => {
          asked.push(request);
          if (request?.kind === 'insert-tape' && request.purpose === 'write')
            await hands(orig, 'simctl insert DDS4-01');
          return '';
        },
      },
    );
    expect(run.outcome.kind).toBe('completed');
    expect(run.result).toMatchObject({
      status: 'completed',
      tapes: 1,
      verified: true,
      cmsVersion: 'r3v9ak.g',
    });
    expect(asked).toEqual([{ kind: 'insert-tape', purpose: 'write', tapeNumber: 1, device: '/dev/rmt/0' }]);
    await hands(orig, 'simctl eject');
    orig.close();
  });

  it('D11: a two-tape CMSADM backup with the verification pass asking for each tape again', async () => {
    const neu = await pair().login('new');
    await pair().store.update((state) => {
      for (const id of ['N-1', 'N-2'])
        state.tapes[id] = { id, capacityBlocks: 1_500_000, writeProtected: false, content: null };
    });
    const requests: string[] = [];
    const run = await runCmsadmBackup(
      neu,
      { device: null, promptTimeoutMs: 20_000 },
      {
        ask: async (_question, { request }) => {
          if (request?.kind !== 'insert-tape') return null;
          requests.push(`${request.purpose} ${request.tapeNumber}`);
          await neu.exec('simctl eject');
          await hands(neu, `simctl insert N-${request.tapeNumber}`);
          return '';
        },
      },
    );
    expect(run.result).toMatchObject({
      status: 'completed',
      tapes: 2,
      blocksWritten: 2150400,
      verified: true,
      cmsVersion: 'r3v11ak.g',
    });
    expect(requests).toEqual(['write 1', 'write 2', 'verify 1', 'verify 2']);
    await hands(neu, 'simctl eject');
    neu.close();
  });

  it('shows the console’s own words when the verification finds the wrong tape in the drive', async () => {
    const neu = await pair().login('new');
    await pair().store.update((state) => {
      for (const id of ['W-1', 'W-2'])
        state.tapes[id] = { id, capacityBlocks: 1_500_000, writeProtected: false, content: null };
    });
    const questions: string[] = [];
    let leftTape2In = false;
    const run = await runCmsadmBackup(
      neu,
      { device: null, promptTimeoutMs: 20_000 },
      {
        ask: async (question, { request }) => {
          if (request?.kind !== 'insert-tape') return null;
          questions.push(question);
          // At the first verification request the tape change is forgotten: tape 2 stays in.
          if (request.purpose === 'verify' && request.tapeNumber === 1 && !leftTape2In) {
            leftTape2In = true;
            return '';
          }
          await neu.exec('simctl eject');
          await hands(neu, `simctl insert W-${request.tapeNumber}`);
          return '';
        },
      },
    );
    expect(run.result).toMatchObject({ status: 'completed', tapes: 2, verified: true });
    expect(questions.slice(2)).toEqual([
      'Verification: insert tape 1 again, then continue.',
      'The console says: "This is not tape number 1 of this backup." — Verification: insert tape 1, then continue.',
      'Verification: insert tape 2, then continue.',
    ]);
    await hands(neu, 'simctl eject');
    neu.close();
  });

  it('stops a CMSADM backup on a write-protected tape', async () => {
    const orig = await pair().login('orig');
    await hands(orig, 'simctl insert DDS4-02', 'simctl protect DDS4-02 on');
    const run = await runCmsadmBackup(
      orig,
      { device: null, promptTimeoutMs: 20_000 },
      { ask: async () => '' },
    );
    expect(run.outcome).toMatchObject({ kind: 'failed', ruleId: 'write-protected' });
    await hands(orig, 'simctl protect DDS4-02 off', 'simctl eject');
    orig.close();
  });

  it('ends a backup whose connection drops as interrupted', async () => {
    const orig = await pair().login('orig');
    const run = await runCmsadmBackup(
      orig,
      { device: null, promptTimeoutMs: 20_000 },
      {
        ask: async () => {
          await pair().orig.killConnections();
          return '';
        },
      },
    );
    expect(run.outcome.kind).toBe('interrupted');
    expect(run.result.kind).toBe('unrecognised');
  });

  it('br_check: lists the tape in the drive, and the volume label rule refuses the wrong tape', async () => {
    const orig = await pair().login('orig');
    await hands(orig, 'simctl insert DDS4-03', 'simctl write-maintenance DDS4-03 LSAC F');
    const { outcome, result } = await runBrCheck(orig, {
      device: '/dev/rmt/0c',
      verify: false,
      promptTimeoutMs: 20_000,
    });
    expect(outcome).toMatchObject({ kind: 'exited', code: 0 });
    if (result.kind !== 'recognised' || result.status !== 'listed') throw new Error(JSON.stringify(result));
    expect(checkVolumeLabel(result.volumeLabel, 'FULL-ORIG')).toEqual({ matches: true });
    expect(checkVolumeLabel(result.volumeLabel, 'ADMIN-ORIG')).toMatchObject({ matches: false });
    await hands(orig, 'simctl eject');
    orig.close();
  });
});
