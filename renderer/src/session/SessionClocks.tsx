import { useEffect, useState } from 'react';
import type { SessionState } from '../../../shared/session/sessionState.ts';
import { formatDuration } from './formatDuration.ts';

const duration = formatDuration;

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
      <li>
        {clock('Admin freeze', state.clocks['admin-freeze'].startedAt, state.clocks['admin-freeze'].endedAt)}
      </li>
      <li>
        {clock(
          'Outage window',
          state.clocks['outage-window'].startedAt,
          state.clocks['outage-window'].endedAt,
        )}
      </li>
      {state.clocks['rollback-window'].startedAt !== null && (
        <li>
          {clock(
            'Rollback window',
            state.clocks['rollback-window'].startedAt,
            state.clocks['rollback-window'].endedAt,
          )}
        </li>
      )}
    </ul>
  );
}
