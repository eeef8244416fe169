import { vi } from 'vitest';
import type { SessionStore } from '../../renderer/src/session/sessionStore.ts';
import { initialSessionState } from '../../shared/session/sessionState.ts';

/** A session store whose actions are spies, for views that only render and dispatch. */
export function storeWith(overrides: Partial<SessionStore>): SessionStore {
  return {
    sessions: [],
    directory: '/sessions/acme',
    readOnlyReason: null,
    state: initialSessionState(),
    questions: [],
    messages: [],
    runningStep: null,
    probes: {},
    error: null,
    loadSessions: vi.fn(),
    startup: vi.fn(),
    startTrainingSession: vi.fn(),
    openSession: vi.fn(),
    runStep: vi.fn(),
    skipStep: vi.fn(),
    signOff: vi.fn(),
    configureServer: vi.fn(),
    probeServer: vi.fn(),
    terminal: null,
    openTerminal: vi.fn(),
    typeInTerminal: vi.fn(),
    closeTerminal: vi.fn(),
    onTerminalData: vi.fn(() => () => undefined),
    answer: vi.fn(),
    dismissError: vi.fn(),
    ...overrides,
  };
}
