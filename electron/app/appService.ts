import type { InstallationKey } from '../signing/installationKey.ts';
import path from 'node:path';
import type {
  ApiCall,
  ApiEvent,
  ApiEventPayload,
  ApiRequest,
  ApiResponse,
} from '../../shared/ipc/apiContract.ts';
import { isSafeLogPath } from '../../shared/procedure/serverLogs.ts';
import { saveReadingAsSample } from '../journal/sessionSamples.ts';
import type { ServerRole, StepId } from '../../shared/procedure/types.ts';
import type { SessionState } from '../../shared/session/sessionState.ts';
import { JournaledTapeBox } from '../core/journaledTapeBox.ts';
import { QuestionBroker, type Question } from '../core/questionBroker.ts';
import { SessionCore } from '../core/sessionCore.ts';
import { SessionTerminals } from '../core/sessionTerminals.ts';
import type { TechnicianChannel } from '../core/technicianChannel.ts';
import { TRAINING_LOGIN, TRAINING_SU_LOGIN, TrainingPair } from '../core/trainingPair.ts';
import { UserFacingError } from '../core/userFacingError.ts';
import { listSessions } from '../journal/listSessions.ts';
import { createSessionFolder } from '../journal/sessionFolders.ts';
import { SessionJournal } from '../journal/sessionJournal.ts';
import { readTranscriptChunk } from '../journal/transcriptReader.ts';
import { exportReport, type PdfPrinter } from '../report/exportReport.ts';
import { exportedFileName, resolveExportedFile } from '../report/exportedFile.ts';
import { validateTapeDevice } from '../ssh/remoteCommand.ts';
import type { SshCredentials, TechnicianQuestions } from '../ssh/sshConnection.ts';
import { parseTargetSpec } from '../ssh/sshTarget.ts';
import { probeServer } from '../steps/probeServer.ts';

export { UserFacingError } from '../core/userFacingError.ts';

export type ApiHandlers = { [C in ApiCall]: (request: ApiRequest<C>) => Promise<ApiResponse<C>> };
export type EmitEvent = <E extends ApiEvent>(event: E, payload: ApiEventPayload<E>) => void;

function journalProblem(journal: SessionJournal): string | null {
  const problem = journal.openReport.problem;
  if (!problem) return null;
  return problem.line > 0 ? `line ${problem.line}: ${problem.reason}` : problem.reason;
}

/** The questions a running step waits on, as the journal records them. */
function stepQuestions(state: SessionState): Question[] {
  return Object.values(state.steps).flatMap((run) =>
    run.openQuestions.map(({ askedAt: _askedAt, ...question }) => ({
      ...question,
      reading: question.reading ?? null,
      stepId: run.id,
      hostKey: null,
    })),
  );
}

interface OpenSession {
  core: SessionCore;
  terminals: SessionTerminals;
  /** Training only: the simulated tapes, every move journaled. */
  tapeBox: JournaledTapeBox;
  unsubscribe: () => void;
}

export interface AppServiceOptions {
  /** Signs every journal head and export of the sessions this service opens. */
  installationKey: InstallationKey;
  /** Open a training session on the simulated pair when there is no session yet (the desktop app's first start). */
  trainingWhenEmpty?: boolean;
  /** How this shell prints the report to PDF (Electron's printToPDF, or Chromium under Node). */
  printPdf?: PdfPrinter;
  /** The desktop's programs for an exported file (Electron's shell); absent in the browser harness. */
  desktopShell?: DesktopShell;
}

export interface DesktopShell {
  /** Opens the file with its default program; an error message, or '' when it opened. */
  openPath(file: string): Promise<string>;
  showItemInFolder(file: string): void;
}

/**
 * The typed API's handlers: each maps one contract call onto the open session's core (journal,
 * connections, steps, terminals), the question broker or the training pair. Electron's IPC and the
 * browser harness both serve these; nothing here knows either transport.
 */
export class AppService {
  private session: OpenSession | null = null;
  private readonly training = new TrainingPair();
  private readonly credentials = new Map<ServerRole, SshCredentials>();
  private readonly questions: QuestionBroker;
  private readonly runningProgress = new Map<ServerRole, ApiEventPayload<'step.progress'>>();
  /** The open session's connections as last reported, for a window that opens (or reloads) later. */
  private readonly connectionReports = new Map<ServerRole, ApiEventPayload<'server.connection'>>();

  private readonly trainingWhenEmpty: boolean;
  private readonly desktopShell: DesktopShell | null;
  private readonly printPdf: PdfPrinter | undefined;
  private readonly installationKey: InstallationKey;

  constructor(
    private readonly sessionsRoot: string,
    private readonly emit: EmitEvent,
    options: AppServiceOptions,
  ) {
    this.trainingWhenEmpty = options.trainingWhenEmpty ?? false;
    this.printPdf = options.printPdf;
    this.desktopShell = options.desktopShell ?? null;
    this.installationKey = options.installationKey;
    this.questions = new QuestionBroker((question) => this.emit('technician.question', question));
  }

  readonly handlers: ApiHandlers = {
    'app.startup': async () => {
      if (this.session) return { openDirectory: this.session.core.directory };
      if (!this.trainingWhenEmpty || (await listSessions(this.sessionsRoot)).length > 0)
        return { openDirectory: null };
      const { directory } = await this.handlers['session.create']({
        site: 'Training',
        technician: 'Trainee',
        customerContact: '',
        training: true,
      });
      await this.handlers['session.open']({ directory });
      await this.handlers['training.connect']({});
      return { openDirectory: directory };
    },
    'sessions.list': async () => ({ sessions: await listSessions(this.sessionsRoot) }),
    'session.create': async (request) => {
      const directory = await createSessionFolder(
        this.sessionsRoot,
        request.site,
        new Date().toISOString().slice(0, 10),
      );
      const journal = await SessionJournal.open(directory, { signer: this.installationKey });
      try {
        await journal.append({ type: 'session-created', ...request, at: new Date().toISOString() });
      } finally {
        await journal.close();
      }
      return { directory };
    },
    'session.open': async ({ directory }) => {
      const resolved = path.resolve(directory);
      if (path.dirname(resolved) !== path.resolve(this.sessionsRoot))
        throw new UserFacingError('That folder is not one of the sessions here.');
      // The session already open (a reloaded window) stays open: a step may be running in it.
      if (this.session?.core.directory !== resolved) {
        const running = this.session?.core.runningStep;
        if (running)
          throw new UserFacingError(`${running} is running in the open session; wait for it to finish.`);
        await this.closeSession();
        this.session = await this.openSession(resolved);
        if (this.session.core.journal.state.session?.training) await this.training.use(resolved);
      }
      const { journal } = this.session.core;
      const fromJournal = stepQuestions(journal.state);
      const journaled = new Set(fromJournal.map((question) => question.id));
      return {
        directory: resolved,
        events: [...journal.events],
        readOnly: journal.readOnly,
        problem: journalProblem(journal),
        droppedTornLine: journal.openReport.droppedTornLine !== null,
        runningStep: this.session.core.runningStep,
        pendingQuestions: [
          ...fromJournal,
          ...this.questions.open.filter((question) => !journaled.has(question.id)),
        ],
        progress: [...this.runningProgress.values()],
        connections: [...this.connectionReports.values()],
      };
    },
    'training.connect': async ({ variant: asked }) => {
      const { journal, directory } = this.requireSession().core;
      if (!journal.state.session?.training)
        throw new UserFacingError('Only a training session can use the simulated pair.');
      const variant = asked ?? (journal.state.servers.ORIG?.rootAccess === 'su' ? 'unfamiliar' : 'default');
      const unfamiliar = variant === 'unfamiliar';
      const ports = await this.training.ports(directory, variant);
      for (const [server, platform] of [
        ['ORIG', 'blade100'],
        ['NEW', 'blade150'],
      ] as const) {
        // The trainee is given the training passwords (they are printed in the README); the su prompt
        // is still answered on the pair, as on a real server.
        this.credentials.set(
          server,
          unfamiliar
            ? { password: TRAINING_SU_LOGIN.password, rootPassword: TRAINING_SU_LOGIN.rootPassword }
            : { password: TRAINING_LOGIN.password },
        );
        await journal.append({
          type: 'server-configured',
          server,
          host: '127.0.0.1',
          port: ports[server],
          user: unfamiliar ? TRAINING_SU_LOGIN.user : TRAINING_LOGIN.user,
          rootAccess: unfamiliar ? 'su' : 'login',
          platform,
          cmsVersion: null,
          tapeDevice: '/dev/rmt/0',
          legacyAlgorithms: false,
          at: new Date().toISOString(),
        });
      }
      return { ports };
    },
    'training.tapes': async () => {
      const desk = await this.training.desk();
      return desk ? { running: true, tapes: await desk.tapes() } : { running: false, tapes: [] };
    },
    'training.moveTape': async ({ tapeId, to }) => {
      await this.trainingAction((box) => box.move(tapeId, to));
      return {};
    },
    'training.unpackTape': async ({ tapeId, capacityBlocks }) => {
      await this.trainingAction((box) => box.unpack(tapeId, capacityBlocks));
      return {};
    },
    'training.protectTape': async ({ tapeId, writeProtected }) => {
      await this.trainingAction((box) => box.protect(tapeId, writeProtected));
      return {};
    },
    'servers.configure': async ({ server, password, restoreLog, errorLog, storageDef, ...settings }) => {
      const { core } = this.requireSession();
      for (const [name, path] of [
        ['restore log', restoreLog],
        ['error log', errorLog],
        ['storage.def', storageDef],
      ] as const) {
        if (path != null && !isSafeLogPath(path))
          throw new UserFacingError(
            `The ${name} path "${path}" is not an absolute path of letters, digits, dots, dashes and underscores.`,
          );
      }
      try {
        parseTargetSpec(
          `${settings.user}@${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${settings.port}`,
        );
        validateTapeDevice(settings.tapeDevice);
      } catch (error) {
        throw new UserFacingError((error as Error).message);
      }
      await core.journal.append({
        type: 'server-configured',
        server,
        ...settings,
        ...(restoreLog == null ? {} : { restoreLog }),
        ...(errorLog == null ? {} : { errorLog }),
        ...(storageDef == null ? {} : { storageDef }),
        cmsVersion: null,
        at: new Date().toISOString(),
      });
      this.credentials.set(server, password === null ? {} : { password });
      await core.connections.close([server]);
      return {};
    },
    'samples.save': async ({ questionId }) => {
      const { core } = this.requireSession();
      const question = [...stepQuestions(core.journal.state), ...this.questions.open].find(
        (candidate) => candidate.id === questionId,
      );
      if (!question?.reading || !question.stepId)
        throw new UserFacingError('That question has no output to save (or it was already answered).');
      // Both servers' addresses, and the name of the server the output came from, learnt from it
      // (read-only, on the connection the step already uses), are redacted.
      const names = (['ORIG', 'NEW'] as const).flatMap((server) => {
        const host = core.journal.state.servers[server]?.host;
        return host ? [host] : [];
      });
      if (question.server) {
        const name = await core.connections
          .get(question.server)
          .then((connection) => connection.exec('uname -n', { timeoutMs: 10_000 }))
          .catch(() => null);
        if (name?.kind === 'exited' && name.code === 0) names.push(name.stdout.trim());
      }
      return saveReadingAsSample(
        core.directory,
        { stepId: question.stepId, server: question.server, reading: question.reading, savedAt: new Date() },
        names,
      );
    },
    'servers.probe': async ({ server }) => {
      const { core } = this.requireSession();
      const configured = core.journal.state.servers[server];
      if (!configured) throw new UserFacingError(`${server} is not configured.`);
      return probeServer(await core.connections.get(server), configured.tapeDevice ?? '/dev/rmt/0', 30_000);
    },
    'terminal.open': async ({ server, stepId, size }) => ({
      terminalId: await this.requireSession().terminals.start(server, stepId, size),
    }),
    'terminal.resize': async ({ terminalId, size }) => {
      this.requireSession().terminals.resize(terminalId, size);
      return {};
    },
    'terminal.input': async ({ terminalId, data }) => {
      await this.requireSession().terminals.write(terminalId, data);
      return {};
    },
    'terminal.ack': async ({ terminalId, chars }) => {
      this.session?.terminals.acknowledge(terminalId, chars);
      return {};
    },
    'terminal.close': async ({ terminalId }) => {
      this.session?.terminals.close(terminalId);
      return {};
    },
    'step.run': async ({ stepId }) => {
      const { core } = this.requireSession();
      try {
        const run = await core.runStep(stepId, this.windowChannel());
        return { stepId, status: run.status, reason: run.reason };
      } finally {
        this.runningProgress.clear();
      }
    },
    'step.skip': async ({ stepId, reason }) => {
      await this.requireSession().core.journal.append({
        type: 'step-skipped',
        stepId,
        reason,
        at: new Date().toISOString(),
      });
      return {};
    },
    'session.customerSignOff': async ({ name, role }) => {
      await this.requireSession().core.journal.append({
        type: 'customer-signed-off',
        name,
        role,
        at: new Date().toISOString(),
      });
      return {};
    },
    'step.signOff': async ({ stepId, initials }) => {
      await this.requireSession().core.journal.append({
        type: 'step-signed-off',
        stepId,
        initials,
        at: new Date().toISOString(),
      });
      return {};
    },
    'transcript.read': async ({ path: relativePath, endOffset, maxBytes }) => {
      const { core } = this.requireSession();
      try {
        return await readTranscriptChunk(core.directory, relativePath, endOffset, maxBytes);
      } catch (error) {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        throw new UserFacingError(
          missing ? `${relativePath} is not in this session.` : (error as Error).message,
        );
      }
    },
    'note.add': async ({ stepId, text }) => {
      await this.requireSession().core.journal.append({
        type: 'note-added',
        stepId,
        text,
        at: new Date().toISOString(),
      });
      return {};
    },
    'tape.update': async (update) => {
      await this.requireSession().core.journal.append({
        type: 'tape-updated',
        ...update,
        at: new Date().toISOString(),
      });
      return {};
    },
    'tape.move': async ({ tapeId, to }) => {
      const { core } = this.requireSession();
      await core.journal.append({
        type: 'tape-moved',
        tapeId,
        to,
        by: 'technician',
        stepId: core.runningStep,
        at: new Date().toISOString(),
      });
      return {};
    },
    'tape.correct': async (correction) => {
      await this.requireSession().core.journal.append({
        type: 'tape-corrected',
        ...correction,
        at: new Date().toISOString(),
      });
      return {};
    },
    'report.reveal': async ({ file, how }) => {
      const exported = await this.exportedFile(file);
      if (!this.desktopShell)
        return {
          done: false,
          download: await exportedFileName(this.requireSession().core.directory, exported),
        };
      if (how === 'show-in-folder') this.desktopShell.showItemInFolder(exported);
      else {
        const problem = await this.desktopShell.openPath(exported);
        if (problem) throw new UserFacingError(`${path.basename(exported)} could not be opened: ${problem}`);
      }
      return { done: true, download: null };
    },
    'report.export': async ({ format, paper }) => {
      const { journal } = this.requireSession().core;
      if (!journal.state.session)
        throw new UserFacingError(
          `Nothing in this session's journal can be trusted (${journalProblem(journal) ?? 'it is empty'}): there is nothing to report.`,
        );
      if (format === 'pdf' && !this.printPdf)
        throw new UserFacingError(
          'PDF needs a browser to print with, and none is available here; export HTML and print it.',
        );
      const record = {
        directory: journal.directory,
        events: [...journal.events],
        chainFingerprint: journal.chainFingerprint,
        problem: journalProblem(journal),
      };
      return {
        files: await exportReport(record, {
          format,
          printPdf: this.printPdf,
          signer: this.installationKey,
          ...(paper ? { paper } : {}),
        }),
      };
    },
    'technician.answer': async ({ questionId, answer }) => {
      this.questions.answer(questionId, answer);
      return {};
    },
  };

  /**
   * An error nobody handled (a bug): said in the window and journaled as a note of the open session (on
   * the running step, if any), so the record shows it. Never throws.
   */
  recordUnexpected(error: unknown): void {
    const text =
      `Unexpected error in the app (please report it): ${error instanceof Error ? error.message : String(error)}`.slice(
        0,
        4000,
      );
    const stepId = this.currentStep;
    this.emit('technician.message', { text, stepId });
    const journal = this.session?.core.journal;
    if (!journal || journal.readOnly) return;
    journal
      .append({ type: 'note-added', stepId, text, at: new Date().toISOString() })
      .catch((failed: unknown) => {
        process.stderr.write(`cms-ha: could not journal an unexpected error (${String(failed)}): ${text}\n`);
      });
  }

  /** The step running now, if any (the window asks before closing on it). */
  get currentStep(): StepId | null {
    return this.session?.core.runningStep ?? null;
  }

  /**
   * Ends the running step as `interrupted` (the window is being closed): open questions are withdrawn
   * and the connections closed; nothing is re-run on its own.
   */
  async interruptRunningStep(reason: string): Promise<void> {
    // The step learns of the interruption before its question is withdrawn, so it ends interrupted.
    const interrupted = this.session?.core.interruptRunningStep(reason);
    this.questions.withdrawAll();
    await interrupted;
  }

  async close(): Promise<void> {
    await this.interruptRunningStep('the app was closed while it ran');
    await this.closeSession();
    await this.training.close();
  }

  private async openSession(directory: string): Promise<OpenSession> {
    const core = await SessionCore.open(directory, {
      signer: this.installationKey,
      credentials: (server) => this.credentialsOf(server),
      questions: (server) => this.connectionQuestions(server),
      onConnectionState: (server, state, reason) => {
        const report = { server, state, reason, at: new Date().toISOString() };
        this.connectionReports.set(server, report);
        this.emit('server.connection', report);
      },
    });
    const terminals = new SessionTerminals(
      core.journal,
      (server) => core.host(server),
      {
        data: (terminalId, data) => this.emit('terminal.data', { terminalId, data }),
        closed: (terminalId, reason) => this.emit('terminal.closed', { terminalId, reason }),
        windowCheck: (terminalId, check) => this.emit('terminal.check', { terminalId, check }),
        confirmRun: async (_terminalId, check) =>
          (await this.questions.ask({
            kind: 'confirm',
            text:
              check.differences === null
                ? `You are about to select Run on ${check.window}, but the app cannot read its selections (${check.unreadable}). ${check.stepId} requires: ${check.requirement} Run it anyway?`
                : `You are about to select Run on ${check.window} with selections that are not the ones ${check.stepId} requires: ${check.differences.join(' ')} Run it anyway? (No goes back to the window.)`,
            stepId: check.stepId,
            server: null,
            tape: null,
            checklistItem: null,
            hostKey: null,
            reading: null,
            secret: false,
          })) === true,
        evidenceNotRecorded: (_terminalId, reason) =>
          this.emit('technician.message', {
            text: `The terminal's output is kept in the session folder but could not be journaled as evidence: ${reason}`,
            stepId: null,
          }),
      },
      core.secrets,
    );
    const tapeBox = new JournaledTapeBox(
      () => (core.journal.state.session?.training ? this.training.desk() : Promise.resolve(null)),
      () => core.journal,
    );
    const stopWatching = tapeBox.watchRegistrations();
    const stopEmitting = core.journal.subscribe((event) => this.emit('session.event', { event }));
    return {
      core,
      terminals,
      tapeBox,
      unsubscribe: () => {
        stopWatching();
        stopEmitting();
      },
    };
  }

  private async closeSession(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.session = null;
    this.connectionReports.clear();
    await session.terminals.closeAll();
    session.unsubscribe();
    await session.core.close();
  }

  /** An export of the open session (absolute, or relative to its exports folder), checked: see resolveExportedFile. */
  exportedFile(file: string): Promise<string> {
    return resolveExportedFile(this.requireSession().core.directory, file);
  }

  private requireSession(): OpenSession {
    if (!this.session) throw new UserFacingError('Open or create a session first.');
    return this.session;
  }

  private credentialsOf(server: ServerRole): SshCredentials {
    let credentials = this.credentials.get(server);
    if (!credentials) this.credentials.set(server, (credentials = {}));
    return credentials;
  }

  /** A refused tape move (a busy drive, an unknown tape) is the trainee's to fix: said plainly. */
  private async trainingAction(action: (box: JournaledTapeBox) => Promise<void>): Promise<void> {
    const { core, tapeBox } = this.requireSession();
    if (!(await this.training.desk()) || !core.journal.state.session?.training)
      throw new UserFacingError('The tape box belongs to a training session on the simulated pair.');
    try {
      await action(tapeBox);
    } catch (error) {
      throw new UserFacingError((error as Error).message);
    }
  }

  /** A step's questions, messages and progress, shown in the window. */
  private windowChannel(): TechnicianChannel {
    return {
      tell: (text, stepId) => this.emit('technician.message', { text, stepId }),
      progress: (update) => {
        const report = { ...update, at: new Date().toISOString() };
        this.runningProgress.set(update.server, report);
        this.emit('step.progress', report);
      },
      ask: (question) =>
        this.questions.ask({ ...question, reading: question.reading ?? null, hostKey: null }),
    };
  }

  /** A connection's questions (a new host key, a password), asked in the window. */
  private connectionQuestions(server: ServerRole): TechnicianQuestions {
    const plain = {
      stepId: null,
      server,
      tape: null,
      checklistItem: null,
      hostKey: null,
      reading: null,
      secret: false,
    };
    return {
      confirmHostKey: async ({ host, port, algorithm, fingerprint }) =>
        (await this.questions.ask({
          ...plain,
          kind: 'confirm',
          text: `${server} (${host}:${port}) presents the ${algorithm} host key ${fingerprint}. Is this the fingerprint the server administrator gave you?`,
          hostKey: { host, port, algorithm, fingerprint },
        })) === true,
      answerPrompts: async ({ instructions, prompts }) => {
        const answers: string[] = [];
        for (const prompt of prompts) {
          const answer = await this.questions.ask({
            ...plain,
            kind: 'ask',
            text: `${instructions} ${prompt.prompt}`.trim(),
            secret: !prompt.echo,
          });
          if (typeof answer !== 'string') return null;
          answers.push(answer);
        }
        return answers;
      },
    };
  }
}
