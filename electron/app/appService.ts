import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  ApiCall,
  ApiEvent,
  ApiEventPayload,
  ApiRequest,
  ApiResponse,
} from '../../shared/ipc/apiContract.ts';
import type { ServerRole, StepId } from '../../shared/procedure/types.ts';
import { RedactedTranscript } from '../journal/redactedTranscript.ts';
import { createSessionFolder } from '../journal/sessionFolders.ts';
import { readTranscriptChunk } from '../journal/transcriptReader.ts';
import { exportReport, type PdfPrinter } from '../report/exportReport.ts';
import { JOURNAL_FILE, SessionJournal } from '../journal/sessionJournal.ts';
import { defaultPair } from '../simulator/defaultPair.ts';
import { generateSimHostKey } from '../simulator/simHostKeys.ts';
import { startSimServer, type RunningSimServer } from '../simulator/simServer.ts';
import { MemorySimStore } from '../simulator/simStore.ts';
import { TrainingDesk } from '../simulator/trainingDesk.ts';
import { HostKeyPins } from '../ssh/hostKeyPins.ts';
import {
  SshConnection,
  type PtyChannel,
  type SshCredentials,
  type TechnicianQuestions,
} from '../ssh/sshConnection.ts';
import { validateTapeDevice } from '../ssh/remoteCommand.ts';
import { parseTargetSpec } from '../ssh/sshTarget.ts';
import { probeServer } from '../steps/probeServer.ts';
import { runProcedureStep } from '../steps/procedureRunner.ts';
import { interruptStepsLeftRunning } from '../steps/interruptOnConnectionLoss.ts';
import { StepInterrupted } from '../steps/tapeWork.ts';
import { StepContext } from '../steps/stepContext.ts';
import type { Technician } from '../steps/technician.ts';

export type ApiHandlers = { [C in ApiCall]: (request: ApiRequest<C>) => Promise<ApiResponse<C>> };
type Question = ApiEventPayload<'technician.question'>;
export type EmitEvent = <E extends ApiEvent>(event: E, payload: ApiEventPayload<E>) => void;

/** Training logins of the simulated pair (never a real server's). */
const TRAINING_USER = 'root';
const TRAINING_PASSWORD = 'cms';

function journalProblem(journal: SessionJournal): string | null {
  const problem = journal.openReport.problem;
  if (!problem) return null;
  return problem.line > 0 ? `line ${problem.line}: ${problem.reason}` : problem.reason;
}

export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

/**
 * The main-process core behind the typed API: sessions, the simulated pair for training, SSH
 * connections, and steps run with the technician's answers coming back from the renderer. It knows
 * nothing of Electron or of the transport; the shell and the browser harness both wrap it.
 */
export class AppService {
  private journal: SessionJournal | null = null;
  private unsubscribe: (() => void) | null = null;
  private simulator: RunningSimServer | null = null;
  private simulatorStore: MemorySimStore | null = null;
  private readonly credentials = new Map<ServerRole, SshCredentials>();
  private readonly connections = new Map<ServerRole, Promise<SshConnection>>();
  private readonly pendingQuestions = new Map<string, (answer: string | boolean | null) => void>();
  private readonly openQuestions = new Map<string, Question>();
  private readonly runningProgress = new Map<ServerRole, ApiEventPayload<'step.progress'>>();
  private runningStep: StepId | null = null;
  private runningStepDone: Promise<void> | null = null;
  private interruptReason: string | null = null;
  private readonly terminals = new Map<string, PtyChannel>();

  constructor(
    private readonly sessionsRoot: string,
    private readonly emit: EmitEvent,
    /** Open a training session on the simulated pair when there is no session yet (the desktop app's first start). */
    private readonly trainingWhenEmpty = false,
    /** How this shell prints the report to PDF (Electron's printToPDF, or Chromium under Node). */
    private readonly printPdf?: PdfPrinter,
  ) {}

  readonly handlers: ApiHandlers = {
    'app.startup': async () => {
      if (this.journal) return { openDirectory: this.journal.directory };
      if (!this.trainingWhenEmpty || (await this.listSessions()).length > 0) return { openDirectory: null };
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
    'sessions.list': async () => ({ sessions: await this.listSessions() }),
    'session.create': async (request) => {
      const directory = await createSessionFolder(
        this.sessionsRoot,
        request.site,
        new Date().toISOString().slice(0, 10),
      );
      const journal = await SessionJournal.open(directory);
      await journal.append({ type: 'session-created', ...request, at: new Date().toISOString() });
      await journal.close();
      return { directory };
    },
    'session.open': async ({ directory }) => {
      const resolved = path.resolve(directory);
      if (path.dirname(resolved) !== path.resolve(this.sessionsRoot))
        throw new UserFacingError('That folder is not one of the sessions here.');
      // The session already open (a reloaded window) stays open: a step may be running in it.
      let journal = this.journal?.directory === resolved ? this.journal : null;
      if (!journal) {
        if (this.runningStep) {
          throw new UserFacingError(
            `${this.runningStep} is running in the open session; wait for it to finish.`,
          );
        }
        await this.closeSession();
        journal = await SessionJournal.open(resolved);
        await interruptStepsLeftRunning(journal);
        this.journal = journal;
        this.unsubscribe = journal.subscribe((event) => this.emit('session.event', { event }));
      }
      return {
        directory: resolved,
        events: [...journal.events],
        readOnly: journal.readOnly,
        problem: journalProblem(journal),
        droppedTornLine: journal.openReport.droppedTornLine !== null,
        runningStep: this.runningStep,
        pendingQuestions: [...this.openQuestions.values()],
        progress: [...this.runningProgress.values()],
      };
    },
    'training.connect': async () => {
      const journal = this.requireSession();
      if (!journal.state.session?.training)
        throw new UserFacingError('Only a training session can use the simulated pair.');
      if (!this.simulator) {
        this.simulatorStore = new MemorySimStore(defaultPair());
        this.simulator = await startSimServer({
          store: this.simulatorStore,
          timeScale: 0.02,
          hostKeys: { orig: generateSimHostKey(), new: generateSimHostKey() },
          ports: { orig: 0, new: 0 },
          users: { [TRAINING_USER]: TRAINING_PASSWORD },
        });
      }
      const ports = { ORIG: this.simulator.ports.orig, NEW: this.simulator.ports.new };
      for (const [server, platform] of [
        ['ORIG', 'blade100'],
        ['NEW', 'blade150'],
      ] as const) {
        this.credentials.set(server, { password: TRAINING_PASSWORD });
        await journal.append({
          type: 'server-configured',
          server,
          host: '127.0.0.1',
          port: ports[server],
          user: TRAINING_USER,
          platform,
          cmsVersion: null,
          tapeDevice: '/dev/rmt/0',
          legacyAlgorithms: false,
          at: new Date().toISOString(),
        });
      }
      return { ports };
    },
    'training.tapes': async () =>
      this.simulatorStore
        ? { running: true, tapes: await this.trainingDesk().tapes() }
        : { running: false, tapes: [] },
    'training.moveTape': async ({ tapeId, to }) => {
      await this.trainingAction(() => this.trainingDesk().moveTape(tapeId, to));
      return {};
    },
    'training.unpackTape': async ({ tapeId, capacityBlocks }) => {
      await this.trainingAction(() => this.trainingDesk().unpackTape(tapeId, capacityBlocks));
      return {};
    },
    'training.protectTape': async ({ tapeId, writeProtected }) => {
      await this.trainingAction(() => this.trainingDesk().setWriteProtect(tapeId, writeProtected));
      return {};
    },
    'servers.configure': async ({ server, password, ...settings }) => {
      const journal = this.requireSession();
      try {
        parseTargetSpec(
          `${settings.user}@${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${settings.port}`,
        );
        validateTapeDevice(settings.tapeDevice);
      } catch (error) {
        throw new UserFacingError((error as Error).message);
      }
      await journal.append({
        type: 'server-configured',
        server,
        ...settings,
        cmsVersion: null,
        at: new Date().toISOString(),
      });
      this.credentials.set(server, password === null ? {} : { password });
      await this.closeConnections([server]);
      return {};
    },
    'servers.probe': async ({ server }) => {
      const configured = this.requireSession().state.servers[server];
      if (!configured) throw new UserFacingError(`${server} is not configured.`);
      return probeServer(await this.connect(server), configured.tapeDevice ?? '/dev/rmt/0', 30_000);
    },
    'terminal.open': async ({ server, stepId }) => {
      const journal = this.requireSession();
      const pty = await (await this.connect(server)).openPty(null, { cols: 100, rows: 30 });
      const terminalId = randomUUID();
      const attempt = stepId ? Math.max(1, journal.state.steps[stepId].attempts) : 0;
      const transcript = stepId
        ? new RedactedTranscript(journal.directory, stepId, server, attempt, 'terminal')
        : null;
      this.terminals.set(terminalId, pty);
      pty.onData((data) => {
        transcript?.write(data);
        this.emit('terminal.data', { terminalId, data });
      });
      void pty.ended.then(async (end) => {
        this.terminals.delete(terminalId);
        this.emit('terminal.closed', {
          terminalId,
          reason: end.kind === 'exited' ? 'the shell ended' : end.reason,
        });
        if (transcript && stepId) {
          await transcript.close();
          // Several terminals in one attempt append to the same file: it is evidence once.
          const recorded = journal.state.steps[stepId].evidence.some(
            (evidence) => evidence.kind === 'transcript' && evidence.path === transcript.relativePath,
          );
          if (recorded) return;
          await journal
            .append({
              type: 'evidence-recorded',
              stepId,
              server,
              evidence: { kind: 'transcript', path: transcript.relativePath },
              at: new Date().toISOString(),
            })
            .catch(() => undefined);
        }
      });
      return { terminalId };
    },
    'terminal.input': async ({ terminalId, data }) => {
      const terminal = this.terminals.get(terminalId);
      if (!terminal) throw new UserFacingError('That terminal is closed.');
      terminal.write(data);
      return {};
    },
    'terminal.close': async ({ terminalId }) => {
      this.terminals.get(terminalId)?.close();
      return {};
    },
    'step.run': async ({ stepId }) => {
      const journal = this.requireSession();
      if (this.runningStep)
        throw new UserFacingError(`${this.runningStep} is running; wait for it to finish.`);
      this.runningStep = stepId;
      const running = runProcedureStep(
        new StepContext(stepId, journal, (server) => this.connect(server), this.technician(stepId)),
      );
      this.runningStepDone = running.then(
        () => undefined,
        () => undefined,
      );
      try {
        const run = await running;
        return { stepId, status: run.status, reason: run.reason };
      } finally {
        this.runningStep = null;
        this.runningStepDone = null;
        this.runningProgress.clear();
      }
    },
    'step.skip': async ({ stepId, reason }) => {
      await this.requireSession().append({
        type: 'step-skipped',
        stepId,
        reason,
        at: new Date().toISOString(),
      });
      return {};
    },
    'step.signOff': async ({ stepId, initials }) => {
      await this.requireSession().append({
        type: 'step-signed-off',
        stepId,
        initials,
        at: new Date().toISOString(),
      });
      return {};
    },
    'transcript.read': async ({ path: relativePath, endOffset, maxBytes }) => {
      const journal = this.requireSession();
      try {
        return await readTranscriptChunk(journal.directory, relativePath, endOffset, maxBytes);
      } catch (error) {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        throw new UserFacingError(
          missing ? `${relativePath} is not in this session.` : (error as Error).message,
        );
      }
    },
    'note.add': async ({ stepId, text }) => {
      await this.requireSession().append({ type: 'note-added', stepId, text, at: new Date().toISOString() });
      return {};
    },
    'tape.update': async (update) => {
      await this.requireSession().append({ type: 'tape-updated', ...update, at: new Date().toISOString() });
      return {};
    },
    'report.export': async ({ format }) => {
      const journal = this.requireSession();
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
      return { files: await exportReport(record, { format, printPdf: this.printPdf }) };
    },
    'technician.answer': async ({ questionId, answer }) => {
      const resolve = this.pendingQuestions.get(questionId);
      if (!resolve) throw new UserFacingError('That question was already answered.');
      this.pendingQuestions.delete(questionId);
      resolve(answer);
      return {};
    },
  };

  async close(): Promise<void> {
    for (const resolve of this.pendingQuestions.values()) resolve(null);
    for (const terminal of this.terminals.values()) terminal.close();
    await this.closeSession();
    await this.simulator?.close();
    this.simulator = null;
    this.simulatorStore = null;
  }

  private async closeSession(): Promise<void> {
    for (const terminal of this.terminals.values()) terminal.close();
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.closeConnections();
    await this.journal?.close();
    this.journal = null;
  }

  private trainingDesk(): TrainingDesk {
    if (!this.simulatorStore || !this.requireSession().state.session?.training)
      throw new UserFacingError('The tape box belongs to a training session on the simulated pair.');
    return new TrainingDesk(this.simulatorStore);
  }

  /** A refused tape move (a busy drive, an unknown tape) is the trainee's to fix: said plainly. */
  private async trainingAction(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      throw new UserFacingError((error as Error).message);
    }
  }

  /** Closes connections on purpose (the session closes, settings changed, a step is interrupted). */
  private async closeConnections(
    servers: readonly ServerRole[] = [...this.connections.keys()],
  ): Promise<void> {
    for (const server of servers) {
      const connection = await this.connections.get(server)?.catch(() => null);
      this.connections.delete(server);
      if (!connection) continue;
      connection.close();
      this.emit('server.connection', { server, state: 'closed', reason: null, at: new Date().toISOString() });
    }
  }

  private requireSession(): SessionJournal {
    if (!this.journal) throw new UserFacingError('Open or create a session first.');
    return this.journal;
  }

  private async listSessions(): Promise<ApiResponse<'sessions.list'>['sessions']> {
    const entries = await readdir(this.sessionsRoot, { withFileTypes: true }).catch(() => []);
    const sessions: ApiResponse<'sessions.list'>['sessions'] = [];
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const directory = path.join(this.sessionsRoot, entry.name);
      const first = (await readFile(path.join(directory, JOURNAL_FILE), 'utf8').catch(() => '')).split(
        '\n',
      )[0];
      if (!first) continue;
      try {
        const event = (
          JSON.parse(first) as { event: { type: string; site: string; at: string; training: boolean } }
        ).event;
        if (event.type === 'session-created')
          sessions.push({ directory, site: event.site, createdAt: event.at, training: event.training });
      } catch {
        // Not a session folder: left out of the list.
      }
    }
    return sessions.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  private ask(
    kind: 'confirm' | 'ask',
    text: string,
    stepId: StepId | null,
    details: Partial<Pick<Question, 'server' | 'tape' | 'hostKey' | 'secret' | 'checklistItem'>> = {},
  ): Promise<string | boolean | null> {
    const id = randomUUID();
    return new Promise((resolve) => {
      this.pendingQuestions.set(id, (answer) => {
        this.openQuestions.delete(id);
        resolve(answer);
      });
      const question: Question = {
        id,
        kind,
        text,
        stepId,
        server: details.server ?? null,
        tape: details.tape ?? null,
        hostKey: details.hostKey ?? null,
        secret: details.secret ?? false,
        checklistItem: details.checklistItem ?? null,
      };
      this.openQuestions.set(id, question);
      this.emit('technician.question', question);
    });
  }

  private technician(stepId: StepId): Technician {
    const answerOrInterrupt = async (
      kind: 'confirm' | 'ask',
      text: string,
      details: Partial<Pick<Question, 'tape' | 'checklistItem'>> = {},
    ) => {
      const answer = await this.ask(kind, text, stepId, details);
      if (this.interruptReason) throw new StepInterrupted(this.interruptReason);
      return answer;
    };
    return {
      tell: (text) => this.emit('technician.message', { text, stepId }),
      progress: (update) => {
        const report = { stepId, ...update, at: new Date().toISOString() };
        this.runningProgress.set(update.server, report);
        this.emit('step.progress', report);
      },
      confirm: async (text, item) =>
        (await answerOrInterrupt('confirm', text, { checklistItem: item?.itemId ?? null })) === true,
      ask: async (question, request) => {
        const tape =
          request?.kind === 'insert-tape'
            ? { purpose: request.purpose, tapeNumber: request.tapeNumber, device: request.device }
            : null;
        const answer = await answerOrInterrupt('ask', question, { tape });
        return typeof answer === 'string' ? answer : null;
      },
    };
  }

  /** The step running now, if any (the window asks before closing on it). */
  get currentStep(): StepId | null {
    return this.runningStep;
  }

  /**
   * Ends the running step as `interrupted` (the window is being closed): pending questions are
   * withdrawn and the connections closed; nothing is re-run on its own.
   */
  async interruptRunningStep(reason: string): Promise<void> {
    if (!this.runningStepDone) return;
    this.interruptReason = reason;
    for (const resolve of this.pendingQuestions.values()) resolve(null);
    this.pendingQuestions.clear();
    await this.closeConnections();
    await this.runningStepDone;
    this.interruptReason = null;
  }

  /** One connection per server, replaced when lost; host keys pinned in the session after confirmation. */
  private async connect(server: ServerRole): Promise<SshConnection> {
    const cached = await this.connections.get(server)?.catch(() => null);
    if (cached && !cached.lost) return cached;
    const journal = this.requireSession();
    const configured = journal.state.servers[server];
    if (!configured) throw new UserFacingError(`${server} is not configured.`);
    const pins = new HostKeyPins(journal.state.hostKeys, (pin) => {
      void journal.append({ type: 'host-key-pinned', server, ...pin, at: pin.pinnedAt });
    });
    const questions: TechnicianQuestions = {
      confirmHostKey: async ({ host, port, algorithm, fingerprint }) =>
        (await this.ask(
          'confirm',
          `${server} (${host}:${port}) presents the ${algorithm} host key ${fingerprint}. Is this the fingerprint the server administrator gave you?`,
          null,
          { server, hostKey: { host, port, algorithm, fingerprint } },
        )) === true,
      answerPrompts: async ({ instructions, prompts }) => {
        const answers: string[] = [];
        for (const prompt of prompts) {
          const answer = await this.ask('ask', `${instructions} ${prompt.prompt}`.trim(), null, {
            server,
            secret: !prompt.echo,
          });
          if (typeof answer !== 'string') return null;
          answers.push(answer);
        }
        return answers;
      },
    };
    const report = (state: ApiEventPayload<'server.connection'>['state'], reason: string | null = null) =>
      this.emit('server.connection', { server, state, reason, at: new Date().toISOString() });
    report('connecting');
    const connection = SshConnection.connect({
      target: {
        host: configured.host,
        port: configured.port,
        user: configured.user,
        legacyAlgorithms: configured.legacyAlgorithms,
      },
      credentials: this.credentials.get(server) ?? {},
      questions,
      pins,
    });
    this.connections.set(server, connection);
    connection.then(
      (connected) => {
        report('connected');
        connected.onLost((reason) =>
          report('lost', `${reason}; the app connects again when it next needs ${server}`),
        );
      },
      (error: Error) => report('failed', error.message),
    );
    return connection;
  }
}
