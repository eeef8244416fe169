import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionJournal } from '../../../electron/journal/sessionJournal.ts';
import { SIM_ROOT_PASSWORD } from '../../../electron/simulator/programs/su.ts';
import type { JsonlQuestion } from '../../../electron/cli/jsonlTechnician.ts';
import type { TechnicianRequest } from '../../../electron/ssh/dialogEngine.ts';
import type { SshConnection } from '../../../electron/ssh/sshConnection.ts';
import { STEP_IDS, type ServerRole, type StepId } from '../../../shared/procedure/types.ts';
import type { Verdict } from '../../../shared/session/sessionEvents.ts';
import { cmsHaJsonl } from '../../support/cmsHaJsonl.ts';
import { CLI_ENV, CMS_HA_CLI as CLI } from '../../support/runCmsHa.ts';
import { skipWithoutSshd, TEST_PASSWORD, TEST_USER, useSimulatedPairBehindSshd } from '../../support/sshd.ts';
import { MANUAL_MIGRATIONS, manualFollowingTrainee, reusableLogins } from '../../support/trainingRun.ts';
import { Hands, type TrainingTechnician } from '../../support/trainingTechnician.ts';

const skip = skipWithoutSshd('unfamiliarPair');
const execCli = promisify(execFile);

/**
 * `cms-ha run <step> --technician jsonl`, each question answered by the trainee as a support script
 * would bridge it: confirmations do the checklist item's work on the pair, tapes are named, verdicts given.
 */
async function runStepAsScript(
  directory: string,
  stepId: StepId,
  trainee: TrainingTechnician,
): Promise<{ code: number; stderr: string; questions: JsonlQuestion[] }> {
  const run = await cmsHaJsonl(
    [
      'run',
      directory,
      stepId,
      '--password-env',
      'LOGIN_PW',
      '--root-password-env',
      'ROOT_PW',
      '--accept-new-host-key',
    ],
    { LOGIN_PW: TEST_PASSWORD, ROOT_PW: SIM_ROOT_PASSWORD },
    (question) => answerAsTrainee(trainee, question),
  );
  return { code: run.code, stderr: run.stderr, questions: run.lines };
}

async function answerAsTrainee(
  trainee: TrainingTechnician,
  question: JsonlQuestion,
): Promise<boolean | string | Verdict | null> {
  switch (question.kind) {
    case 'tell':
      trainee.tell(question.text);
      return null;
    case 'confirm':
      return trainee.confirm(
        question.text,
        question.item ? { stepId: question.step, itemId: question.item } : undefined,
      );
    case 'verdict':
      return trainee.judge(question.server ?? null, {
        about: question.text,
        lookFor: question.lookFor ?? '',
        raw: question.raw ?? '',
      });
    default: {
      const request: TechnicianRequest | undefined = question.tape
        ? {
            kind: 'insert-tape',
            purpose: question.tape.wants === 'blank' ? 'write' : 'verify',
            tapeNumber: question.tape.tapeNumber,
            device: question.tape.device,
          }
        : question.signOffBy
          ? { kind: 'sign-off', party: question.signOffBy }
          : undefined;
      return trainee.ask(question.text, request);
    }
  }
}

describe.skipIf(skip)(
  'the whole procedure against the unfamiliar pair, root by su only, driven as a script',
  () => {
    const pair = useSimulatedPairBehindSshd();
    let root = '';
    let directory = '';
    const connections = new Map<ServerRole, Promise<SshConnection>>();

    beforeAll(async () => {
      await pair().store.update((state) => {
        state.outputs = 'unfamiliar';
        state.rootLogin = 'refused';
      });
      root = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-unfamiliar-'));
      const { stdout } = await execCli(
        process.execPath,
        [
          CLI,
          'session',
          'new',
          root,
          '--site',
          'Unfamiliar site',
          '--technician',
          'Trainee',
          '--training',
          '--orig',
          `${TEST_USER}@127.0.0.1:${pair().orig.port}`,
          '--new',
          `${TEST_USER}@127.0.0.1:${pair().neu.port}`,
          '--orig-platform',
          'blade100',
          '--new-platform',
          'blade150',
          '--legacy',
          '--su',
        ],
        { env: CLI_ENV },
      );
      directory = stdout.trim();
    });
    afterAll(async () => {
      for (const connection of connections.values()) (await connection.catch(() => null))?.close();
      await rm(root, { recursive: true, force: true });
    });

    it(
      'passes every step with the technician judging what the app cannot read, each migration journaled once',
      { timeout: 600_000 },
      async () => {
        const connect = reusableLogins(pair, connections);
        let current: StepId = 'P1';
        const hands = new Hands(connect);
        const judgedRaw: string[] = [];
        const trainee = manualFollowingTrainee(hands, () => current).judgeWith((reading) => {
          judgedRaw.push(reading.raw);
          return /NOT OK/.test(reading.raw)
            ? { verdict: 'looks-wrong', reason: 'the console reports a failure' }
            : { verdict: 'looks-right', reason: 'read on the console: it ran and reported no error' };
        });
        // The trainee copies a volume label from the screen, and names the tape in a drive from its cartridge.
        trainee.answerFirst(async (question) => {
          if (question.startsWith('The volume label of this backup'))
            return /VOLUME (\S+)/.exec(trainee.judged.at(-1)!.reading.raw)?.[1] ?? null;
          const drive = /^Which tape is in the drive of (ORIG|NEW)\?/.exec(question)?.[1];
          if (!drive) return null;
          const listing = await hands.run('ORIG', 'simctl tapes');
          const held = drive === 'ORIG' ? 'cms-orig /dev/rmt/0' : 'cms-new /dev/rmt/0';
          return (
            listing
              .split('\n')
              .find((line) => line.endsWith(held))
              ?.split('\t')[0] ?? null
          );
        });
        await hands.moveTape('DDS4-08', 'ORIG');
        await hands.moveTape('DDS4-01', 'NEW');
        const asked: JsonlQuestion[] = [];
        for (const stepId of STEP_IDS) {
          current = stepId;
          const run = await runStepAsScript(directory, stepId, trainee);
          asked.push(...run.questions);
          expect({ stepId, code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({
            stepId,
            code: 0,
            stderr: '',
          });
          if (stepId === 'P2') {
            await hands.eject('ORIG');
            await hands.eject('NEW');
          }
        }

        const journal = await SessionJournal.open(directory);
        try {
          const state = journal.state;
          // Root came by su: the login user is not root, and the root password was never asked on stdout.
          expect(state.servers.ORIG?.rootAccess).toBe('su');
          expect(asked.filter((q) => q.kind === 'secret')).toEqual([]);
          // Each migration is journaled exactly once, none asked for twice.
          expect(state.migrations.map((m) => `${m.stepId} ${m.server} ${m.dataType} ${m.tapeId}`)).toEqual(
            MANUAL_MIGRATIONS,
          );
          expect(state.migrations.every((m) => m.outcome === 'judged-right')).toBe(true);
          // What the app could not read went to the technician: br_check, r3mig.log, the restore log.
          const verdicts = STEP_IDS.flatMap((id) =>
            state.steps[id].evidence.flatMap((e) =>
              e.kind === 'verdict' ? [`${id}: ${e.reading.about}`] : [],
            ),
          );
          expect(verdicts.some((v) => /^D2: .*migrat/i.test(v))).toBe(true);
          expect(verdicts.some((v) => /^D10: .*restore/i.test(v))).toBe(true);
          expect(verdicts.some((v) => /br_check|volume|tape/i.test(v))).toBe(true);
          expect(judgedRaw.some((raw) => /rs_hist\.log|restore\.log could not be read/.test(raw))).toBe(true);
          // The report lists the technician's verdicts as deviations.
          const reportFile = path.join(root, 'report.json');
          await execCli(
            process.execPath,
            [CLI, 'report', directory, '--format', 'json', '--out', reportFile],
            { env: CLI_ENV },
          );
          const report = JSON.parse(await readFile(reportFile, 'utf8')) as {
            report: { deviations: { kind: string }[] };
          };
          expect(report.report.deviations.filter((d) => d.kind === 'verdict').length).toBe(verdicts.length);
          // The root password is in no file of the session.
          for (const file of await readdir(directory, { recursive: true })) {
            const text = await readFile(path.join(directory, file)).catch(() => Buffer.alloc(0));
            expect(text.includes(SIM_ROOT_PASSWORD)).toBe(false);
          }
        } finally {
          await journal.close();
        }
      },
    );
  },
);
