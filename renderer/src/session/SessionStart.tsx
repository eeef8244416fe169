import { useEffect, useState, type FormEvent } from 'react';
import { describeSessionProgress } from '../../../shared/session/sessionProgress.ts';
import type { SessionStore } from './sessionStore.ts';

/** What SessionStart reads of the window's store. */
export const SESSION_START_KEYS = [
  'loadSessions',
  'openSession',
  'sessions',
  'startTrainingSession',
] as const;
export type SessionStartStore = Pick<SessionStore, (typeof SESSION_START_KEYS)[number]>;

/** New training upgrade, or an existing session to open. */
export function SessionStart({ store }: { store: SessionStartStore }) {
  const [site, setSite] = useState('');
  const [technician, setTechnician] = useState('');
  const [unfamiliar, setUnfamiliar] = useState(false);
  const { loadSessions, sessions, startTrainingSession, openSession } = store;
  // Where the window starts is decided once, by the app; here the list is only brought up to date.
  useEffect(() => {
    void loadSessions();
  }, [loadSessions]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void startTrainingSession(site.trim(), technician.trim(), unfamiliar);
  };

  return (
    <section aria-labelledby="start-heading">
      <h2 id="start-heading">Start</h2>
      <form onSubmit={submit} className="start-form">
        <label>
          Site
          <input value={site} onChange={(e) => setSite(e.target.value)} required />
        </label>
        <label>
          Technician
          <input value={technician} onChange={(e) => setTechnician(e.target.value)} required />
        </label>
        <label>
          <input type="checkbox" checked={unfamiliar} onChange={(e) => setUnfamiliar(e.target.checked)} />{' '}
          Unfamiliar server: outputs the app cannot all read (you judge them), root by su only
        </label>
        <button type="submit">Start a training upgrade on the simulated pair</button>
      </form>
      {sessions.length > 0 && (
        <>
          <h3>Sessions on this laptop</h3>
          <ul>
            {sessions.map((session) => (
              <li key={session.directory}>
                <button type="button" onClick={() => void openSession(session.directory)}>
                  Open <bdi>{session.site}</bdi>, {localStart(session.createdAt)},{' '}
                  <bdi>{session.technician}</bdi>
                  {session.training ? ' — training' : ' — real upgrade'} —{' '}
                  {describeSessionProgress(session.progress)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** When a session was started, on this laptop's clock: sessions of one site and day told apart. */
function localStart(iso: string): string {
  const at = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} started ${two(at.getHours())}:${two(at.getMinutes())}`;
}
