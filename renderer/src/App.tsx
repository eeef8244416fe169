import { useEffect, useMemo, useState } from 'react';
import { stepTimeline } from '../../shared/session/stepTimeline.ts';
import type { StepId } from '../../shared/procedure/types.ts';
import { chooseApi } from './api/chooseApi.ts';
import { LargeTextToggle } from './LargeTextToggle.tsx';
import { PlanSwimlanes } from './plan/PlanSwimlanes.tsx';
import { TimelineChart } from './plan/TimelineChart.tsx';
import { ConnectionStatus } from './servers/ConnectionStatus.tsx';
import { ReportExport } from './report/ReportExport.tsx';
import { ServersView } from './servers/ServersView.tsx';
import { SessionClocks } from './session/SessionClocks.tsx';
import { SessionStart } from './session/SessionStart.tsx';
import { createSessionStore } from './session/sessionStore.ts';
import { StepActions } from './steps/StepActions.tsx';
import { StepBoard } from './steps/StepBoard.tsx';
import { StepDetail } from './steps/StepDetail.tsx';
import { StepRecord } from './steps/StepRecord.tsx';
import { TapeRegister } from './tapes/TapeRegister.tsx';
import { TerminalPanel } from './terminal/TerminalPanel.tsx';
import { TrainingTapeBox } from './training/TrainingTapeBox.tsx';
import { TechnicianInbox } from './steps/TechnicianInbox.tsx';

/** The app's window: start or open a session, then the plan and the technician's inbox. */
export function App() {
  const useStore = useMemo(() => createSessionStore(chooseApi()), []);
  const store = useStore();
  const { startup } = store;
  // Once per window: back to the session the core has open (a reload), or the list, or a training session.
  useEffect(() => void startup(), [startup]);
  const [selected, setSelected] = useState<StepId | null>(null);
  const shownStep = store.runningStep ?? selected;
  const session = store.state.session;
  const attempts = useMemo(() => stepTimeline(store.events), [store.events]);
  return (
    <main>
      <header>
        <h1>CMS HA Upgrade</h1>
        <LargeTextToggle />
        {session && (
          <p>
            {session.site} — {session.technician}
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
        <SessionStart store={store} />
      ) : (
        <div className="workspace">
          <div className="views">
            <nav aria-label="Views">
              <a href="#plan-heading">Plan</a> <a href="#timeline-heading">Timeline</a>{' '}
              <a href="#steps-heading">Steps</a> <a href="#terminal-heading">Terminal</a>{' '}
              {session?.training && <a href="#tape-box-heading">Tape box</a>}{' '}
              <a href="#tapes-heading">Tapes</a> <a href="#servers-heading">Servers</a>{' '}
              <a href="#report-heading">Report</a>{' '}
              <button type="button" className="link" onClick={() => void store.leaveSession()}>
                Other sessions
              </button>
            </nav>
            <PlanSwimlanes state={store.state} onSelect={setSelected} />
            <section aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">Timeline</h2>
              <TimelineChart attempts={attempts} state={store.state} now={Date.now()} />
            </section>
            <h2 id="steps-heading">Steps</h2>
            <div className="session">
              <StepBoard store={store} onSelect={setSelected} />
              <div>
                {shownStep && (
                  <>
                    <StepDetail stepId={shownStep} state={store.state} />
                    <StepActions stepId={shownStep} store={store} />
                    <StepRecord stepId={shownStep} store={store} />
                  </>
                )}
              </div>
            </div>
            <TerminalPanel store={store} />
            {session?.training && <TrainingTapeBox store={store} />}
            <TapeRegister store={store} />
            <ServersView store={store} />
            <ReportExport store={store} />
          </div>
          {/* The running step's questions stay in view wherever the technician has scrolled to. */}
          <aside className="sidebar" aria-label="Clocks and the running step">
            <SessionClocks state={store.state} />
            <ConnectionStatus store={store} />
            <TechnicianInbox store={store} />
          </aside>
        </div>
      )}
    </main>
  );
}
