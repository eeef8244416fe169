import type { Clock } from './sessionState.ts';
import { TIMELINE_LANES, type AttemptOutcome, type StepAttempt, type TimelineLane } from './stepTimeline.ts';

export const TIMELINE_WIDTH = 900;
const LABEL_WIDTH = 90;
const ROW_HEIGHT = 34;
const AXIS_HEIGHT = 24;

export interface TimelineBar {
  key: string;
  lane: TimelineLane;
  outcome: AttemptOutcome;
  x: number;
  y: number;
  width: number;
  height: number;
  attempt: StepAttempt;
}

export interface TimelineLayout {
  width: number;
  height: number;
  start: number;
  finish: number;
  lanes: { lane: TimelineLane; labelY: number }[];
  bars: TimelineBar[];
  outage: { x: number; width: number } | null;
  labelX: number;
}

/**
 * Where each step attempt sits on a time axis, one row per lane, with the outage window behind them.
 * The app's chart and the report's picture draw the same layout. Attempts still running end at `now`.
 */
export function timelineLayout(
  attempts: readonly StepAttempt[],
  outage: Clock,
  now: number,
): TimelineLayout | null {
  if (attempts.length === 0) return null;
  const end = (time: string | null) => (time === null ? now : Date.parse(time));
  const start = Math.min(...attempts.map((a) => Date.parse(a.startedAt)));
  const finish = Math.max(start + 60_000, ...attempts.map((a) => end(a.endedAt)));
  const x = (time: number) =>
    LABEL_WIDTH + ((Math.min(finish, time) - start) / (finish - start)) * (TIMELINE_WIDTH - LABEL_WIDTH - 10);
  const rowTop = (row: number) => AXIS_HEIGHT + row * ROW_HEIGHT;
  const bars = TIMELINE_LANES.flatMap((lane, row) =>
    attempts
      .filter((attempt) => attempt.lanes.includes(lane))
      .map((attempt) => {
        const left = x(Date.parse(attempt.startedAt));
        return {
          key: `${lane}-${attempt.stepId}-${attempt.attempt}`,
          lane,
          outcome: attempt.outcome,
          x: left,
          y: rowTop(row) + 6,
          width: Math.max(3, x(end(attempt.endedAt)) - left),
          height: ROW_HEIGHT - 12,
          attempt,
        };
      }),
  );
  const outageStart = outage.startedAt === null ? null : Math.max(start, Date.parse(outage.startedAt));
  return {
    width: TIMELINE_WIDTH,
    height: rowTop(TIMELINE_LANES.length),
    start,
    finish,
    lanes: TIMELINE_LANES.map((lane, row) => ({ lane, labelY: rowTop(row) + 21 })),
    bars,
    outage:
      outageStart === null
        ? null
        : { x: x(outageStart), width: Math.max(2, x(end(outage.endedAt)) - x(outageStart)) },
    labelX: LABEL_WIDTH,
  };
}
