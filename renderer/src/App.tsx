import { useMemo } from 'react';
import { chooseApi } from './api/chooseApi.ts';
import { SessionStart } from './session/SessionStart.tsx';
import { createSessionStore } from './session/sessionStore.ts';
import { StepBoard } from './steps/StepBoard.tsx';
import { TapeRegister } from './tapes/TapeRegister.tsx';
import { TechnicianInbox } from './steps/TechnicianInbox.tsx';

/** The app's window: start or open a session, then the plan and the technician's inbox. */
export function App() {
  const useStore = useMemo(() => createSessionStore(chooseApi()), []);
  const store = useStore();
  const session = store.state.session;
  return (
    <main>
      <header>
        <h1>CMS HA Upgrade</h1>
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
        <>
          <div className="session">
            <StepBoard store={store} />
            <TechnicianInbox store={store} />
          </div>
          <TapeRegister state={store.state} />
        </>
      )}
    </main>
  );
}
