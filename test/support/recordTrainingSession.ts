import { testInstallationKey } from '../support/installationKey.ts';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppService } from '../../electron/app/appService.ts';
import type { ApiEvent, ApiEventPayload } from '../../shared/ipc/apiContract.ts';
import { STEP_IDS, type ServerRole, type StepId } from '../../shared/procedure/types.ts';
import { connect } from './sshClient.ts';
import { manualFollowingTrainee } from './trainingRun.ts';
import { Hands } from './trainingTechnician.ts';

/** Where the recorded full training run lives; `npm run record:training-session` writes it again. */
export const RECORDED_SESSION = path.resolve(import.meta.dirname, '../fixtures/sessions/full-training-run');

/**
 * Runs the whole procedure in a training session through the app core, answering its questions the
 * way the manual-following trainee does, and leaves the session folder (journal and transcripts) in
 * `destination`. The run includes one deviation of each kind a report must show.
 */
export async function recordFullTrainingSession(destination: string): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-record-'));
  let current: StepId = 'P1';
  let trainee: ReturnType<typeof manualFollowingTrainee> | null = null;
  const answering: Promise<unknown>[] = [];
  const service: AppService = new AppService(
    root,
    <E extends ApiEvent>(event: E, payload: ApiEventPayload<E>) => {
      if (event !== 'technician.question') return;
      const question = payload as ApiEventPayload<'technician.question'>;
      answering.push(
        (async () => {
          let answer: string | boolean | null;
          if (question.hostKey) answer = true;
          else if (question.kind === 'confirm')
            answer = await trainee!.confirm(question.text, {
              stepId: current,
              itemId: question.checklistItem ?? '',
            });
          else
            answer = await trainee!.ask(
              question.text,
              question.tape ? { kind: 'insert-tape', ...question.tape } : undefined,
            );
          await service.handlers['technician.answer']({ questionId: question.id, answer });
        })(),
      );
    },
    { installationKey: await testInstallationKey() },
  );
  try {
    const { directory } = await service.handlers['session.create']({
      site: 'Acme Contact Centre, Leeds',
      technician: 'R. Tech',
      customerContact: 'J. Admin, +44 113 496 0000',
      training: true,
    });
    await service.handlers['session.open']({ directory });
    const { ports } = await service.handlers['training.connect']({});
    const connections = new Map<ServerRole, ReturnType<typeof connect>>();
    const hands = new Hands((server) => {
      if (!connections.has(server))
        connections.set(server, connect(ports[server], 'root', { password: 'cms' }));
      return connections.get(server)!;
    });
    trainee = manualFollowingTrainee(hands, () => current);
    await hands.moveTape('DDS4-08', 'ORIG');
    await hands.moveTape('DDS4-01', 'NEW');
    for (const stepId of STEP_IDS) {
      current = stepId;
      if (stepId === 'D2') {
        // A deviation to report: the full backup tape picked up instead of the admin tape.
        trainee.on('D2:admin-tape-inserted', (h) => h.moveTape('DDS4-02', 'NEW'));
        const wrong = await service.handlers['step.run']({ stepId });
        if (wrong.status !== 'failed') throw new Error(`D2 with the wrong tape ended ${wrong.status}`);
        trainee.on('D2:admin-tape-inserted', (h) => h.moveTape('DDS4-03', 'NEW'));
      }
      const result = await service.handlers['step.run']({ stepId });
      if (result.status !== 'passed') throw new Error(`${stepId} ${result.status}: ${result.reason}`);
      if (stepId === 'P2') {
        await hands.eject('ORIG');
        await hands.eject('NEW');
      }
      await service.handlers['step.signOff']({ stepId, initials: 'RT' });
    }
    await Promise.all(answering);
    await service.handlers['note.add']({
      stepId: 'D10',
      text: 'Customer asked for the restore log to be kept.',
    });
    await service.handlers['tape.update']({ tapeId: 'DDS4-05', labelled: true });
    await service.handlers['tape.move']({ tapeId: 'DDS4-05', to: { kind: 'customer' } });
    for (const connection of connections.values()) (await connection).close();
    await service.close();
    await rm(destination, { recursive: true, force: true });
    await cp(directory, destination, { recursive: true });
  } finally {
    await service.close();
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) {
  await recordFullTrainingSession(process.argv[2] ?? RECORDED_SESSION);
  console.log(`Recorded a full training run in ${process.argv[2] ?? RECORDED_SESSION}`);
}
