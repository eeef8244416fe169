import { testInstallationKey } from '../support/installationKey.ts';
import { TERMINAL_HIGH_WATER_CHARS } from '../../electron/core/sessionTerminals.ts';
import { reduceSession } from '../../shared/session/reduceSession.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/app/appService.ts';
import { TRAINING_SU_LOGIN } from '../../electron/core/trainingPair.ts';
import { HostKeyPins } from '../../electron/ssh/hostKeyPins.ts';
import { SshConnection } from '../../electron/ssh/sshConnection.ts';
import type { ApiEvent } from '../../shared/ipc/apiContract.ts';
import { openNewSession } from '../support/openSession.ts';
import { useTempDirs } from '../support/tempDir.ts';
import { answerFromEvent } from '../support/answerFromEvent.ts';

const tempDir = useTempDirs();

/** A new training session, opened. */
const openTrainingSession = (service: AppService, site: string) =>
  openNewSession(service, { site, training: true });

/** The app core with a technician who confirms everything and answers every question with Enter; every event kept. */
async function serviceSayingYes(): Promise<{
  service: AppService;
  events: { event: ApiEvent; payload: unknown }[];
}> {
  const events: { event: ApiEvent; payload: unknown }[] = [];
  const service: AppService = new AppService(
    await tempDir(),
    (event, payload) => {
      events.push({ event, payload });
      if (event === 'technician.question') {
        const question = payload as { id: string; kind: string; signOffBy?: string };
        answerFromEvent(
          service,
          question.id,
          question.kind === 'confirm' ? true : question.signOffBy ? `the ${question.signOffBy}` : '',
        );
      }
    },
    { installationKey: await testInstallationKey() },
  );
  return { service, events };
}

/** Everything a terminal printed so far, from the events the service emitted. */
function terminalOutput(events: readonly { event: string; payload: unknown }[], terminalId: string): string {
  return events
    .filter((e) => e.event === 'terminal.data')
    .map((e) => e.payload as { terminalId: string; data: string })
    .filter((data) => data.terminalId === terminalId)
    .map((data) => data.data)
    .join('');
}

describe('the app core behind the typed API', () => {
  it('opens a training session on the simulated pair at the first start, and the same one afterwards', async () => {
    const service = new AppService(await tempDir(), () => undefined, {
      installationKey: await testInstallationKey(),
      trainingWhenEmpty: true,
    });
    try {
      const first = await service.handlers['app.startup']({});
      expect(first.openDirectory).toMatch(/training-\d{4}-\d{2}-\d{2}$/);
      expect(await service.handlers['app.startup']({})).toEqual(first);
      const opened = await service.handlers['session.open']({ directory: first.openDirectory! });
      expect(opened.events.map((e) => e.type)).toEqual([
        'session-created',
        'server-configured',
        'server-configured',
      ]);
    } finally {
      await service.close();
    }
  });

  it('trains on the unfamiliar pair: root cannot log in, steps and terminals become root with su -', async () => {
    const { service, events } = await serviceSayingYes();
    try {
      await openTrainingSession(service, 'Su only');
      const { ports } = await service.handlers['training.connect']({ variant: 'unfamiliar' });
      const configured = events
        .filter((e) => e.event === 'session.event')
        .map((e) => (e.payload as { event: { type: string; user?: string; rootAccess?: string } }).event)
        .filter((event) => event.type === 'server-configured');
      expect(configured.map((event) => [event.user, event.rootAccess])).toEqual([
        ['cms', 'su'],
        ['cms', 'su'],
      ]);
      // As root over SSH the pair says no, whatever the password.
      await expect(
        SshConnection.connect({
          target: { host: '127.0.0.1', port: ports.ORIG, user: 'root', legacyAlgorithms: false },
          credentials: { password: 'cms' },
          questions: { confirmHostKey: async () => true, answerPrompts: async () => null },
          pins: new HostKeyPins(),
        }),
      ).rejects.toMatchObject({ kind: 'authentication' });
      // P2's mt runs as root through su: its recognised failure comes through the terminal su needs.
      const failed = await service.handlers['step.run']({ stepId: 'P2' });
      expect(failed).toMatchObject({ status: 'failed', reason: expect.stringContaining('no tape loaded') });
      // The technician's terminal is a root shell.
      const { terminalId } = await service.handlers['terminal.open']({ server: 'NEW', stepId: null });
      const screen = () => terminalOutput(events, terminalId);
      for (let i = 0; i < 100 && !/cms-new# $/.test(screen()); i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(screen()).toMatch(/Password:[\s\S]*cms-new# $/);
      expect(screen()).not.toContain(TRAINING_SU_LOGIN.rootPassword);
    } finally {
      await service.close();
    }
  });

  it('runs P2 on the simulated pair: the host keys are confirmed through questions and pinned in the session', async () => {
    const { service, events } = await serviceSayingYes();
    try {
      await openTrainingSession(service, 'Acme');
      await service.handlers['training.connect']({});
      const failed = await service.handlers['step.run']({ stepId: 'P2' });
      expect(failed).toMatchObject({ status: 'failed', reason: expect.stringContaining('no tape loaded') });
      const questions = events
        .filter((e) => e.event === 'technician.question')
        .map((e) => (e.payload as { text: string }).text);
      // P2 asks for the tapes first (said yes, though none was loaded: mt then says so), then the host keys.
      expect(questions).toHaveLength(4);
      expect(questions.slice(0, 2)).toEqual([
        expect.stringMatching(/^A tape of the drive type is loaded on ORIG/),
        'A tape of the drive type is loaded on NEW.',
      ]);
      expect(questions[2]).toMatch(/presents the ssh-ed25519 host key SHA256:\S+\. Is this the fingerprint/);
      const pinned = events.filter(
        (e) =>
          e.event === 'session.event' &&
          (e.payload as { event: { type: string } }).event.type === 'host-key-pinned',
      );
      // The question carries the key itself, so the window can show it for comparison.
      const keyQuestion = events.find(
        (e) => e.event === 'technician.question' && (e.payload as { hostKey: unknown }).hostKey !== null,
      )!.payload;
      expect(keyQuestion).toMatchObject({
        server: expect.stringMatching(/^(ORIG|NEW)$/),
        hostKey: {
          host: '127.0.0.1',
          algorithm: 'ssh-ed25519',
          fingerprint: expect.stringMatching(/^SHA256:/),
        },
        secret: false,
      });
      expect(pinned).toHaveLength(2);
      await expect(
        service.handlers['technician.answer']({ questionId: 'nope', answer: true }),
      ).rejects.toThrow('already answered');
      await expect(service.handlers['session.open']({ directory: '/etc' })).rejects.toThrow(
        'not one of the sessions here',
      );
    } finally {
      await service.close();
    }
  });

  it('configures a server (password in memory only) and tests the connection to it', async () => {
    const root = await tempDir();
    const connectionStates: string[] = [];
    const service: AppService = new AppService(
      root,
      (event, payload) => {
        if (event === 'technician.question') answerFromEvent(service, (payload as { id: string }).id, true);
        if (event === 'server.connection') {
          const report = payload as { server: string; state: string; reason: string | null };
          connectionStates.push(
            `${report.server} ${report.state}${report.reason ? `: ${report.reason}` : ''}`,
          );
        }
      },
      { installationKey: await testInstallationKey() },
    );
    try {
      const directory = await openTrainingSession(service, 'Acme');
      const { ports } = await service.handlers['training.connect']({});
      await service.handlers['servers.configure']({
        server: 'NEW',
        host: '127.0.0.1',
        port: ports.NEW,
        user: 'root',
        platform: 'blade150',
        tapeDevice: '/dev/rmt/0',
        legacyAlgorithms: false,
        password: 'cms',
      });
      const probe = await service.handlers['servers.probe']({ server: 'NEW' });
      expect(probe).toMatchObject({
        hostname: 'cms-new',
        osRelease: '5.9',
        cmsVersion: { version: 'r3v11ak.g' },
      });
      expect(await readFile(path.join(directory, 'journal.jsonl'), 'utf8')).not.toContain('"cms"');
      // The window hears of every connection: up, closed when the settings change, refused when nothing listens.
      await service.handlers['servers.configure']({
        server: 'NEW',
        host: '127.0.0.1',
        port: 9,
        user: 'root',
        platform: 'blade150',
        tapeDevice: '/dev/rmt/0',
        legacyAlgorithms: false,
        password: 'cms',
      });
      await expect(service.handlers['servers.probe']({ server: 'NEW' })).rejects.toThrow();
      expect(connectionStates.slice(0, 3)).toEqual(['NEW connecting', 'NEW connected', 'NEW closed']);
      expect(connectionStates[3]).toBe('NEW connecting');
      expect(connectionStates[4]).toMatch(/^NEW failed: .*(refused|ECONNREFUSED)/i);
      await expect(
        service.handlers['servers.configure']({
          server: 'ORIG',
          host: '127.0.0.1',
          port: 22,
          user: 'root',
          platform: null,
          tapeDevice: '/dev/rmt/0;reboot',
          legacyAlgorithms: false,
          password: null,
        }),
      ).rejects.toThrow('is not a Solaris tape device');
      for (const setting of ['restoreLog', 'errorLog', 'storageDef'] as const)
        for (const path of [
          '/cms/maint/restore.log;reboot',
          'cms/relative.log',
          '/cms/../etc/shadow',
          "/cms/x'y.log",
        ])
          await expect(
            service.handlers['servers.configure']({
              server: 'ORIG',
              host: '127.0.0.1',
              port: 22,
              user: 'cmsadmin',
              platform: null,
              tapeDevice: '/dev/rmt/0',
              legacyAlgorithms: false,
              rootAccess: 'su',
              [setting]: path,
              password: null,
            }),
          ).rejects.toThrow('is not an absolute path of letters, digits, dots, dashes and underscores');
    } finally {
      await service.close();
    }
  });

  it('ends a running step as interrupted when the window is closed on it, and never re-runs it', async () => {
    let asked = 0;
    const service = new AppService(
      await tempDir(),
      (event) => {
        if (event === 'technician.question') asked++;
      },
      { installationKey: await testInstallationKey() },
    );
    try {
      await openTrainingSession(service, 'Acme');
      const running = service.handlers['step.run']({ stepId: 'P1' });
      await expect.poll(() => asked).toBe(1);
      expect(service.currentStep).toBe('P1');
      await service.interruptRunningStep('the window was closed while it ran');
      expect(await running).toEqual({
        stepId: 'P1',
        status: 'interrupted',
        reason: 'the window was closed while it ran',
      });
      expect(service.currentStep).toBeNull();
    } finally {
      await service.close();
    }
  });

  it('keeps a running step going when its window reloads and opens the session again', async () => {
    let asked = 0;
    const questions: string[] = [];
    const service: AppService = new AppService(
      await tempDir(),
      (event, payload) => {
        if (event === 'technician.question') {
          asked++;
          questions.push((payload as { id: string }).id);
        }
      },
      { installationKey: await testInstallationKey() },
    );
    try {
      const directory = await openTrainingSession(service, 'Acme');
      const running = service.handlers['step.run']({ stepId: 'P1' });
      await expect.poll(() => asked).toBe(1);
      const reopened = await service.handlers['session.open']({ directory });
      expect(reopened.events.map((e) => e.type)).toEqual([
        'session-created',
        'step-started',
        'step-awaiting-technician',
      ]);
      expect(reopened.runningStep).toBe('P1');
      // The open question is the journal's: the same id, text and checklist item the window was asked.
      expect(reopened.events[2]).toMatchObject({
        detail: { id: questions[0], checklistItem: 'switch-release' },
      });
      expect(reopened.pendingQuestions).toEqual([
        expect.objectContaining({
          id: questions[0],
          stepId: 'P1',
          kind: 'confirm',
          checklistItem: 'switch-release',
        }),
      ]);
      const other = await service.handlers['session.create']({
        site: 'Other',
        technician: 'RT',
        customerContact: '',
        training: true,
      });
      await expect(service.handlers['session.open']({ directory: other.directory })).rejects.toThrow(
        'P1 is running',
      );
      await service.handlers['technician.answer']({ questionId: questions[0]!, answer: true });
      await expect.poll(() => asked).toBe(2);
      await service.handlers['technician.answer']({ questionId: questions[1]!, answer: true });
      // The switch administrator signs off the switch's administration by name.
      await expect.poll(() => asked).toBe(3);
      await service.handlers['technician.answer']({ questionId: questions[2]!, answer: 'P. Switch' });
      expect(await running).toMatchObject({ status: 'passed' });
    } finally {
      await service.close();
    }
  });

  it('holds a flooding server back while the window does not draw its terminal, and lets it on as it does', async () => {
    const { service, events } = await serviceSayingYes();
    try {
      await openTrainingSession(service, 'Flood');
      await service.handlers['training.connect']({});
      const { terminalId } = await service.handlers['terminal.open']({ server: 'ORIG', stepId: null });
      const received = () => terminalOutput(events, terminalId).length;
      const settled = async () => {
        // Until the output stops growing for a while.
        for (let last = -1; last !== received();) {
          last = received();
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
        return received();
      };
      for (let i = 0; i < 100 && received() === 0; i++) await new Promise((r) => setTimeout(r, 50));
      await service.handlers['terminal.input']({ terminalId, data: 'simctl noise 20000000\r' });
      // The flood under way (on a loaded machine it may take a while to start), then nothing
      // acknowledged: the window never gets much more than the high-water mark.
      for (let i = 0; i < 400 && received() < TERMINAL_HIGH_WATER_CHARS / 2; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const held = await settled();
      expect(held).toBeGreaterThan(TERMINAL_HIGH_WATER_CHARS);
      expect(held).toBeLessThan(TERMINAL_HIGH_WATER_CHARS + 512 * 1024);
      // Drawn: more comes, and again no more than a mark beyond what was drawn.
      await service.handlers['terminal.ack']({ terminalId, chars: held });
      for (let i = 0; i < 400 && received() < held + 500_000; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const more = await settled();
      expect(more).toBeGreaterThan(held + 500_000);
      expect(more).toBeLessThan(held + TERMINAL_HIGH_WATER_CHARS + 512 * 1024);
      await service.handlers['terminal.close']({ terminalId });
    } finally {
      await service.close();
    }
  });

  it('opens terminals at the size CMS expects, and tells the server when the window changes it', async () => {
    const { service, events } = await serviceSayingYes();
    try {
      await openTrainingSession(service, 'Sizes');
      await service.handlers['training.connect']({});
      const { terminalId } = await service.handlers['terminal.open']({ server: 'ORIG', stepId: null });
      const screen = () => terminalOutput(events, terminalId);
      const shows = async (text: string) => {
        for (let i = 0; i < 200 && !screen().includes(text); i++)
          await new Promise((resolve) => setTimeout(resolve, 25));
        expect(screen()).toContain(text);
      };
      await service.handlers['terminal.input']({ terminalId, data: 'simctl tty\r' });
      await shows('terminal 80x24');
      await service.handlers['terminal.resize']({ terminalId, size: { cols: 132, rows: 43 } });
      await service.handlers['terminal.input']({ terminalId, data: 'simctl tty\r' });
      await shows('terminal 132x43');
      await service.handlers['terminal.close']({ terminalId });
      for (let i = 0; i < 200 && !events.some((e) => e.event === 'terminal.closed'); i++)
        await new Promise((resolve) => setTimeout(resolve, 25));
      await expect(
        service.handlers['terminal.resize']({ terminalId, size: { cols: 80, rows: 24 } }),
      ).rejects.toThrow('That terminal is closed.');
    } finally {
      await service.close();
    }
  });

  it("gives a training session's trainee the simulated tape box, and nobody else", async () => {
    const service = new AppService(await tempDir(), () => undefined, {
      installationKey: await testInstallationKey(),
    });
    try {
      const training = await openTrainingSession(service, 'Acme');
      expect(await service.handlers['training.tapes']({})).toEqual({ running: false, tapes: [] });
      await service.handlers['training.connect']({});
      await service.handlers['training.moveTape']({ tapeId: 'DDS4-03', to: 'NEW' });
      const box = await service.handlers['training.tapes']({});
      expect(box.tapes.find((t) => t.id === 'DDS4-03')).toMatchObject({ drive: 'NEW', content: 'blank' });
      await expect(service.handlers['training.moveTape']({ tapeId: 'GONE', to: 'NEW' })).rejects.toThrow(
        'There is no tape GONE in the training box.',
      );
      // Every move of the box is journaled as its word: the tape put in, and the one it pushed out first.
      await service.handlers['training.moveTape']({ tapeId: 'DDS4-04', to: 'NEW' });
      await service.handlers['training.unpackTape']({ tapeId: 'SHORT-1', capacityBlocks: 1000 });
      const { events } = await service.handlers['session.open']({ directory: training });
      expect(reduceSession(events).tapePlaces).toMatchObject({
        'DDS4-03': { place: { kind: 'desk' }, by: 'training-box' },
        'DDS4-04': { place: { kind: 'drive', server: 'NEW' }, by: 'training-box' },
        'SHORT-1': { place: { kind: 'desk' }, by: 'training-box' },
      });

      // A new training session starts from a fresh pair; the first finds its own again when reopened.
      const second = await openTrainingSession(service, 'Acme again');
      await service.handlers['training.connect']({});
      const fresh = await service.handlers['training.tapes']({});
      expect(fresh.tapes.find((t) => t.id === 'DDS4-04')).toMatchObject({ drive: null });
      expect(fresh.tapes.map((t) => t.id)).not.toContain('SHORT-1');
      await service.handlers['training.moveTape']({ tapeId: 'DDS4-01', to: 'ORIG' });
      await service.handlers['session.open']({ directory: training });
      const again = await service.handlers['training.tapes']({});
      expect(again.tapes.find((t) => t.id === 'DDS4-04')).toMatchObject({ drive: 'NEW' });
      expect(again.tapes.find((t) => t.id === 'DDS4-01')).toMatchObject({ drive: null });
      expect(again.tapes.map((t) => t.id)).toContain('SHORT-1');
      await service.handlers['session.open']({ directory: second });
      expect(
        (await service.handlers['training.tapes']({})).tapes.find((t) => t.id === 'DDS4-01'),
      ).toMatchObject({ drive: 'ORIG' });

      const { directory } = await service.handlers['session.create']({
        site: 'Real site',
        technician: 'RT',
        customerContact: '',
        training: false,
      });
      await service.handlers['session.open']({ directory });
      await expect(service.handlers['training.moveTape']({ tapeId: 'DDS4-03', to: 'ORIG' })).rejects.toThrow(
        'The tape box belongs to a training session on the simulated pair.',
      );
    } finally {
      await service.close();
    }
  });
});
