import { describe, expect, it } from 'vitest';
import { skipWithoutSshd, useSimulatedPairBehindSshd } from '../../support/sshd.ts';
import { passUpToP4a, useTrainingSession } from '../../support/trainingRun.ts';

const skip = skipWithoutSshd('unreadableOutputs');

/**
 * br_check printing a listing the app's parser does not know (the simulator's "unfamiliar" outputs):
 * the steps neither pass nor fail on it by themselves; the trainee judges the raw output, copies the
 * label, names the tape, and the upgrade goes on.
 */
describe.skipIf(skip)('br_check output the app cannot read, on the simulated pair behind real sshd', () => {
  const pair = useSimulatedPairBehindSshd();
  const session = useTrainingSession(pair);

  it('a backup is registered and its tape checked before a migration on the technician’s verdicts', async () => {
    const { run, trainee, journal } = session();
    await passUpToP4a(session());

    await pair().store.update((state) => {
      state.outputs = 'unfamiliar';
    });
    trainee.judgeWith((reading) =>
      reading.about.startsWith('br_check')
        ? { verdict: 'looks-right', reason: 'label, ACDs and tables as expected' }
        : reading.about.startsWith('R3 Migrate') && /r3mig ok: /.test(reading.raw)
          ? { verdict: 'looks-right', reason: 'the Status field said completed' }
          : undefined,
    );
    // The trainee copies the label from the screen, and names the tape in the drive from its cartridge.
    const lastJudged = () => trainee.judged.filter((j) => !j.reading.difference).at(-1)!.reading.raw;
    trainee.answerFirst((question) =>
      question.startsWith('The volume label of this backup')
        ? /VOLUME (\S+)/.exec(lastJudged())![1]!
        : question.startsWith('Which tape is in the drive of NEW')
          ? 'DDS4-03'
          : null,
    );

    expect(await run('P4b')).toMatchObject({ status: 'passed' });
    const full = Object.values(journal.state.tapes).find((tape) => tape.role === 'FULL-ORIG')!;
    expect(full).toMatchObject({ id: 'DDS4-02', verified: true });
    expect(full.labelText).toMatch(/^CMSORIG-\d{6}-\d{2}-/);
    expect(trainee.judged.filter((j) => !j.reading.difference).map((j) => j.reading.about)).toEqual([
      'br_check verification of the tape in the drive of ORIG (the Full maintenance backup of ORIG (day before) just written)',
    ]);
    expect(lastJudged()).toContain('verify: ');

    expect(await run('D1')).toMatchObject({ status: 'passed' });
    expect(await run('D2')).toMatchObject({ status: 'passed' });
    expect(journal.state.steps.D2.tapesLoaded.map((load) => load.tapeId)).toEqual(['DDS4-03']);
    // br_check after D1's backup and before D2's migrations, then r3mig.log in words the app does not know.
    expect(
      trainee.judged
        .filter((j) => !j.reading.difference)
        .map((j) => j.reading.about.split(' ').slice(0, 3).join(' ')),
    ).toEqual([
      'br_check verification of',
      'br_check verification of',
      'br_check listing of',
      'R3 Migrate of',
      'R3 Migrate of',
    ]);
    expect(journal.state.migrations.map((m) => [m.dataType, m.outcome])).toEqual([
      ['system-admin', 'judged-right'],
      ['agent-call-center-admin', 'judged-right'],
    ]);
  });
});
