import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { JournaledTapeBox } from '../../electron/core/journaledTapeBox.ts';
import { TrainingDesk } from '../../electron/simulator/trainingDesk.ts';
import { createSessionFolder } from '../../electron/journal/sessionFolders.ts';
import { SessionJournal } from '../../electron/journal/sessionJournal.ts';
import type { SshConnection } from '../../electron/ssh/sshConnection.ts';
import { runProcedureStep } from '../../electron/steps/procedureRunner.ts';
import { StepContext } from '../../electron/steps/stepContext.ts';
import type { ServerRole, StepId } from '../../shared/procedure/types.ts';
import type { StepRun } from '../../shared/session/sessionState.ts';
import type { SimulatedPairBehindSshd } from './sshd.ts';
import { CMS_KEYS } from './cmsKeys.ts';
import { Hands, TrainingTechnician } from './trainingTechnician.ts';

/** Which blank tape the trainee inserts for each backup: DDS4-01 CMSADM ORIG … DDS4-07 final CMSADM ORIG. */
export const BACKUP_TAPES: Record<string, string> = {
  'P4a:ORIG': 'DDS4-01',
  'P4b:ORIG': 'DDS4-02',
  'D1:ORIG': 'DDS4-03',
  'D5:ORIG': 'DDS4-04',
  'D9:NEW': 'DDS4-05',
  'D11:NEW': 'DDS4-06',
  'D11:ORIG': 'DDS4-07',
};

/** A trainee who works through the whole procedure on the simulated pair the way the manual says. */
export function manualFollowingTrainee(hands: Hands, currentStep: () => StepId): TrainingTechnician {
  return (
    new TrainingTechnician(hands)
      // D4 reads Data Collection on NEW, which D2 left in single user mode: the app does not log in to
      // CMS then, and the trainee reads the window in a terminal.
      .judgeWith((reading) => {
        if (!/single user mode/.test(reading.raw) || !reading.about.startsWith('The Data Collection window'))
          return undefined;
        return { verdict: 'looks-right', reason: 'System Setup > Data Collection shows every ACD on' };
      })
      // The pair's one difference the manual does not settle: NEW runs a later Solaris release than ORIG.
      .judgeWith((reading) =>
        /^Solaris release of ORIG and NEW, compared before D[28]$/.test(reading.about)
          ? {
              verdict: 'looks-right',
              reason: 'NEW is installed on the Solaris release its platform ships with',
            }
          : undefined,
      )
      .on('P4b:full-backup-run', async (h) => {
        await h.moveTape('DDS4-02', 'ORIG');
        await h.cms('ORIG', CMS_KEYS.fullBackup);
      })
      .on('D1:admin-backup-run', async (h) => {
        await h.moveTape('DDS4-03', 'ORIG');
        await h.cms('ORIG', CMS_KEYS.adminOnlyBackup);
      })
      .on('D2:single-user-mode', async (h) => void (await h.cms('NEW', CMS_KEYS.singleUser)))
      .on('D2:admin-tape-inserted', (h) => h.moveTape('DDS4-03', 'NEW'))
      .on('D2:migrate-system-admin', async (h) => void (await h.cms('NEW', CMS_KEYS.migrateSystemAdmin)))
      .on('D2:migrate-agent-admin', async (h) => void (await h.cms('NEW', CMS_KEYS.migrateAgentAdmin)))
      .on('D5:incremental-backup-run', async (h) => {
        await h.moveTape('DDS4-04', 'ORIG');
        await h.cms('ORIG', CMS_KEYS.incrementalBackup);
      })
      .on('D6:cue-upgrade-done', async (h) => void (await h.run('ORIG', 'simctl cue-upgrade r3v11ak.g')))
      .on('D7:incremental-tape-inserted', (h) => h.moveTape('DDS4-04', 'NEW'))
      .on(
        'D7:migrate-historical-incremental',
        async (h) => void (await h.cms('NEW', CMS_KEYS.migrateHistorical)),
      )
      .on('D7:full-tape-inserted', (h) => h.moveTape('DDS4-02', 'NEW'))
      .on('D7:migrate-historical-full', async (h) => void (await h.cms('NEW', CMS_KEYS.migrateHistorical)))
      .on('D8:admin-tape-inserted', (h) => h.moveTape('DDS4-03', 'ORIG'))
      .on('D8:single-user-mode', async (h) => void (await h.cms('ORIG', CMS_KEYS.singleUser)))
      .on('D8:migrate-admin-back', async (h) => void (await h.cms('ORIG', CMS_KEYS.migrateAdminBack)))
      .on('D8:multi-user-mode', async (h) => void (await h.cms('ORIG', CMS_KEYS.multiUser)))
      .on('D9:full-backup-run', async (h) => {
        await h.moveTape('DDS4-05', 'NEW');
        await h.cms('NEW', CMS_KEYS.fullBackup);
      })
      .on('D10:full-new-inserted', (h) => h.moveTape('DDS4-05', 'ORIG'))
      .on('D10:restore-run', async (h) => void (await h.cms('ORIG', CMS_KEYS.restoreHistoricalAndNonCms)))
      .answer(async (question, request) => {
        if (request?.kind === 'insert-tape' && request.purpose === 'write') {
          const server: ServerRole = question.startsWith('NEW') ? 'NEW' : 'ORIG';
          const tape = BACKUP_TAPES[`${currentStep()}:${server}`]!;
          await hands.moveTape(tape, server);
          return tape;
        }
        if (request?.kind === 'insert-tape') return '';
        if (question.startsWith('Id written on the cartridge in the drive')) {
          const drive = currentStep() === 'D9' ? 'cms-new /dev/rmt/0' : 'cms-orig /dev/rmt/0';
          const listing = await hands.run('ORIG', 'simctl tapes');
          return listing
            .split('\n')
            .find((line) => line.endsWith(drive))!
            .split('\t')[0]!;
        }
        if (question.startsWith('Which server is the primary')) return '';
        if (question.startsWith('Cut-off time')) return '2026-11-24T07:00:00+01:00[Europe/Paris]';
        if (question.startsWith('How long may the outage window last')) return '4:00';
        // The training session offers to have the next interval archive happen now.
        if (question.startsWith('Press Enter to check the archiving status again'))
          return question.includes('type "now"') ? 'now' : '';
        return null;
      })
  );
}

/** The migrations of an upgrade done as the manual says, in order: `step server data-type tape`. */
export const MANUAL_MIGRATIONS = [
  'D2 NEW system-admin DDS4-03',
  'D2 NEW agent-call-center-admin DDS4-03',
  'D7 NEW historical DDS4-04',
  'D7 NEW historical DDS4-02',
  'D8 ORIG system-admin DDS4-03',
  'D8 ORIG agent-call-center-admin DDS4-03',
];

/** One login per server to the pair (as the test user), replaced once it is lost, as the app's reconnecting link would. */
export function reusableLogins(
  pair: () => SimulatedPairBehindSshd,
  connections: Map<ServerRole, Promise<SshConnection>>,
): (server: ServerRole) => Promise<SshConnection> {
  return async (server) => {
    const cached = await connections.get(server)?.catch(() => null);
    if (cached && !cached.lost) return cached;
    const connection = pair().login(server === 'ORIG' ? 'orig' : 'new');
    connections.set(server, connection);
    return connection;
  };
}

export interface TrainingSession {
  journal: SessionJournal;
  /** The training tape box, journaling every move; `desk` is what the simulator knows of the tapes. */
  box: JournaledTapeBox;
  desk: TrainingDesk;
  hands: Hands;
  trainee: TrainingTechnician;
  connect(server: ServerRole): Promise<SshConnection>;
  /** Runs a step from the core, as the app would, with this session's trainee. */
  run(stepId: StepId): Promise<StepRun>;
}

/**
 * The steps before the first maintenance backup, as the trainee does them: a tape in each drive for
 * P2's check, both drives emptied again, then P4a's CMSADM backup. Throws on the first step not passed.
 */
export async function passUpToP4a(session: TrainingSession): Promise<void> {
  await passUpToP3b(session);
  await passStep(session.run, 'P4a');
}

/** P1 to P3b as the trainee does them, both drives empty at the end. */
export async function passUpToP3b({ hands, run }: TrainingSession): Promise<void> {
  await hands.moveTape('DDS4-08', 'ORIG');
  await hands.moveTape('DDS4-01', 'NEW');
  for (const stepId of ['P1', 'P2', 'P3a', 'P3b'] as const) await passStep(run, stepId);
  await hands.eject('ORIG');
  await hands.eject('NEW');
}

async function passStep(run: TrainingSession['run'], stepId: StepId): Promise<void> {
  const ended = await run(stepId);
  if (ended.status !== 'passed') throw new Error(`${stepId} ended ${ended.status}: ${ended.reason}`);
}

/** A fresh training session on the simulated pair for the enclosing describe: journal, servers, a trainee. */
export function useTrainingSession(pair: () => SimulatedPairBehindSshd): () => TrainingSession {
  let session: TrainingSession | undefined;
  let root = '';
  let stopWatching = () => {};
  const connections = new Map<ServerRole, Promise<SshConnection>>();
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-run-'));
    const journal = await SessionJournal.open(await createSessionFolder(root, 'Training pair', '2026-11-23'));
    const at = new Date().toISOString();
    await journal.append({
      type: 'session-created',
      site: 'Training pair',
      technician: 'Trainee',
      customerContact: '',
      training: true,
      at,
    });
    for (const [server, platform] of [
      ['ORIG', 'blade100'],
      ['NEW', 'blade150'],
    ] as const) {
      await journal.append({
        type: 'server-configured',
        server,
        host: '127.0.0.1',
        port: server === 'ORIG' ? pair().orig.port : pair().neu.port,
        user: 'cmsha-test',
        platform,
        cmsVersion: null,
        tapeDevice: '/dev/rmt/0',
        legacyAlgorithms: true,
        at,
      });
    }
    const connect = reusableLogins(pair, connections);
    let current: StepId = 'P1';
    const desk = new TrainingDesk(pair().store);
    const box = new JournaledTapeBox(
      () => Promise.resolve(desk),
      () => journal,
    );
    stopWatching = box.watchRegistrations();
    const hands = new Hands(connect, box);
    const trainee = manualFollowingTrainee(hands, () => current);
    session = {
      journal,
      box,
      desk,
      hands,
      trainee,
      connect,
      run: (stepId) => {
        current = stepId;
        return runProcedureStep(new StepContext(stepId, journal, connect, trainee));
      },
    };
  });
  afterAll(async () => {
    stopWatching();
    for (const connection of connections.values()) (await connection.catch(() => null))?.close();
    await session?.journal.close();
    await rm(root, { recursive: true, force: true });
  });
  return () => {
    if (!session) throw new Error('the training session is not set up');
    return session;
  };
}
