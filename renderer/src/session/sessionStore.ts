import { create } from 'zustand';
import type { ApiEventPayload, ApiRequest, ApiResponse, CmsHaApi } from '../../../shared/ipc/apiContract.ts';
import type { ServerRole, StepId } from '../../../shared/procedure/types.ts';
import type { SessionEvent } from '../../../shared/session/sessionEvents.ts';
import { applySessionEvent, reduceSession } from '../../../shared/session/reduceSession.ts';
import { initialSessionState, type SessionState } from '../../../shared/session/sessionState.ts';

export type Question = ApiEventPayload<'technician.question'>;
export type ServerSettings = ApiRequest<'servers.configure'>;
export type ServerProbe = ApiResponse<'servers.probe'>;

export interface SessionStore {
  sessions: ApiResponse<'sessions.list'>['sessions'];
  directory: string | null;
  readOnlyReason: string | null;
  state: SessionState;
  questions: Question[];
  messages: ApiEventPayload<'technician.message'>[];
  runningStep: StepId | null;
  probes: Partial<Record<ServerRole, ServerProbe>>;
  error: string | null;
  loadSessions(): Promise<void>;
  /** Where a new window starts: the session the core has open (or opened for training), else the list. */
  startup(): Promise<void>;
  startTrainingSession(site: string, technician: string): Promise<void>;
  openSession(directory: string): Promise<void>;
  runStep(stepId: StepId): Promise<void>;
  configureServer(settings: ServerSettings): Promise<void>;
  probeServer(server: ServerRole): Promise<void>;
  answer(question: Question, answer: string | boolean | null): Promise<void>;
  dismissError(): void;
}

/** The session as the renderer sees it: the core's events folded with the same reducer, and the technician's inbox. */
export function createSessionStore(api: CmsHaApi) {
  const store = create<SessionStore>((set, get) => {
    const attempt = async (work: () => Promise<void>) => {
      try {
        await work();
      } catch (error) {
        set({ error: error instanceof Error ? error.message : String(error) });
      }
    };
    return {
      sessions: [],
      directory: null,
      readOnlyReason: null,
      state: initialSessionState(),
      questions: [],
      messages: [],
      runningStep: null,
      probes: {},
      error: null,
      loadSessions: () =>
        attempt(async () => set({ sessions: (await api.call('sessions.list', {})).sessions })),
      startup: () =>
        attempt(async () => {
          const { openDirectory } = await api.call('app.startup', {});
          if (openDirectory) await get().openSession(openDirectory);
          else await get().loadSessions();
        }),
      startTrainingSession: (site, technician) =>
        attempt(async () => {
          const { directory } = await api.call('session.create', {
            site,
            technician,
            customerContact: '',
            training: true,
          });
          await get().openSession(directory);
          await api.call('training.connect', {});
        }),
      openSession: (directory) =>
        attempt(async () => {
          const opened = await api.call('session.open', { directory });
          set({
            directory: opened.directory,
            state: reduceSession(opened.events as SessionEvent[]),
            readOnlyReason: opened.readOnly ? (opened.problem ?? 'the journal cannot be written') : null,
            messages: [],
            questions: [],
          });
        }),
      runStep: (stepId) =>
        attempt(async () => {
          set({ runningStep: stepId, messages: [] });
          try {
            const result = await api.call('step.run', { stepId });
            if (result.status !== 'passed')
              set({ error: `${stepId} ${result.status}: ${result.reason ?? ''}` });
          } finally {
            set({ runningStep: null, questions: [] });
          }
        }),
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
      answer: (question, answer) =>
        attempt(async () => {
          set({ questions: get().questions.filter((q) => q.id !== question.id) });
          await api.call('technician.answer', { questionId: question.id, answer });
        }),
      dismissError: () => set({ error: null }),
    };
  });
  api.on('session.event', ({ event }) => {
    store.setState((current) => {
      if (current.directory === null) return {};
      try {
        return { state: applySessionEvent(current.state, event as SessionEvent) };
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
  api.on('technician.message', (message) =>
    store.setState((current) => ({ messages: [...current.messages, message] })),
  );
  return store;
}
