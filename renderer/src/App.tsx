import { useEffect, useMemo, useState } from 'react';
import { stepTimeline } from '../../shared/session/stepTimeline.ts';
import type { StepId } from '../../shared/procedure/types.ts';
import { chooseApi } from './api/chooseApi.ts';
import { LargeTextToggle } from './LargeTextToggle.tsx';
import { PlanSwimlanes } from './plan/PlanSwimlanes.tsx';
import { TimelineChart } from './plan/TimelineChart.tsx';
import { CONNECTION_STATUS_KEYS, ConnectionStatus } from './servers/ConnectionStatus.tsx';
import { REPORT_EXPORT_KEYS, ReportExport } from './report/ReportExport.tsx';
import { SERVERS_VIEW_KEYS, ServersView } from './servers/ServersView.tsx';
import { connectView, SessionStoreContext, useSessionSlice } from './session/connectStore.tsx';
import { SessionClocks } from './session/SessionClocks.tsx';
import { SESSION_START_KEYS, SessionStart } from './session/SessionStart.tsx';
import { createSessionStore, type SessionStore } from './session/sessionStore.ts';
import { STEP_ACTIONS_KEYS, StepActions } from './steps/StepActions.tsx';
import { STEP_BOARD_KEYS, StepBoard } from './steps/StepBoard.tsx';
import { StepDetail } from './steps/StepDetail.tsx';
import { STEP_RECORD_KEYS, StepRecord } from './steps/StepRecord.tsx';
import { TAPE_REGISTER_KEYS, TapeRegister } from './tapes/TapeRegister.tsx';
import { TERMINAL_PANEL_KEYS, TerminalPanel } from './terminal/TerminalPanel.tsx';
import { TRAINING_TAPE_BOX_KEYS, TrainingTapeBox } from './training/TrainingTapeBox.tsx';
import { TECHNICIAN_INBOX_KEYS, TechnicianInbox } from './steps/TechnicianInbox.tsx';

// Each area of the window reads only its own members of the store: a progress report re-renders the
// inbox, a terminal's output none of them, a journal event the views that show the session.
const Start = connectView(SessionStart, SESSION_START_KEYS);
const Board = connectView(StepBoard, STEP_BOARD_KEYS);
const Actions = connectView(StepActions, STEP_ACTIONS_KEYS);
const Record = connectView(StepRecord, STEP_RECORD_KEYS);
const Terminal = connectView(TerminalPanel, TERMINAL_PANEL_KEYS);
const TapeBox = connectView(TrainingTapeBox, TRAINING_TAPE_BOX_KEYS);
const Tapes = connectView(TapeRegister, TAPE_REGISTER_KEYS);
const Servers = connectView(ServersView, SERVERS_VIEW_KEYS);
const Report = connectView(ReportExport, REPORT_EXPORT_KEYS);
const Connections = connectView(ConnectionStatus, CONNECTION_STATUS_KEYS);
const Inbox = connectView(TechnicianInbox, TECHNICIAN_INBOX_KEYS);
const Plan = connectView(
  ({ store, onSelect }: { store: Pick<SessionStore, 'state'>; onSelect: (stepId: StepId) => void }) => (
    <PlanSwimlanes state={store.state} onSelect={onSelect} />
  ),
  ['state'],
);
const Timeline = connectView(
  ({ store }: { store: Pick<SessionStore, 'state' | 'events'> }) => {
    const attempts = useMemo(() => stepTimeline(store.events), [store.events]);
    return <TimelineChart attempts={attempts} state={store.state} now={Date.now()} />;
  },
  ['state', 'events'],
);
const Detail = connectView(
  ({ store, stepId }: { store: Pick<SessionStore, 'state'>; stepId: StepId }) => (
    <StepDetail stepId={stepId} state={store.state} />
  ),
  ['state'],
);
const Clocks = connectView(
  ({ store }: { store: Pick<SessionStore, 'state'> }) => <SessionClocks state={store.state} />,
  ['state'],
);

/** The app's window: start or open a session, then the plan and the technician's inbox. */
export function App() {
  const useStore = useMemo(() => createSessionStore(chooseApi()), []);
  return (
    <SessionStoreContext.Provider value={useStore}>
      <Window />
    </SessionStoreContext.Provider>
  );
}

const WINDOW_KEYS = [
  'directory',
  'error',
  'readOnlyReason',
  'runningStep',
  'startup',
  'dismissError',
  'leaveSession',
] as const;

function Window() {
  const store = useSessionSlice(WINDOW_KEYS);
  const { session } = useSessionSlice(['state']).state;
  const { startup } = store;
  // Once per window: back to the session the core has open (a reload), or the list, or a training session.
  useEffect(() => void startup(), [startup]);
  const [selected, setSelected] = useState<StepId | null>(null);
  const shownStep = store.runningStep ?? selected;
  return (
    <main>
      <header>
        <h1>CMS HA Upgrade</h1>
        <LargeTextToggle />
        {session && (
          <p>
            <bdi>{session.site}</bdi> — <bdi>{session.technician}</bdi>
            {session.training ? ' — training on the simulated pair' : ''}
          </p>
        )}
      </header>
      {store.error && (
        <div role="alert" className="error">
          {store.error}{' '}
          <button type="button" onClick={store.dismissError}>
            Dismiss
          </button>
        </div>
      )}
      {store.readOnlyReason && <div role="alert">This session is read-only: {store.readOnlyReason}</div>}
      {store.directory === null ? (
        <Start />
      ) : (
        <div className="workspace">
          <div className="views">
            <nav aria-label="Views">
              <SectionLink to="plan-heading">Plan</SectionLink>{' '}
              <SectionLink to="timeline-heading">Timeline</SectionLink>{' '}
              <SectionLink to="steps-heading">Steps</SectionLink>{' '}
              <SectionLink to="terminal-heading">Terminal</SectionLink>{' '}
              {session?.training && <SectionLink to="tape-box-heading">Tape box</SectionLink>}{' '}
              <SectionLink to="tapes-heading">Tapes</SectionLink>{' '}
              <SectionLink to="servers-heading">Servers</SectionLink>{' '}
              <SectionLink to="report-heading">Report</SectionLink>{' '}
              <button type="button" className="link" onClick={() => void store.leaveSession()}>
                Other sessions
              </button>
            </nav>
            <Plan onSelect={setSelected} />
            <section aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">Timeline</h2>
              <Timeline />
            </section>
            <h2 id="steps-heading">Steps</h2>
            <div className="session">
              <Board onSelect={setSelected} />
              <div>
                {shownStep && (
                  <>
                    <Detail stepId={shownStep} />
                    <Actions stepId={shownStep} />
                    <Record stepId={shownStep} />
                  </>
                )}
              </div>
            </div>
            <Terminal />
            {session?.training && <TapeBox />}
            <Tapes />
            <Servers />
            <Report />
          </div>
          {/* The running step's questions stay in view wherever the technician has scrolled to. */}
          <aside className="sidebar" aria-label="Clocks and the running step">
            <Clocks />
            <Connections />
            <Inbox />
          </aside>
        </div>
      )}
    </main>
  );
}

/**
 * A link to a section of the page that scrolls to it without touching the address: the browser
 * harness keeps its access token in the address's fragment, which a `#section` link would replace.
 */
function SectionLink({ to, children }: { to: string; children: string }) {
  return (
    <a
      href={`#${to}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(to)?.scrollIntoView();
      }}
    >
      {children}
    </a>
  );
}
