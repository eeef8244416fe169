import type { PaperSize } from '../../../shared/report/paperSize.ts';
import { create } from 'zustand';
import type {
  ApiEventPayload,
  ApiRequest,
  ApiResponse,
  CmsHaApi,
  TechnicianAnswer,
} from '../../../shared/ipc/apiContract.ts';
import { CMS_TERMINAL_SIZE, type TerminalSize } from '../../../shared/procedure/terminalSize.ts';
import type { ServerRole, StepId } from '../../../shared/procedure/types.ts';
import type { SessionEvent } from '../../../shared/session/sessionEvents.ts';
import { applySessionEvent, reduceSession } from '../../../shared/session/reduceSession.ts';
import { initialSessionState, type SessionState } from '../../../shared/session/sessionState.ts';
import { downloadExport } from '../api/downloadExport.ts';

export type Question = ApiEventPayload<'technician.question'>;
export type ServerSettings = ApiRequest<'servers.configure'>;
export type ServerProbe = ApiResponse<'servers.probe'>;
export type StepProgress = ApiEventPayload<'step.progress'>;
export type ConnectionReport = ApiEventPayload<'server.connection'>;
/** How much transcript one read brings: enough for a screenful of context, small enough to stay quick. */
const TRANSCRIPT_CHUNK_BYTES = 64 * 1024;
export type ReportFormat = ApiRequest<'report.export'>['format'];
export type TrainingTape = ApiResponse<'training.tapes'>['tapes'][number];

export interface SessionStore {
  sessions: ApiResponse<'sessions.list'>['sessions'];
  directory: string | null;
  readOnlyReason: string | null;
  state: SessionState;
  /** The journal's events as folded into `state` (the timeline is drawn from them). */
  events: SessionEvent[];
  questions: Question[];
  messages: ApiEventPayload<'technician.message'>[];
  /** Each server's connection as last reported by the core. */
  connections: Partial<Record<ServerRole, ConnectionReport>>;
  /** The running step's long operations, latest report per server. */
  progress: Partial<Record<ServerRole, StepProgress>>;
  runningStep: StepId | null;
  probes: Partial<Record<ServerRole, ServerProbe>>;
  terminal: { id: string; server: ServerRole; closedBecause: string | null } | null;
  /** The terminal's size in cells: CMS's 80 × 24 unless the technician chooses another. */
  terminalSize: TerminalSize;
  /** The CMS window on the terminal held against the running step's selections (null: none on screen). */
  terminalCheck: ApiEventPayload<'terminal.check'>['check'];
  /** The training tape box (training sessions): the simulated tapes and where they are. */
  trainingTapes: TrainingTape[] | null;
  /** Reports exported in this window, newest first: the format and the files written. */
  exports: { format: ReportFormat; files: string[]; at: string }[];
  exporting: ReportFormat | null;
  /** The transcript shown in the step view: the chunks read so far, from `startOffset` to the end. */
  transcript: { path: string; text: string; startOffset: number; totalBytes: number } | null;
  error: string | null;
  loadSessions(): Promise<void>;
  /** Where a new window starts: the session the core has open (or opened for training), else the list. */
  startup(): Promise<void>;
  /** `unfamiliar`: a pair whose outputs the app cannot all read, root by su only (practice in judging). */
  /** Saves an open verdict question's output as a sample in the session folder; its path, or null. */
  saveSample(questionId: string): Promise<string | null>;
  startTrainingSession(site: string, technician: string, unfamiliar?: boolean): Promise<void>;
  openSession(directory: string): Promise<void>;
  runStep(stepId: StepId): Promise<void>;
  skipStep(stepId: StepId, reason: string): Promise<void>;
  signOff(stepId: StepId, initials: string): Promise<void>;
  /** The customer representative signs off the finished upgrade. */
  customerSignOff(name: string, role: string): Promise<void>;
  configureServer(settings: ServerSettings): Promise<void>;
  probeServer(server: ServerRole): Promise<void>;
  openTerminal(server: ServerRole): Promise<void>;
  /** The technician chose another terminal size: the open terminal and its server's program follow. */
  resizeTerminal(size: TerminalSize): void;
  typeInTerminal(data: string): void;
  closeTerminal(): void;
  /** The terminal's output as it arrives; kept out of the store (a terminal holds its own screen). */
  onTerminalData(listener: (data: string) => void): () => void;
  /** The terminal drew this many characters of output: the core sends more only as they are drawn. */
  acknowledgeTerminal(chars: number): void;
  answer(question: Question, answer: TechnicianAnswer): Promise<void>;
  dismissError(): void;
  /** Starts the simulated pair of a training session (again, after the app was restarted). */
  connectTraining(): Promise<void>;
  refreshTrainingTapes(): Promise<void>;
  showTranscript(path: string): Promise<void>;
  showEarlierTranscript(): Promise<void>;
  closeTranscript(): void;
  /** True once the note is in the journal. */
  addNote(stepId: StepId | null, text: string): Promise<boolean>;
  /** `paper`: the HTML and PDF report's paper, A4 unless said. */
  exportReport(format: ReportFormat, paper?: PaperSize): Promise<void>;
  /** Opens an exported file or shows it in its folder (the desktop app); in the browser harness, downloads it. */
  revealExport(file: string, how: 'open' | 'show-in-folder'): Promise<void>;
  /** Back to the list of sessions (to open another or start a new one); refused while a step runs. */
  leaveSession(): Promise<void>;
  updateTape(update: ApiRequest<'tape.update'>): Promise<void>;
  moveTape(move: ApiRequest<'tape.move'>): Promise<void>;
  correctTape(correction: ApiRequest<'tape.correct'>): Promise<void>;
  moveTrainingTape(tapeId: string, to: ServerRole | null): Promise<void>;
  unpackTrainingTape(tapeId: string, capacityBlocks: number): Promise<void>;
  protectTrainingTape(tapeId: string, writeProtected: boolean): Promise<void>;
}

export type WindowState = {
  [
    K in keyof SessionStore as SessionStore[K] extends (...args: never[]) => unknown ? never : K
  ]: SessionStore[K];
};

/** What a window holds before it opens a session (the fake store of the view tests starts from it too). */
export function initialWindowState(): WindowState {
  return {
    sessions: [],
    directory: null,
    readOnlyReason: null,
    state: initialSessionState(),
    events: [],
    questions: [],
    messages: [],
    progress: {},
    connections: {},
    runningStep: null,
    probes: {},
    terminal: null,
    terminalSize: CMS_TERMINAL_SIZE,
    terminalCheck: null,
    trainingTapes: null,
    transcript: null,
    exports: [],
    exporting: null,
    error: null,
  };
}

/** The session as the renderer sees it: the core's events folded with the same reducer, and the technician's inbox. */
export function createSessionStore(api: CmsHaApi) {
  const terminalOutput = new TerminalOutput();
  let acknowledged = 0;
  let acknowledgeTimer: ReturnType<typeof setTimeout> | undefined;
  api.on('terminal.data', ({ terminalId, data }) => terminalOutput.deliver(terminalId, data));
  const trainingTapesNow = async () => {
    const box = await api.call('training.tapes', {});
    return box.running ? box.tapes : null;
  };
  const store = create<SessionStore>((set, get) => {
    const attempt = async (work: () => Promise<void>) => {
      try {
        await work();
      } catch (error) {
        set({ error: error instanceof Error ? error.message : String(error) });
      }
    };
    return {
      ...initialWindowState(),
      loadSessions: () =>
        attempt(async () => set({ sessions: (await api.call('sessions.list', {})).sessions })),
      startup: () =>
        attempt(async () => {
          const { openDirectory } = await api.call('app.startup', {});
          if (openDirectory) await get().openSession(openDirectory);
          else await get().loadSessions();
        }),
      startTrainingSession: (site, technician, unfamiliar = false) =>
        attempt(async () => {
          const { directory } = await api.call('session.create', {
            site,
            technician,
            customerContact: '',
            training: true,
          });
          await get().openSession(directory);
          await api.call('training.connect', { variant: unfamiliar ? 'unfamiliar' : 'default' });
        }),
      openSession: (directory) =>
        attempt(async () => {
          const opened = await api.call('session.open', { directory });
          const events = opened.events as SessionEvent[];
          set({
            directory: opened.directory,
            state: reduceSession(events),
            events,
            readOnlyReason: opened.readOnly ? (opened.problem ?? 'the journal cannot be written') : null,
            messages: [],
            questions: opened.pendingQuestions,
            progress: Object.fromEntries(opened.progress.map((report) => [report.server, report])),
            connections: Object.fromEntries(opened.connections.map((report) => [report.server, report])),
            runningStep: opened.runningStep,
          });
        }),
      runStep: (stepId) =>
        attempt(async () => {
          // A new attempt makes the last one's failure banner stale.
          set({ runningStep: stepId, messages: [], progress: {}, error: null });
          try {
            const result = await api.call('step.run', { stepId });
            if (result.status !== 'passed')
              set({ error: `${stepId} ${result.status}: ${result.reason ?? ''}` });
          } finally {
            set({ runningStep: null, questions: [] });
          }
        }),
      skipStep: (stepId, reason) =>
        attempt(async () => void (await api.call('step.skip', { stepId, reason }))),
      customerSignOff: (name, role) =>
        attempt(async () => void (await api.call('session.customerSignOff', { name, role }))),
      signOff: (stepId, initials) =>
        attempt(async () => void (await api.call('step.signOff', { stepId, initials }))),
      configureServer: (settings) =>
        attempt(async () => {
          await api.call('servers.configure', settings);
          const { [settings.server]: _stale, ...probes } = get().probes;
          set({ probes });
        }),
      probeServer: (server) =>
        attempt(async () => {
          const probe = await api.call('servers.probe', { server });
          set({ probes: { ...get().probes, [server]: probe } });
        }),
      openTerminal: (server) =>
        attempt(async () => {
          get().closeTerminal();
          const stepId = get().runningStep;
          const { terminalId } = await api.call('terminal.open', {
            server,
            stepId,
            size: get().terminalSize,
          });
          set({ terminal: { id: terminalId, server, closedBecause: null }, terminalCheck: null });
        }),
      resizeTerminal: (size) => {
        set({ terminalSize: size });
        const terminal = get().terminal;
        if (terminal && terminal.closedBecause === null)
          void attempt(
            async () => void (await api.call('terminal.resize', { terminalId: terminal.id, size })),
          );
      },
      typeInTerminal: (data) => {
        const terminal = get().terminal;
        if (terminal && terminal.closedBecause === null)
          void attempt(
            async () => void (await api.call('terminal.input', { terminalId: terminal.id, data })),
          );
      },
      closeTerminal: () => {
        const terminal = get().terminal;
        if (terminal) void api.call('terminal.close', { terminalId: terminal.id }).catch(() => undefined);
        set({ terminal: null, terminalCheck: null });
      },
      acknowledgeTerminal: (chars) => {
        const terminal = get().terminal;
        if (!terminal) return;
        // Acknowledged in batches: one call per 64 kB drawn, the rest shortly after.
        acknowledged += chars;
        const send = () => {
          if (acknowledged === 0) return;
          const batch = acknowledged;
          acknowledged = 0;
          void api.call('terminal.ack', { terminalId: terminal.id, chars: batch }).catch(() => undefined);
        };
        clearTimeout(acknowledgeTimer);
        if (acknowledged >= 65_536) send();
        else acknowledgeTimer = setTimeout(send, 50);
      },
      onTerminalData: (listener) => {
        const terminalId = get().terminal?.id;
        if (!terminalId) return () => undefined;
        const early = terminalOutput.take(terminalId);
        if (early) listener(early);
        return terminalOutput.listen(terminalId, listener);
      },
      answer: (question, answer) =>
        attempt(async () => {
          set({ questions: get().questions.filter((q) => q.id !== question.id) });
          await api.call('technician.answer', { questionId: question.id, answer });
        }),
      saveSample: async (questionId) => {
        try {
          return (await api.call('samples.save', { questionId })).path;
        } catch (error) {
          set({ error: error instanceof Error ? error.message : String(error) });
          return null;
        }
      },
      dismissError: () => set({ error: null }),
      connectTraining: () =>
        attempt(async () => {
          await api.call('training.connect', {});
          set({ trainingTapes: await trainingTapesNow() });
        }),
      showTranscript: (path) =>
        attempt(async () => {
          const chunk = await api.call('transcript.read', {
            path,
            endOffset: null,
            maxBytes: TRANSCRIPT_CHUNK_BYTES,
          });
          set({ transcript: { path, ...chunk } });
        }),
      showEarlierTranscript: () =>
        attempt(async () => {
          const shown = get().transcript;
          if (!shown || shown.startOffset === 0) return;
          const chunk = await api.call('transcript.read', {
            path: shown.path,
            endOffset: shown.startOffset,
            maxBytes: TRANSCRIPT_CHUNK_BYTES,
          });
          set({ transcript: { ...shown, text: chunk.text + shown.text, startOffset: chunk.startOffset } });
        }),
      closeTranscript: () => set({ transcript: null }),
      updateTape: (update) => attempt(async () => void (await api.call('tape.update', update))),
      moveTape: (move) => attempt(async () => void (await api.call('tape.move', move))),
      correctTape: (correction) => attempt(async () => void (await api.call('tape.correct', correction))),
      exportReport: (format, paper) =>
        attempt(async () => {
          set({ exporting: format });
          try {
            const { files } = await api.call('report.export', { format, ...(paper ? { paper } : {}) });
            set({ exports: [{ format, files, at: new Date().toISOString() }, ...get().exports] });
          } finally {
            set({ exporting: null });
          }
        }),
      revealExport: (file, how) =>
        attempt(async () => {
          const { download } = await api.call('report.reveal', { file, how });
          if (download !== null) downloadExport(download);
        }),
      leaveSession: () =>
        attempt(async () => {
          const running = get().runningStep;
          if (running)
            throw new Error(`${running} is running: wait for it to finish before leaving the session.`);
          get().closeTerminal();
          set({ ...initialWindowState(), sessions: get().sessions });
          await get().loadSessions();
        }),
      addNote: async (stepId, text) => {
        let added = false;
        await attempt(async () => {
          await api.call('note.add', { stepId, text });
          added = true;
        });
        return added;
      },
      refreshTrainingTapes: () => attempt(async () => set({ trainingTapes: await trainingTapesNow() })),
      moveTrainingTape: (tapeId, to) =>
        attempt(async () => {
          try {
            await api.call('training.moveTape', { tapeId, to });
          } finally {
            set({ trainingTapes: await trainingTapesNow() });
          }
        }),
      unpackTrainingTape: (tapeId, capacityBlocks) =>
        attempt(async () => {
          await api.call('training.unpackTape', { tapeId, capacityBlocks });
          set({ trainingTapes: await trainingTapesNow() });
        }),
      protectTrainingTape: (tapeId, writeProtected) =>
        attempt(async () => {
          await api.call('training.protectTape', { tapeId, writeProtected });
          set({ trainingTapes: await trainingTapesNow() });
        }),
    };
  });
  api.on('session.event', ({ event }) => {
    store.setState((current) => {
      if (current.directory === null) return {};
      try {
        const sessionEvent = event as SessionEvent;
        const state = applySessionEvent(current.state, sessionEvent);
        // A window that picked up a running step (after a reload) learns its end from the journal.
        const ended =
          'stepId' in sessionEvent &&
          sessionEvent.stepId === current.runningStep &&
          ['step-passed', 'step-failed', 'step-interrupted'].includes(sessionEvent.type);
        const events = [...current.events, sessionEvent];
        return ended ? { state, events, runningStep: null, questions: [] } : { state, events };
      } catch (error) {
        return {
          error: `The session view is out of step with the journal (${(error as Error).message}); reopen the session.`,
        };
      }
    });
  });
  api.on('technician.question', (question) =>
    store.setState((current) => ({ questions: [...current.questions, question] })),
  );
  api.on('terminal.closed', ({ terminalId, reason }) =>
    store.setState((current) =>
      current.terminal?.id === terminalId ? { terminal: { ...current.terminal, closedBecause: reason } } : {},
    ),
  );
  api.on('terminal.check', ({ terminalId, check }) =>
    store.setState((current) => (current.terminal?.id === terminalId ? { terminalCheck: check } : {})),
  );
  api.on('app.command', ({ command }) => {
    if (command === 'export-report') void store.getState().exportReport('pdf');
    else void store.getState().leaveSession();
  });
  api.on('server.connection', (report) =>
    store.setState((current) => ({ connections: { ...current.connections, [report.server]: report } })),
  );
  api.on('step.progress', (update) =>
    store.setState((current) =>
      current.runningStep === update.stepId
        ? { progress: { ...current.progress, [update.server]: update } }
        : {},
    ),
  );
  api.on('technician.message', (message) =>
    store.setState((current) => ({ messages: [...current.messages, message] })),
  );
  return store;
}

/**
 * Terminal output by terminal id. A shell prints its prompt at once, often before the window knows the
 * terminal's id or has a screen for it: that output is kept (up to a limit) for the screen's first subscription.
 */
class TerminalOutput {
  private static readonly KEEP_CHARACTERS = 1_000_000;
  private readonly unheard = new Map<string, string>();
  private readonly listeners = new Map<string, (data: string) => void>();

  deliver(terminalId: string, data: string): void {
    const listener = this.listeners.get(terminalId);
    if (listener) return listener(data);
    const kept = `${this.unheard.get(terminalId) ?? ''}${data}`;
    this.unheard.set(terminalId, kept.slice(-TerminalOutput.KEEP_CHARACTERS));
  }

  take(terminalId: string): string {
    const kept = this.unheard.get(terminalId) ?? '';
    this.unheard.delete(terminalId);
    return kept;
  }

  listen(terminalId: string, listener: (data: string) => void): () => void {
    this.listeners.set(terminalId, listener);
    return () => {
      if (this.listeners.get(terminalId) === listener) this.listeners.delete(terminalId);
    };
  }
}
