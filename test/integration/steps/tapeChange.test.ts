import { describe, expect, it } from 'vitest';
import { describePlace } from '../../../shared/session/tapePlace.ts';
import { skipWithoutSshd, useSimulatedPairBehindSshd } from '../../support/sshd.ts';
import { passUpToP3b, useTrainingSession } from '../../support/trainingRun.ts';

const skip = skipWithoutSshd('tapeChange');

/** A CMSADM backup that needs two tapes: each change is checked by reading the drive before cmsadm writes on. */
describe.skipIf(skip)('a tape change in a multi-tape CMSADM backup, behind real sshd', () => {
  const pair = useSimulatedPairBehindSshd();
  const session = useTrainingSession(pair);

  it('does not write on while tape 1 is still in the drive; after a real change it completes and names each tape', async () => {
    const { run, trainee, journal, box, desk } = session();
    await passUpToP3b(session());
    // Short tapes: ORIG's CMSADM backup (1,843,200 blocks) needs two of them.
    await box.unpack('SHORT-1', 1_000_000);
    await box.unpack('SHORT-2', 1_000_000);
    let forgotTheChange = false;
    const stop = trainee.answerFirst(async (question, request) => {
      if (request?.kind !== 'insert-tape') return null;
      const tape = `SHORT-${request.tapeNumber}`;
      // At the change the trainee names tape 2 but leaves tape 1 in the drive, once.
      if (request.purpose === 'write' && request.tapeNumber === 2 && !forgotTheChange) {
        forgotTheChange = true;
        return tape;
      }
      await box.move(tape, 'ORIG');
      return request.purpose === 'write' ? tape : '';
    });
    const told = trainee.told.length;
    const result = await run('P4a');
    stop();
    expect(result).toMatchObject({ status: 'passed' });

    expect(trainee.told.slice(told).join('\n')).toContain(
      'The tape in the drive of ORIG is not blank: it starts with a cpio archive, the start of a CMSADM backup; it is most likely SHORT-1, tape 1 of this backup, just written. Do not write on it: remove it and insert SHORT-2, blank.',
    );
    // Tape 1 was never written over as tape 2: each cartridge holds its own part of the set.
    const tapes = (await pair().store.read()).tapes;
    expect(tapes['SHORT-1']!.content).toMatchObject({ kind: 'cmsadm', number: 1 });
    expect(tapes['SHORT-2']!.content).toMatchObject({ kind: 'cmsadm', number: 2 });
    // The tape-2 question came twice: once refused, once after the real change.
    const writes = trainee.questions.filter(
      (q) => q.request?.kind === 'insert-tape' && q.request.purpose === 'write',
    );
    expect(writes.map((q) => q.request?.kind === 'insert-tape' && q.request.tapeNumber)).toEqual([1, 2, 2]);
    // The verification pass asks for each tape by its name.
    const verifies = trainee.questions
      .filter((q) => q.request?.kind === 'insert-tape' && q.request.purpose === 'verify')
      .map((q) => q.question);
    expect(verifies).toEqual([
      'ORIG: Verification: insert tape 1 again, then continue. It is SHORT-1.',
      'ORIG: Verification: insert tape 2, then continue. It is SHORT-2.',
    ]);
    expect(
      Object.values(journal.state.tapes).map((t) => `${t.id} ${t.sequence.number}/${t.sequence.of}`),
    ).toEqual(['SHORT-1 1/2', 'SHORT-2 2/2']);
    // The trainee said yes to "set each write-protect switch" but never touched the box: the register
    // shows the box's word, not the answer. The switch works on the tape in the drive too.
    await box.settled();
    expect(journal.state.tapes['SHORT-2']).toMatchObject({
      place: { kind: 'drive', server: 'ORIG' },
      writeProtected: false,
      writeProtectSaidBy: 'training-box',
    });
    await box.protect('SHORT-2', true);
    expect(journal.state.tapes['SHORT-2']).toMatchObject({
      writeProtected: true,
      writeProtectSaidBy: 'training-box',
    });
    expect((await pair().store.read()).tapes['SHORT-2']!.writeProtected).toBe(true);
    // The register knows where both are, as the box does.
    await box.settled();
    const truth = await desk.tapes();
    for (const id of ['SHORT-1', 'SHORT-2']) {
      const real = truth.find((tape) => tape.id === id)!;
      expect(describePlace(journal.state.tapes[id]!.place)).toBe(
        real.drive ? `drive of ${real.drive}` : 'on the desk, with the technician',
      );
    }
  });
});
