import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipWithoutSshd, useSimulatedPairBehindSshd } from '../../support/sshd.ts';
import { useTrainingSession } from '../../support/trainingRun.ts';

const skip = skipWithoutSshd('stepFailures');

describe.skipIf(skip)('steps that go wrong, on the simulated pair behind real sshd', () => {
  const pair = useSimulatedPairBehindSshd();
  const session = useTrainingSession(pair);

  it('a CMSADM backup whose connection drops ends interrupted, is not re-run by itself, and passes when started again', async () => {
    const { hands, run, trainee, journal } = session();
    await hands.moveTape('DDS4-08', 'ORIG');
    await hands.moveTape('DDS4-01', 'NEW');
    for (const stepId of ['P1', 'P2', 'P3a', 'P3b'] as const)
      expect((await run(stepId)).status).toBe('passed');
    await hands.eject('ORIG');
    await hands.eject('NEW');

    const stopIntercepting = trainee.answerFirst(async (_question, request) => {
      if (request?.kind !== 'insert-tape') return null;
      await pair().orig.killConnections();
      return '';
    });
    const dropped = await run('P4a');
    stopIntercepting();
    expect(dropped).toMatchObject({ status: 'interrupted', attempts: 1 });
    expect(journal.state.steps.P4a.reason).toMatch(/closed|lost/);

    // The transcript keeps what the console showed up to the cut.
    const cut = await readFile(path.join(journal.directory, 'transcripts/P4a-ORIG-1.log'), 'utf8');
    expect(cut).toContain('Please insert the first cartridge tape into /dev/rmt/0.');
    expect(cut).not.toContain('Tape Verification');

    // Run again: the app first looks at ORIG and its drive, says what it found, and asks.
    const told = trainee.told.length;
    const again = await run('P4a');
    expect(again).toMatchObject({ status: 'passed', attempts: 2 });
    const inspection = trainee.told
      .slice(told)
      .find((text) => text.startsWith('P4a was interrupted last time'));
    expect(inspection).toMatch(
      /^P4a was interrupted last time \(.*(closed|lost).*\)\. ORIG answers \(cms-orig\); /,
    );
    expect(inspection).toContain('A backup cut short leaves an incomplete tape set');
    expect(
      journal.state.steps.P4a.evidence.some((e) => e.kind === 'parsed' && e.parser === 'mt-status'),
    ).toBe(true);
  });

  it('an interrupted step is not run again when the technician says no after the inspection', async () => {
    const { run, trainee, journal } = session();
    // An earlier attempt of P4b was cut off (the app was killed while it ran).
    const at = new Date().toISOString();
    await journal.append({ type: 'step-started', stepId: 'P4b', at });
    await journal.append({
      type: 'step-interrupted',
      stepId: 'P4b',
      reason: 'the app stopped while this step ran',
      at,
    });
    const refuse = trainee.refuseConfirmation((text) => text === 'Run P4b again from its start?');
    const refused = await run('P4b');
    refuse();
    expect(refused).toMatchObject({ status: 'failed' });
    expect(refused.reason).toMatch(
      /^not run again after the interruption \(the app stopped while this step ran\)$/,
    );
    expect(trainee.told.at(-1)).toMatch(
      /^P4b was interrupted last time \(the app stopped while this step ran\)\. ORIG answers \(cms-orig\); (a tape is in its drive at file \d+, block \d+|its drive: )/,
    );
    expect(journal.state.steps.P4b.checkedItems).toEqual([]);
  });

  it('a migration with the wrong tape in the drive stops before anything is migrated', async () => {
    const { run, trainee, journal } = session();
    for (const stepId of ['P4b', 'D1'] as const) expect((await run(stepId)).status).toBe('passed');

    trainee.on('D2:admin-tape-inserted', (h) => h.moveTape('DDS4-02', 'NEW'));
    const wrong = await run('D2');
    expect(wrong.status).toBe('failed');
    expect(wrong.reason).toMatch(
      /^wrong tape in the drive of NEW: it holds DDS4-02, the Full maintenance backup of ORIG \(day before\); this step needs the Admin-only maintenance backup of ORIG \(upgrade day, step 1\) \(DDS4-03\)\. Take it out and insert DDS4-03; nothing was read from it\. \(Volume label CMSORIG-\d{6}-\d{2}-LSAC-00-F-01: the tape holds LSAC-F; ADMIN-ORIG must be XSMC-F\)$/,
    );
    expect(journal.state.migrations).toEqual([]);
    expect((await pair().store.read()).hosts.new.migrations).toEqual([]);

    // The second attempt: the trainee says Run was selected for agent/call center admin data but forgot
    // it. The run is recorded when they say so; the log says nothing of it, so they judge it.
    trainee.on('D2:admin-tape-inserted', (h) => h.moveTape('DDS4-03', 'NEW'));
    trainee.on('D2:migrate-agent-admin', async () => undefined);
    trainee.judgeWith((reading) =>
      reading.about.startsWith('R3 Migrate of Agent/Call Center Admin data')
        ? { verdict: 'looks-wrong', reason: 'the Status field shows nothing: Run was never selected' }
        : undefined,
    );
    const half = await run('D2');
    expect(half.status).toBe('failed');
    expect(half.reason).toContain(
      'Agent/Call Center Admin data ran on NEW and was judged wrong by the technician (the Status field shows nothing: Run was never selected)',
    );
    expect(trainee.judged.filter((j) => !j.reading.difference).map((j) => j.reading.raw)).toEqual([
      '(nothing was added to /cms/migrate/r3mig.log while it ran)',
    ]);
    expect(journal.state.migrations.map((m) => [m.dataType, m.outcome])).toEqual([
      ['system-admin', 'succeeded'],
      ['agent-call-center-admin', 'judged-wrong'],
    ]);

    // The third attempt asks for neither migration again: the one that went wrong needs CMS set up again.
    const never = async () => {
      throw new Error('the runner asked for a migration a second time');
    };
    trainee.on('D2:migrate-system-admin', never);
    trainee.on('D2:migrate-agent-admin', never);
    const again = await run('D2');
    expect({ status: again.status, attempts: again.attempts }).toEqual({ status: 'failed', attempts: 3 });
    expect(again.reason).toMatch(
      /^Agent\/Call Center Admin data ran on NEW \(D2, tape DDS4-03, .*\) and did not succeed \(the Status field shows nothing: Run was never selected\)\. Migrating it again into this CMS setup may cause catastrophic errors/,
    );
    expect(trainee.told).toContainEqual(
      expect.stringContaining(
        'System Administration data already migrated on NEW in this CMS setup: do NOT migrate again',
      ),
    );
    expect((await pair().store.read()).hosts.new.cmsDamaged).toBe(false);
    expect(journal.state.migrations).toHaveLength(2);
  });
});
