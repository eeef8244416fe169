import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionFolder } from '../../../electron/journal/sessionFolders.ts';
import { SessionJournal } from '../../../electron/journal/sessionJournal.ts';
import type { SshConnection } from '../../../electron/ssh/sshConnection.ts';
import { runProcedureStep } from '../../../electron/steps/procedureRunner.ts';
import { StepContext } from '../../../electron/steps/stepContext.ts';
import type { ServerRole, StepId } from '../../../shared/procedure/types.ts';
import { STEP_IDS } from '../../../shared/procedure/types.ts';
import { skipWithoutSshd, useSimulatedPairBehindSshd } from '../../support/sshd.ts';
import { CMS_KEYS, Hands, TrainingTechnician } from '../../support/trainingTechnician.ts';

const skip = skipWithoutSshd('fullProcedure');

describe.skipIf(skip)('the whole procedure, P1 to D11, on the simulated pair behind real sshd', () => {
  const pair = useSimulatedPairBehindSshd();
  const connections = new Map<ServerRole, Promise<SshConnection>>();
  const connect = (server: ServerRole) => {
    let connection = connections.get(server);
    if (!connection) {
      connection = pair().login(server === 'ORIG' ? 'orig' : 'new');
      connections.set(server, connection);
    }
    return connection;
  };
  let root = '';
  let journal: SessionJournal;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-run-'));
    journal = await SessionJournal.open(await createSessionFolder(root, 'Training pair', '2026-11-23'));
    const at = new Date().toISOString();
    await journal.append({
      type: 'session-created',
      site: 'Training pair',
      technician: 'Trainee',
      customerContact: '',
      training: true,
      at,
    });
    for (const [server, platform, version] of [
      ['ORIG', 'blade100', 'r3v9ak.g'],
      ['NEW', 'blade150', 'r3v11ak.g'],
    ] as const) {
      await journal.append({
        type: 'server-configured',
        server,
        host: '127.0.0.1',
        port: server === 'ORIG' ? pair().orig.port : pair().neu.port,
        user: 'cmsha-test',
        platform,
        cmsVersion: version,
        tapeDevice: '/dev/rmt/0',
        legacyAlgorithms: true,
        at,
      });
    }
  });
  afterAll(async () => {
    for (const connection of connections.values()) (await connection).close();
    await journal?.close();
    await rm(root, { recursive: true, force: true });
  });

  it(
    'runs every step from the core with the right tape for each, and journals it all',
    { timeout: 300_000 },
    async () => {
      const hands = new Hands(connect);
      const trainee = new TrainingTechnician(hands)
        // Day before
        .on('P4b:full-backup-run', async (h) => {
          await h.moveTape('DDS4-02', 'ORIG');
          await h.cms('ORIG', CMS_KEYS.fullBackup);
        })
        // Upgrade day
        .on('D1:admin-backup-run', async (h) => {
          await h.moveTape('DDS4-03', 'ORIG');
          await h.cms('ORIG', CMS_KEYS.adminOnlyBackup);
        })
        .on('D2:single-user-mode', (h) => h.cms('NEW', CMS_KEYS.singleUser).then(() => undefined))
        .on('D2:admin-tape-inserted', (h) => h.moveTape('DDS4-03', 'NEW'))
        .on('D2:migrate-system-admin', (h) => h.cms('NEW', CMS_KEYS.migrate('s')).then(() => undefined))
        .on('D2:migrate-agent-admin', (h) => h.cms('NEW', CMS_KEYS.migrate('g')).then(() => undefined))
        .on('D5:incremental-backup-run', async (h) => {
          await h.moveTape('DDS4-04', 'ORIG');
          await h.cms('ORIG', CMS_KEYS.incrementalBackup);
        })
        .on('D6:cue-upgrade-done', (h) => h.run('ORIG', 'simctl cue-upgrade r3v11ak.g').then(() => undefined))
        .on('D7:incremental-tape-inserted', (h) => h.moveTape('DDS4-04', 'NEW'))
        .on('D7:migrate-historical-incremental', (h) =>
          h.cms('NEW', CMS_KEYS.migrate('h')).then(() => undefined),
        )
        .on('D7:full-tape-inserted', (h) => h.moveTape('DDS4-02', 'NEW'))
        .on('D7:migrate-historical-full', (h) => h.cms('NEW', CMS_KEYS.migrate('h')).then(() => undefined))
        .on('D8:admin-tape-inserted', (h) => h.moveTape('DDS4-03', 'ORIG'))
        .on('D8:single-user-mode', (h) => h.cms('ORIG', CMS_KEYS.singleUser).then(() => undefined))
        .on('D8:migrate-admin-back', (h) => h.cms('ORIG', CMS_KEYS.migrate('sg')).then(() => undefined))
        .on('D8:multi-user-mode', (h) => h.cms('ORIG', CMS_KEYS.multiUser).then(() => undefined))
        .on('D9:full-backup-run', async (h) => {
          await h.moveTape('DDS4-05', 'NEW');
          await h.cms('NEW', CMS_KEYS.fullBackup);
        })
        .on('D10:full-new-inserted', (h) => h.moveTape('DDS4-05', 'ORIG'))
        .on('D10:restore-run', (h) =>
          h.cms('ORIG', CMS_KEYS.restoreHistoricalAndNonCms).then(() => undefined),
        )
        .answer(async (question, request) => {
          // CMSADM backups: a fresh tape for each server's tape 1; verification needs no swap (one tape each).
          if (request?.kind === 'insert-tape' && request.purpose === 'write') {
            const server: ServerRole = question.startsWith('NEW') ? 'NEW' : 'ORIG';
            const tapes: Record<string, string> = {
              'P4a:ORIG': 'DDS4-01',
              'D11:NEW': 'DDS4-06',
              'D11:ORIG': 'DDS4-07',
            };
            const tape = tapes[`${current}:${server}`]!;
            await hands.moveTape(tape, server);
            return tape;
          }
          if (request?.kind === 'insert-tape') return '';
          if (question.startsWith('Id written on this cartridge')) {
            const drive = current === 'D9' ? 'cms-new /dev/rmt/0' : 'cms-orig /dev/rmt/0';
            const listing = await hands.run('ORIG', 'simctl tapes');
            return listing
              .split('\n')
              .find((line) => line.endsWith(drive))!
              .split('\t')[0]!;
          }
          if (question.startsWith('Which server is the primary')) return '';
          if (question.startsWith('Cut-off time')) return '2026-11-24T07:00:00+01:00';
          if (question.startsWith('Press Enter to check the archiving status again')) {
            await hands.run('ORIG', 'simctl archive-now');
            return '';
          }
          return null;
        });
      let current: StepId = 'P1';

      await hands.moveTape('DDS4-08', 'ORIG');
      await hands.moveTape('DDS4-01', 'NEW');
      for (const stepId of STEP_IDS) {
        current = stepId;
        const run = await runProcedureStep(new StepContext(stepId, journal, connect, trainee));
        expect({ stepId, status: run.status, reason: run.reason }).toEqual({
          stepId,
          status: 'passed',
          reason: null,
        });
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
      expect(state.migrations.map((m) => `${m.stepId} ${m.server} ${m.dataType} ${m.tapeId}`)).toEqual([
        'D2 NEW system-admin DDS4-03',
        'D2 NEW agent-call-center-admin DDS4-03',
        'D7 NEW historical DDS4-04',
        'D7 NEW historical DDS4-02',
        'D8 ORIG system-admin DDS4-03',
        'D8 ORIG agent-call-center-admin DDS4-03',
      ]);
      expect(state.servers.NEW?.haRole).toBe('primary');
      expect(state.clocks['outage-window'].endedAt).not.toBeNull();
      expect(state.notes.map((n) => n.text)).toContainEqual(
        expect.stringContaining('Cannot restore non-CMS data'),
      );
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
