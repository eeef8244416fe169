import fc from 'fast-check';
import type { SessionEvent } from '../../shared/session/sessionEvents.ts';
import { tryApplySessionEvent } from '../../shared/session/reduceSession.ts';
import { initialSessionState, type SessionState } from '../../shared/session/sessionState.ts';
import { eventCandidates, progressCandidates } from './eventCandidates.ts';

export interface LiveRun {
  accepted: SessionEvent[];
  /** Every event offered, accepted or refused, in order. */
  proposed: SessionEvent[];
  /** snapshots[k] is the live state after the first k accepted events. */
  snapshots: SessionState[];
  refused: number;
}

/** Folds events one by one the way the app does: each proposed event is applied or refused by the guards. */
export function liveRun(choices: readonly number[]): LiveRun {
  let state = initialSessionState();
  const accepted: SessionEvent[] = [];
  const proposed: SessionEvent[] = [];
  const snapshots = [state];
  let refused = 0;
  choices.forEach((choice, index) => {
    // Two choices in three follow the manual; the third is any event, legal or not.
    const progress = choice % 3 === 0 ? [] : progressCandidates(state);
    const candidates = progress.length > 0 ? progress : eventCandidates(state);
    const event = {
      ...candidates[choice % candidates.length]!,
      at: new Date(Date.UTC(2026, 10, 23) + index * 1000).toISOString(),
    } as SessionEvent;
    proposed.push(event);
    const result = tryApplySessionEvent(state, event);
    if (!result.ok) {
      refused++;
      return;
    }
    state = result.state;
    accepted.push(event);
    snapshots.push(state);
  });
  return { accepted, proposed, snapshots, refused };
}

export const choicesArbitrary = fc.array(fc.nat({ max: 10_000 }), {
  minLength: 1,
  maxLength: 400,
  size: 'max',
});
