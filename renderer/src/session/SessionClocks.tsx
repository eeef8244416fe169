import { useEffect, useState } from 'react';
import type { ClockName } from '../../../shared/procedure/types.ts';
import type { SessionState } from '../../../shared/session/sessionState.ts';
import { formatDuration } from './formatDuration.ts';

const duration = formatDuration;

/** The clocks shown, in order; the rollback window only once a rollback began. */
const CLOCKS: { name: ClockName; title: string; always: boolean }[] = [
  { name: 'admin-freeze', title: 'Admin freeze', always: true },
  { name: 'outage-window', title: 'Outage window', always: true },
  { name: 'rollback-window', title: 'Rollback window', always: false },
];

/** The clocks that matter: the cut-off countdown, the admin freeze, the outage window, and the rollback window once one began. */
export function SessionClocks({ state, now: fixedNow }: { state: SessionState; now?: Date }) {
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    if (fixedNow) return;
    const timer = setInterval(() => setTick(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [fixedNow]);
  const now = fixedNow?.getTime() ?? tick;
  const clock = (name: string, started: string | null, ended: string | null) =>
    started === null
      ? `${name}: not started`
      : `${name}: ${duration((ended ? Date.parse(ended) : now) - Date.parse(started))}${ended ? '' : ' and running'}`;
  const cutOff = state.cutOff === null ? null : Date.parse(state.cutOff) - now;
  return (
    <ul className="clocks" aria-label="Clocks">
      <li>
        {cutOff === null
          ? 'Cut-off: not set'
          : cutOff > 0
            ? `Cut-off in ${duration(cutOff)}`
            : `Cut-off passed ${duration(-cutOff)} ago: no administration changes`}
      </li>
      {CLOCKS.filter(({ name, always }) => always || state.clocks[name].startedAt !== null).map(
        ({ name, title }) => (
          <li key={name}>{clock(title, state.clocks[name].startedAt, state.clocks[name].endedAt)}</li>
        ),
      )}
    </ul>
  );
}
