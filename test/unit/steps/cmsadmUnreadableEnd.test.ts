import { describe, expect, it } from 'vitest';
import { createSessionFolder } from '../../../electron/journal/sessionFolders.ts';
import { SessionJournal } from '../../../electron/journal/sessionJournal.ts';
import type { RemoteHost } from '../../../electron/ssh/remoteHost.ts';
import type { ExecResult, PtyChannel, PtyEnd } from '../../../electron/ssh/sshConnection.ts';
import { cmsadmBackups } from '../../../electron/steps/backupSteps.ts';
import { StepContext } from '../../../electron/steps/stepContext.ts';
import { ScenarioBuilder } from '../../support/sessionScenario.ts';
import { useTempDirs } from '../../support/tempDir.ts';
import { Hands, TrainingTechnician } from '../../support/trainingTechnician.ts';

const tempDir = useTempDirs();

/** The manual's menu line for the backup, then a console whose ending nobody here has seen (invented). */
const MENU =
  '  1) acd_create      Define a new ACD\n  2) backup          Filesystem backup\nEnter choice (1-2) or q to quit: ';
const INSERT =
  'Please insert the first cartridge tape into /dev/rmt/0.\nPress ENTER when ready or Del to quit:^?';

/**
 * A cmsadm that answers the app's keystrokes as scripted, printing `ending` after the tape is in; the
 * drive (read before the write) holds a blank tape.
 */
function scriptedCmsadm(ending: string, driveStart = '0+0 records in\n0+0 records out\n'): RemoteHost {
  return {
    exec: async (command): Promise<ExecResult> => {
      if (command.startsWith('dd '))
        return { kind: 'exited', code: 0, signal: null, stdout: '', stderr: driveStart };
      const stdout = command === 'uname -n' ? 'cms-orig\n' : '   VERSION:  r3v9ak.g\n';
      return { kind: 'exited', code: 0, signal: null, stdout, stderr: '' };
    },
    openPty: async (command): Promise<PtyChannel> => {
      const listeners = new Set<(text: string) => void>();
      let end: (value: PtyEnd) => void = () => undefined;
      const ended = new Promise<PtyEnd>((resolve) => (end = resolve));
      const print = (text: string) => setImmediate(() => listeners.forEach((listener) => listener(text)));
      if (command?.includes('br_check')) {
        print('br_check: /dev/rmt/0c does not hold a CMS backup volume\n');
        setTimeout(() => end({ kind: 'exited', code: 1 }), 20);
      } else print(MENU);
      return {
        write: (text) => {
          if (text.trim() === '2') print(INSERT);
          else if (text === '\r' || text === '\n') {
            print(ending);
            setTimeout(() => end({ kind: 'exited', code: 0 }), 20);
          }
        },
        onData: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        ended,
        close: () => end({ kind: 'exited', code: null }),
      };
    },
  };
}

async function runP4aWith(ending: string, verdict: 'looks-right' | 'looks-wrong', driveStart?: string) {
  const journal = await SessionJournal.open(
    await createSessionFolder(await tempDir(), 'Cmsadm', '2026-12-02'),
  );
  const scenario = new ScenarioBuilder().created().add({
    type: 'server-configured',
    server: 'ORIG',
    host: 'cms-orig.example',
    port: 22,
    user: 'root',
    platform: null,
    cmsVersion: null,
    tapeDevice: '/dev/rmt/0',
    legacyAlgorithms: false,
  });
  for (const stepId of ['P1', 'P2', 'P3a', 'P3b'] as const) scenario.completeStep(stepId);
  scenario.add({ type: 'step-started', stepId: 'P4a' });
  for (const event of scenario.events) await journal.append(event);
  const trainee = new TrainingTechnician(
    new Hands(() => Promise.reject(new Error('no hands here'))),
  ).judgeWith((reading) =>
    reading.about === 'The end of the CMSADM backup of ORIG' || reading.about.startsWith('The first bytes')
      ? { verdict, reason: verdict === 'looks-right' ? 'verified, same block count' : 'no verification' }
      : undefined,
  );
  trainee.answerFirst((_question, request) =>
    request?.kind === 'insert-tape' && request.purpose === 'write' ? 'DDS4-01' : null,
  );
  const context = new StepContext('P4a', journal, async () => scriptedCmsadm(ending, driveStart), trainee);
  const outcome = await cmsadmBackups(context, [{ server: 'ORIG', role: 'CMSADM-ORIG' }]).then(
    () => 'passed',
    (error: Error) => error.message,
  );
  const state = journal.state;
  await journal.close();
  return { outcome, state, trainee };
}

describe('a CMSADM backup whose ending the app cannot read', () => {
  it('is judged by the technician: looks right registers the tapes they named, with the CMS version from pkginfo', async () => {
    const { outcome, state, trainee } = await runP4aWith(
      '1843200 blocks\nverify ok (1843200)\nbackup done\n',
      'looks-right',
    );
    expect(outcome).toBe('passed');
    expect(trainee.judged.map((j) => j.reading.raw)).toEqual([expect.stringContaining('backup done')]);
    expect(state.tapes['DDS4-01']).toMatchObject({
      role: 'CMSADM-ORIG',
      cmsVersion: 'r3v9ak.g',
      verified: true,
      labelText: expect.stringContaining('CMSADM backup of cms-orig, tape 1 of 1'),
    });
    expect(state.steps.P4a.evidence.filter((e) => e.kind === 'verdict')).toHaveLength(1);
  });

  it('looks wrong fails the step with the technician’s reason, and registers nothing', async () => {
    const { outcome, state } = await runP4aWith('1843200 blocks\nbackup done\n', 'looks-wrong');
    expect(outcome).toMatch(
      /The end of the CMSADM backup of ORIG: judged wrong by the technician \(no verification\)/,
    );
    expect(state.tapes).toEqual({});
  });

  it('puts a drive it cannot read before the write to the technician, raw, and writes only on their word', async () => {
    // Not od's bytes: dd could not read the drive (an invented wording; any unknown text goes the same way).
    const unreadable = 'dd: /dev/rmt/0: read: Resource temporarily unavailable\n0+0 records in\n';
    const { outcome, trainee } = await runP4aWith(
      '1843200 blocks\nverify ok (1843200)\nbackup done\n',
      'looks-right',
      unreadable,
    );
    expect(outcome).toBe('passed');
    expect(trainee.judged[0]!.reading).toMatchObject({
      about:
        'The first bytes of the tape in the drive of ORIG, before the tape 1 of the CMSADM backup of ORIG (day before) is written (dd | od)',
      raw: unreadable,
    });
  });

  it('a failure the app recognises fails on its own, without a verdict', async () => {
    const { outcome, trainee } = await runP4aWith(
      '/dev/rmt/0: write protected or reserved.\n',
      'looks-right',
    );
    expect(outcome).toMatch(/write-protected/);
    expect(trainee.judged).toEqual([]);
  });
});
