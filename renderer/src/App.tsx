import { AppShell, Badge, Button, Group, Kbd, MantineProvider, Tabs } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { stepTimeline } from '../../shared/session/stepTimeline.ts';
import type { StepId } from '../../shared/procedure/types.ts';
import { chooseApi } from './api/chooseApi.ts';
import { APP_THEME } from './layout/appTheme.ts';
import { SessionHeader } from './layout/SessionHeader.tsx';
import { useClock } from './layout/useClock.ts';
import { useWindowView } from './layout/useWindowView.ts';
import { WINDOW_VIEWS, type WindowView } from './layout/windowViews.ts';
import { NOW_VIEW_KEYS, NowView } from './now/NowView.tsx';
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
import { STEP_RUN_BUTTON_KEYS, StepRunButton } from './steps/StepRunButton.tsx';
import { TAPE_REGISTER_KEYS, TapeRegister } from './tapes/TapeRegister.tsx';
import { TERMINAL_PANEL_KEYS, TerminalPanel } from './terminal/TerminalPanel.tsx';
import { TRAINING_TAPE_BOX_KEYS, TrainingTapeBox } from './training/TrainingTapeBox.tsx';
import { TECHNICIAN_INBOX_KEYS, TechnicianInbox } from './steps/TechnicianInbox.tsx';
import { nextAction } from '../../shared/session/nextAction.ts';

// Each area of the window reads only its own members of the store: a progress report re-renders the
// inbox, a terminal's output none of them, a journal event the views that show the session.
const Start = connectView(SessionStart, SESSION_START_KEYS);
const Board = connectView(StepBoard, STEP_BOARD_KEYS);
const Actions = connectView(StepActions, STEP_ACTIONS_KEYS);
const Record = connectView(StepRecord, STEP_RECORD_KEYS);
const RunButton = connectView(StepRunButton, STEP_RUN_BUTTON_KEYS);
const Terminal = connectView(TerminalPanel, TERMINAL_PANEL_KEYS);
const TapeBox = connectView(TrainingTapeBox, TRAINING_TAPE_BOX_KEYS);
const Tapes = connectView(TapeRegister, TAPE_REGISTER_KEYS);
const Servers = connectView(ServersView, SERVERS_VIEW_KEYS);
const Report = connectView(ReportExport, REPORT_EXPORT_KEYS);
const Connections = connectView(ConnectionStatus, CONNECTION_STATUS_KEYS);
const Inbox = connectView(TechnicianInbox, TECHNICIAN_INBOX_KEYS);
const Now = connectView(NowView, NOW_VIEW_KEYS);
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

/** The app's window: start or open a session, then the session's views. */
export function App() {
  const useStore = useMemo(() => createSessionStore(chooseApi()), []);
  return (
    <MantineProvider theme={APP_THEME}>
      <SessionStoreContext.Provider value={useStore}>
        <Window />
      </SessionStoreContext.Provider>
    </MantineProvider>
  );
}

const WINDOW_KEYS = ['directory', 'error', 'readOnlyReason', 'startup', 'dismissError'] as const;

function Window() {
  const store = useSessionSlice(WINDOW_KEYS);
  const { startup } = store;
  // Once per window: back to the session the core has open (a reload), or the list, or a training session.
  useEffect(() => void startup(), [startup]);
  const banners = (
    <>
      {store.error && (
        <div role="alert" className="error">
          {store.error}{' '}
          <Button size="compact-sm" variant="default" onClick={store.dismissError}>
            Dismiss
          </Button>
        </div>
      )}
      {store.readOnlyReason && (
        <div role="alert" className="error">
          This session is read-only: {store.readOnlyReason}
        </div>
      )}
    </>
  );
  if (store.directory === null)
    return (
      <AppShell header={{ height: 48 }} padding="md">
        <AppShell.Header>
          <SessionHeader session={null} />
        </AppShell.Header>
        <AppShell.Main>
          {banners}
          <Start />
        </AppShell.Main>
      </AppShell>
    );
  return <SessionWindow banners={banners} />;
}

const SESSION_WINDOW_KEYS = ['leaveSession', 'questions', 'runningStep', 'state'] as const;

/**
 * An open session: a header with what is always in view (site, clocks, both servers), a tab for each
 * view, and the views themselves, all kept mounted so that switching never loses what was typed or
 * what the terminal shows.
 */
function SessionWindow({ banners }: { banners: React.ReactNode }) {
  const store = useSessionSlice(SESSION_WINDOW_KEYS);
  const [view, show] = useWindowView();
  // The Now view's alerts and countdown follow the clock, not only the session's events.
  const now = useClock(30_000);
  const [selected, setSelected] = useState<StepId | null>(null);
  const next = nextAction(store.state, null);
  const shownStep = store.runningStep ?? selected ?? (next.kind === 'run' ? next.stepId : 'D11');
  const showStep = (stepId: StepId) => {
    setSelected(stepId);
    show('step');
  };
  // A step that starts is where the technician is needed: the window goes to it.
  useEffect(() => {
    if (store.runningStep) show('step');
  }, [store.runningStep, show]);
  // Alt+digit from anywhere, a text field included: the shortcuts never type a character there.
  useHotkeys(
    WINDOW_VIEWS.map((entry, index) => [`alt+${index + 1}`, () => show(entry.id)]),
    [],
  );
  const { session } = store.state;
  return (
    <Tabs
      value={view}
      onChange={(value) => value && show(value as WindowView)}
      keepMounted
      // Hidden by CSS, not React's Activity: a hidden view keeps running its effects (the terminal
      // keeps drawing what arrives, a half-typed answer stays).
      keepMountedMode="display-none"
      variant="default"
    >
      <AppShell header={{ height: 92 }} padding="sm">
        <AppShell.Header>
          <SessionHeader session={session} onLeave={() => void store.leaveSession()}>
            <Connections />
          </SessionHeader>
          <Group justify="space-between" wrap="nowrap" px="md" className="view-bar">
            <Tabs.List aria-label="Views">
              {WINDOW_VIEWS.map((entry, index) => (
                <Tabs.Tab key={entry.id} value={entry.id} rightSection={<Kbd size="xs">Alt+{index + 1}</Kbd>}>
                  {entry.title}
                  {entry.id === 'step' && store.questions.length > 0 && (
                    <Badge ml={6} size="sm" color="orange" aria-label="a question is waiting">
                      {store.questions.length}
                    </Badge>
                  )}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Clocks />
          </Group>
        </AppShell.Header>
        <AppShell.Main>
          {banners}
          <Tabs.Panel value="now">
            <Now now={now} onShow={show} onShowStep={showStep} />
          </Tabs.Panel>
          <Tabs.Panel value="step">
            <div className="step-view">
              <div className="step-view-column" aria-label="The step and its question">
                <Inbox />
                <RunButton stepId={shownStep} />
                <Detail stepId={shownStep} />
                <Actions stepId={shownStep} />
                <Record stepId={shownStep} />
              </div>
              <div className="step-view-column">
                <Terminal />
              </div>
            </div>
          </Tabs.Panel>
          <Tabs.Panel value="plan">
            <div className="plan-view">
              <Plan onSelect={showStep} />
              <section aria-labelledby="timeline-heading">
                <h2 id="timeline-heading">Timeline</h2>
                <Timeline />
              </section>
              <section aria-labelledby="steps-heading">
                <h2 id="steps-heading">Steps</h2>
                <Board onSelect={showStep} />
              </section>
            </div>
          </Tabs.Panel>
          <Tabs.Panel value="tapes">
            {session?.training && <TapeBox />}
            <Tapes />
          </Tabs.Panel>
          <Tabs.Panel value="servers">
            <Servers />
          </Tabs.Panel>
          <Tabs.Panel value="report">
            <Report />
          </Tabs.Panel>
        </AppShell.Main>
      </AppShell>
    </Tabs>
  );
}
