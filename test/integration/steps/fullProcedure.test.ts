import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SessionJournal } from '../../../electron/journal/sessionJournal.ts';
import { STEP_IDS } from '../../../shared/procedure/types.ts';
import { describePlace, type TapePlace } from '../../../shared/session/tapePlace.ts';
import { skipWithoutSshd, useSimulatedPairBehindSshd } from '../../support/sshd.ts';
import { comparisonOf } from '../../../shared/procedure/serverComparison.ts';
import { MANUAL_MIGRATIONS, useTrainingSession } from '../../support/trainingRun.ts';

const skip = skipWithoutSshd('fullProcedure');

describe.skipIf(skip)('the whole procedure, P1 to D11, on the simulated pair behind real sshd', () => {
  const pair = useSimulatedPairBehindSshd();
  const session = useTrainingSession(pair);

  it(
    'runs every step from the core with the right tape for each, and journals it all',
    { timeout: 300_000 },
    async () => {
      const { box, desk, hands, journal, run, trainee } = session();
      // P2 asks for a tape in each drive before it reads them: the trainee loads them when asked.
      trainee
        .on('P2:tape-loaded-orig', (h) => h.moveTape('DDS4-08', 'ORIG'))
        .on('P2:tape-loaded-new', (h) => h.moveTape('DDS4-01', 'NEW'));
      for (const stepId of STEP_IDS) {
        const result = await run(stepId);
        expect({ stepId, status: result.status, reason: result.reason }).toEqual({
          stepId,
          status: 'passed',
          reason: null,
        });
        // The register's places and switches are the simulator's own, after every step.
        await box.settled();
        const truth = await desk.tapes();
        const registered = Object.values(journal.state.tapes);
        expect({
          stepId,
          tapes: registered.map(
            (tape) => `${tape.id} ${describePlace(tape.place)} protected=${tape.writeProtected}`,
          ),
        }).toEqual({
          stepId,
          tapes: registered.map((tape) => {
            const real = truth.find((candidate) => candidate.id === tape.id)!;
            const place: TapePlace = real.drive ? { kind: 'drive', server: real.drive } : { kind: 'desk' };
            return `${tape.id} ${describePlace(place)} protected=${real.writeProtected}`;
          }),
        });
        if (stepId === 'P4a') {
          // The backup's progress as the console reported it: tape by tape, then the block count.
          expect(trainee.progressReports.map((p) => `${p.server}: ${p.text}`)).toEqual([
            'ORIG: Starting the CMSADM backup',
            'ORIG: Writing tape 1',
            'ORIG: 1843200 blocks written; verifying the tapes',
            'ORIG: Backup written and verified: 1843200 blocks',
          ]);
          expect(trainee.progressReports.at(-1)!.blocks).toBe(1_843_200);
        }
        if (stepId === 'P2') {
          await hands.eject('ORIG');
          await hands.eject('NEW');
        }
      }

      const state = journal.state;
      expect(Object.values(state.tapes).map((t) => [t.role, t.id, t.producedBy])).toEqual([
        ['CMSADM-ORIG', 'DDS4-01', 'P4a'],
        ['FULL-ORIG', 'DDS4-02', 'P4b'],
        ['ADMIN-ORIG', 'DDS4-03', 'D1'],
        ['INCR-ORIG', 'DDS4-04', 'D5'],
        ['FULL-NEW', 'DDS4-05', 'D9'],
        ['CMSADM-NEW', 'DDS4-06', 'D11'],
        ['CMSADM-ORIG-FINAL', 'DDS4-07', 'D11'],
      ]);
      expect(state.tapes['DDS4-03']!.labelText).toMatch(/^CMSORIG-\d{6}-\d{2}-XSMC-00-F-01$/);
      expect(state.tapes['DDS4-07']!.labelText).toMatch(
        /^CMSADM backup of cms-orig, tape 1 of 1, \d{4}-\d{2}-\d{2}, CMS r3v11ak\.g$/,
      );
      expect(state.migrations.map((m) => `${m.stepId} ${m.server} ${m.dataType} ${m.tapeId}`)).toEqual(
        MANUAL_MIGRATIONS,
      );
      expect(state.servers.NEW?.haRole).toBe('primary');
      expect(state.clocks['outage-window'].endedAt).not.toBeNull();
      expect(state.notes.map((n) => n.text)).toContainEqual(
        expect.stringContaining('Cannot restore non-CMS data'),
      );
      // D3, D6 and D8 read their windows from the full-screen interface's rendered screen; D4 does not
      // log in to NEW, which D2 left in single user mode: the trainee judged its window instead.
      const parsedKinds = (stepId: 'D3' | 'D4' | 'D6' | 'D8', parser: string) =>
        state.steps[stepId].evidence.flatMap((e) =>
          e.kind === 'parsed' && e.parser === parser ? [(e.result as { kind: string }).kind] : [],
        );
      expect(parsedKinds('D3', 'archive-status')).toContain('recognised');
      expect(parsedKinds('D6', 'data-collection')).toEqual(['recognised']);
      expect(parsedKinds('D8', 'data-collection')).toEqual(['recognised']);
      expect(parsedKinds('D4', 'data-collection')).toEqual(['unrecognised']);
      // The servers held side by side before D2 (their Solaris releases differ: judged fine) and D8
      // (ORIG on NEW's release and version after its CUE upgrade: nothing to judge).
      expect(trainee.judged.map((j) => [j.reading.about, /single user mode/.test(j.reading.raw)])).toEqual([
        ['Solaris release of ORIG and NEW, compared before D2', false],
        ['The Data Collection window of NEW', true],
      ]);
      const compared = (stepId: 'D2' | 'D8') =>
        comparisonOf(
          state.steps[stepId].evidence.flatMap((e) =>
            e.kind === 'parsed' && e.parser === 'server-comparison' ? [e.result] : [],
          )[0],
        )!.rows.map((row) => row.outcome);
      expect(compared('D2')).toEqual([
        'differs',
        'not-compared',
        'expected',
        expect.any(String),
        'same',
        'same',
      ]);
      expect(compared('D8').filter((outcome) => outcome !== 'same' && outcome !== 'not-compared')).toEqual(
        [],
      );
      expect(state.steps.D2.checkedItems).toContain('storage-def-identical');
      expect(trainee.confirmations).not.toContain('D2:storage-def-identical');
      // What the app ran and checked itself is ticked without asking; only the trainee's own work is asked.
      const doneByTheApp = [
        'P4a:cmsadm-backup-run',
        'P4a:cmsadm-verified',
        'P4b:full-backup-br-check',
        'D1:admin-backup-br-check',
        'D5:incremental-br-check',
        'D11:cmsadm-new',
        'D11:cmsadm-orig',
      ];
      for (const key of doneByTheApp) {
        const [stepId, itemId] = key.split(':') as ['P4a', string];
        expect({ key, asked: trainee.confirmations.includes(key) }).toEqual({ key, asked: false });
        expect(state.steps[stepId].checkedItems).toContain(itemId);
      }
      expect(trainee.confirmations).toContain('P4a:cmsadm-labelled');
      // D3 waits for the next interval archive unless one has just finished: the training session
      // offers "now", and the trainee's "now" (no hands of its own) is what lets D3 pass then.
      for (const { question } of trainee.questions.filter((q) =>
        q.question.startsWith('Press Enter to check the archiving status again'),
      ))
        expect(question).toContain('type "now" to have the training server finish an interval archive now');
      const sim = await pair().store.read();
      expect([sim.hosts.orig.cmsLogins, sim.hosts.new.cmsLogins]).toEqual([[], []]);
      const d11Transcripts = state.steps.D11.evidence
        .filter((e) => e.kind === 'transcript')
        .map((e) => e.path);
      expect(d11Transcripts.sort()).toEqual(['transcripts/D11-NEW-1.log', 'transcripts/D11-ORIG-1.log']);
      expect(await readFile(path.join(journal.directory, 'transcripts/D11-ORIG-1.log'), 'utf8')).toContain(
        'Tape Verification',
      );

      const reopened = await SessionJournal.open(journal.directory);
      expect(reopened.state).toEqual(state);
      await reopened.close();
    },
  );
});
