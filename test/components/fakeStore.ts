import { vi } from 'vitest';
import { initialWindowState, type SessionStore } from '../../renderer/src/session/sessionStore.ts';
import type { SessionEvent } from '../../shared/session/sessionEvents.ts';

/** A session store whose actions are spies, for views that only render and dispatch. */
export function storeWith(overrides: Partial<SessionStore>): SessionStore {
  return {
    ...initialWindowState(),
    directory: '/sessions/acme',
    loadSessions: vi.fn(),
    startup: vi.fn(),
    startTrainingSession: vi.fn(),
    openSession: vi.fn(),
    runStep: vi.fn(),
    skipStep: vi.fn(),
    signOff: vi.fn(),
    customerSignOff: vi.fn(),
    configureServer: vi.fn(),
    probeServer: vi.fn(),
    openTerminal: vi.fn(),
    resizeTerminal: vi.fn(),
    typeInTerminal: vi.fn(),
    closeTerminal: vi.fn(),
    onTerminalData: vi.fn(() => () => undefined),
    answer: vi.fn(),
    dismissError: vi.fn(),
    saveSample: vi.fn(async () => 'samples/D2-NEW-x.txt'),
    showTranscript: vi.fn(),
    showEarlierTranscript: vi.fn(),
    closeTranscript: vi.fn(),
    addNote: vi.fn(async () => true),
    exportReport: vi.fn(),
    revealExport: vi.fn(),
    leaveSession: vi.fn(),
    updateTape: vi.fn(),
    moveTape: vi.fn(),
    acknowledgeTerminal: vi.fn(),
    correctTape: vi.fn(),
    connectTraining: vi.fn(),
    refreshTrainingTapes: vi.fn(),
    moveTrainingTape: vi.fn(),
    unpackTrainingTape: vi.fn(),
    protectTrainingTape: vi.fn(),
    ...overrides,
  };
}

/** The first event of every test session. */
export const SESSION_CREATED: SessionEvent = {
  type: 'session-created',
  site: 'Acme',
  technician: 'RT',
  customerContact: '',
  training: true,
  at: '2026-11-23T08:00:00.000Z',
};
