import { describe, expect, it } from 'vitest';
import { skipWithoutSshd, useSimulatedPairBehindSshd } from '../../support/sshd.ts';
import { passUpToP4a, useTrainingSession } from '../../support/trainingRun.ts';

const skip = skipWithoutSshd('tapePreflight');

/** Before a backup writes a tape, the tape is named and the drive read: no backup the upgrade needs is written over. */
describe.skipIf(skip)('a tape before it is written, on the simulated pair behind real sshd', () => {
  const pair = useSimulatedPairBehindSshd();
  const session = useTrainingSession(pair);

  it('refuses the CMSADM tape for P4b before anything is written, naming it; a blank tape passes; the CMSADM tape stays intact', async () => {
    const { run, trainee, journal, hands } = session();
    await passUpToP4a(session());
    const cmsadmBefore = (await pair().store.read()).tapes['DDS4-01']!.content;
    expect(cmsadmBefore).toMatchObject({ kind: 'cmsadm' });

    // The trainee picks up the CMSADM tape of P4a first, puts it in ORIG's drive and names it; then,
    // told off, leaves it there and gives another tape's name.
    let offered = 0;
    const stop = trainee.answerFirst(async (_question, request) => {
      if (request?.kind !== 'insert-tape' || request.purpose !== 'write') return null;
      offered++;
      if (offered === 1) {
        await hands.moveTape('DDS4-01', 'ORIG');
        return 'DDS4-01';
      }
      return offered === 2 ? 'DDS4-09' : null;
    });
    const told = trainee.told.length;
    expect(await run('P4b')).toMatchObject({ status: 'passed' });
    stop();

    expect(trainee.told.slice(told).join('\n')).toMatch(
      /DDS4-01 holds the CMSADM backup of ORIG .*which this upgrade still needs: do not write on it\. Remove it.*insert a blank tape to become the Full maintenance backup of ORIG/,
    );
    // The name is not the only check: the drive's first bytes are the start of a CMSADM backup.
    expect(trainee.told.slice(told).join('\n')).toContain(
      'The tape in the drive of ORIG is not blank: it starts with a cpio archive, the start of a CMSADM backup; this upgrade keeps DDS4-01, the CMSADM backup of ORIG (day before). Do not write on it: remove it and insert DDS4-09, blank.',
    );
    expect(offered).toBe(3);
    const state = journal.state;
    expect(state.tapes['DDS4-01']).toMatchObject({ role: 'CMSADM-ORIG', producedBy: 'P4a' });
    expect(state.tapes['DDS4-02']).toMatchObject({ role: 'FULL-ORIG', producedBy: 'P4b', verified: true });
    // Nothing was written on it: the simulated cartridge still holds the CMSADM backup.
    expect((await pair().store.read()).tapes['DDS4-01']!.content).toEqual(cmsadmBefore);
  });

  it('reads the drive: a backup the session does not know is written over only on an explicit yes, and noted', async () => {
    const { run, trainee, journal, hands } = session();
    // An old maintenance backup, made before this upgrade, on the tape the trainee takes for D1.
    await hands.moveTape('DDS4-03', 'ORIG');
    await hands.run('ORIG', 'simctl write-maintenance DDS4-03 XSMC F');
    await hands.eject('ORIG');
    let asked = 0;
    const refuse = trainee.refuseConfirmation(
      (text) => /is not blank: it holds a CMS maintenance backup/.test(text) && asked++ === 0,
    );
    expect(await run('D1')).toMatchObject({ status: 'passed' });
    refuse();
    expect(asked).toBe(2);
    expect(journal.state.notes.map((note) => note.text)).toContainEqual(
      expect.stringMatching(
        /^DDS4-03 held a CMS maintenance backup this session does not know \(volume \S+\); written over by D1 on the technician's yes\.$/,
      ),
    );
    expect(journal.state.tapes['DDS4-03']).toMatchObject({ role: 'ADMIN-ORIG', producedBy: 'D1' });
  });
});
