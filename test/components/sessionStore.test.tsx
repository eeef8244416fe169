import { SESSION_CREATED } from './fakeStore.ts';
import { act, cleanup, render } from '@testing-library/react';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import { connectView, SessionStoreContext } from '../../renderer/src/session/connectStore.tsx';
import { STEP_BOARD_KEYS, StepBoard } from '../../renderer/src/steps/StepBoard.tsx';
import { TECHNICIAN_INBOX_KEYS, TechnicianInbox } from '../../renderer/src/steps/TechnicianInbox.tsx';
import { CONNECTION_STATUS_KEYS, ConnectionStatus } from '../../renderer/src/servers/ConnectionStatus.tsx';
import type { ApiCall, ApiEvent, ApiRequest, ApiResponse, CmsHaApi } from '../../shared/ipc/apiContract.ts';
import { createSessionStore } from '../../renderer/src/session/sessionStore.ts';

const created = SESSION_CREATED;

/** A core that answers from a table and lets the test push events, as the transports do. */
function fakeCore(answers: Partial<{ [C in ApiCall]: (request: ApiRequest<C>) => ApiResponse<C> }>) {
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const api: CmsHaApi = {
    call: async (channel, request) => {
      const answer = answers[channel] as ((r: unknown) => unknown) | undefined;
      if (!answer) throw new Error(`${channel} failed in the core`);
      return answer(request) as never;
    },
    on: (event, listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener as (payload: unknown) => void]);
      return () => undefined;
    },
  };
  const push = (event: ApiEvent, payload: unknown) =>
    listeners.get(event)?.forEach((listener) => listener(payload));
  return { api, push };
}

/** The core's answer to session.open for a session holding only its first event. */
function openedWithCreatedOnly({ directory }: { directory: string }) {
  return {
    directory,
    events: [created],
    readOnly: false,
    problem: null,
    droppedTornLine: false,
    runningStep: null,
    pendingQuestions: [],
    progress: [],
    connections: [],
  };
}

describe('the session store', () => {
  it('folds the opened journal and the events that follow with the shared reducer', async () => {
    const { api, push } = fakeCore({
      'session.open': openedWithCreatedOnly,
    });
    const store = createSessionStore(api);
    await store.getState().openSession('/sessions/acme');
    expect(store.getState().state.session?.site).toBe('Acme');
    push('session.event', { event: { type: 'step-started', stepId: 'P1', at: '2026-11-23T08:01:00Z' } });
    expect(store.getState().state.steps.P1.status).toBe('running');
    push('technician.question', {
      id: 'q',
      kind: 'confirm',
      text: 'Done?',
      stepId: 'P1',
      server: null,
      tape: null,
      hostKey: null,
      secret: false,
      checklistItem: null,
    });
    expect(store.getState().questions).toHaveLength(1);
  });

  it('says so when an event does not fit the state it holds, and shows failures of the core', async () => {
    const { api, push } = fakeCore({
      'session.open': openedWithCreatedOnly,
      'step.run': ({ stepId }) => ({ stepId, status: 'failed', reason: 'ORIG: no tape loaded' }),
    });
    const store = createSessionStore(api);
    push('session.event', { event: created });
    expect(store.getState().error).toBeNull();
    await store.getState().openSession('/sessions/acme');
    push('session.event', { event: { type: 'step-passed', stepId: 'D9', at: '2026-11-23T08:01:00Z' } });
    expect(store.getState().error).toContain('out of step with the journal');
    await store.getState().runStep('P2');
    expect(store.getState().error).toBe('P2 failed: ORIG: no tape loaded');
    await store.getState().loadSessions();
    expect(store.getState().error).toBe('sessions.list failed in the core');
  });

  it('exports a report and follows the menu: export, and back to the sessions (never under a running step)', async () => {
    const exported: string[] = [];
    const { api, push } = fakeCore({
      'session.open': openedWithCreatedOnly,
      'sessions.list': () => ({ sessions: [] }),
      'report.export': ({ format }) => {
        exported.push(format);
        return { files: [`/sessions/acme/exports/upgrade-report.${format}`] };
      },
    });
    const store = createSessionStore(api);
    await store.getState().openSession('/sessions/acme');
    await store.getState().exportReport('html');
    expect(store.getState().exports.map((e) => e.files)).toEqual([
      ['/sessions/acme/exports/upgrade-report.html'],
    ]);
    push('app.command', { command: 'export-report' });
    await expect.poll(() => exported).toEqual(['html', 'pdf']);

    store.setState({ runningStep: 'P4a' });
    push('app.command', { command: 'open-session' });
    await expect.poll(() => store.getState().error).toContain('P4a is running');
    expect(store.getState().directory).toBe('/sessions/acme');
    store.setState({ runningStep: null });
    push('app.command', { command: 'new-session' });
    await expect.poll(() => store.getState().directory).toBeNull();
    expect(store.getState().exports).toEqual([]);
  });

  it('keeps the check of the CMS window on the open terminal, sizes terminals as chosen, and forgets the check when its terminal closes', async () => {
    const opened: unknown[] = [];
    const resized: unknown[] = [];
    const { api, push } = fakeCore({
      'session.open': openedWithCreatedOnly,
      'terminal.open': (request) => {
        opened.push(request);
        return { terminalId: 't1' };
      },
      'terminal.resize': (request) => {
        resized.push(request);
        return {};
      },
      'terminal.close': () => ({}),
    });
    const store = createSessionStore(api);
    await store.getState().openSession('/sessions/acme');
    await store.getState().openTerminal('ORIG');
    expect(opened).toEqual([{ server: 'ORIG', stepId: null, size: { cols: 80, rows: 24 } }]);
    store.getState().resizeTerminal({ cols: 132, rows: 43 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(resized).toEqual([{ terminalId: 't1', size: { cols: 132, rows: 43 } }]);
    const check = {
      window: 'Maintenance: Backup Data',
      stepId: 'D1',
      requirement: 'Back Up Data as D1 says.',
      differences: ['Historical data is selected (full): this backup must exclude it.'],
      unreadable: null,
    };
    push('terminal.check', { terminalId: 'another', check });
    expect(store.getState().terminalCheck).toBeNull();
    push('terminal.check', { terminalId: 't1', check });
    expect(store.getState().terminalCheck).toEqual(check);
    store.getState().closeTerminal();
    expect(store.getState().terminalCheck).toBeNull();
    await store.getState().openTerminal('NEW');
    expect(opened.at(-1)).toEqual({ server: 'NEW', stepId: null, size: { cols: 132, rows: 43 } });
  });

  it('re-renders on a progress report only the view that shows progress, and on a journal event only the views of the session', async () => {
    const { api, push } = fakeCore({ 'session.open': openedWithCreatedOnly });
    const store = createSessionStore(api);
    await store.getState().openSession('/sessions/acme');
    const Board = connectView(StepBoard, STEP_BOARD_KEYS);
    const Inbox = connectView(TechnicianInbox, TECHNICIAN_INBOX_KEYS);
    const Connections = connectView(ConnectionStatus, CONNECTION_STATUS_KEYS);
    const renders = { board: 0, inbox: 0, connections: 0 };
    const count = (id: string) => renders[id as keyof typeof renders]++;
    render(
      <SessionStoreContext.Provider value={store}>
        <Profiler id="board" onRender={count}>
          <Board />
        </Profiler>
        <Profiler id="inbox" onRender={count}>
          <Inbox />
        </Profiler>
        <Profiler id="connections" onRender={count}>
          <Connections />
        </Profiler>
      </SessionStoreContext.Provider>,
    );
    act(() =>
      push('session.event', { event: { type: 'step-started', stepId: 'P1', at: '2026-11-23T08:01:00Z' } }),
    );
    // The window ran P1 (its run call is what sets the running step).
    act(() => store.setState({ runningStep: 'P1' }));
    const afterEvent = { ...renders };
    expect(afterEvent.board).toBeGreaterThan(1);
    expect(afterEvent.connections).toBe(1);

    for (const blocks of [100, 200, 300])
      act(() =>
        push('step.progress', {
          stepId: 'P1',
          server: 'ORIG',
          text: `${blocks} blocks`,
          blocks,
          at: '2026-11-23T08:02:00Z',
        }),
      );
    expect(renders.inbox).toBe(afterEvent.inbox + 3);
    expect(renders.board).toBe(afterEvent.board);
    expect(renders.connections).toBe(afterEvent.connections);
    cleanup();
  });
});
