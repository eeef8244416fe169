import type { SessionState } from '../../../shared/session/sessionState.ts';
import type { StepAttempt } from '../../../shared/session/stepTimeline.ts';
import { timelineLayout } from '../../../shared/session/timelineLayout.ts';
import { LANE_TITLES } from './PlanSwimlanes.tsx';

function clockTime(milliseconds: number): string {
  return new Date(milliseconds).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** What ran when on which server: one bar per step attempt, the outage window shaded behind them. */
export function TimelineChart({
  attempts,
  state,
  now,
}: {
  attempts: readonly StepAttempt[];
  state: SessionState;
  now: number;
}) {
  const layout = timelineLayout(attempts, state.clocks['outage-window'], now);
  if (!layout) return <p>Nothing has run yet.</p>;
  return (
    <svg
      className="timeline"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={`Timeline of ${attempts.length} step runs from ${clockTime(layout.start)} to ${clockTime(layout.finish)}`}
    >
      {layout.outage && (
        <rect className="outage" x={layout.outage.x} y={0} width={layout.outage.width} height={layout.height}>
          <title>Outage window</title>
        </rect>
      )}
      <text x={layout.labelX} y={14}>
        {clockTime(layout.start)}
      </text>
      <text x={layout.width - 10} y={14} textAnchor="end">
        {clockTime(layout.finish)}
      </text>
      {layout.lanes.map(({ lane, labelY }) => (
        <text key={lane} x={4} y={labelY}>
          {LANE_TITLES[lane]}
        </text>
      ))}
      {layout.bars.map((bar) => (
        <rect
          key={bar.key}
          className="bar"
          data-lane={bar.lane}
          data-outcome={bar.outcome}
          x={bar.x}
          y={bar.y}
          width={bar.width}
          height={bar.height}
        >
          <title>
            {`${bar.attempt.stepId} attempt ${bar.attempt.attempt}: ${bar.outcome}, ${clockTime(Date.parse(bar.attempt.startedAt))}–${bar.attempt.endedAt ? clockTime(Date.parse(bar.attempt.endedAt)) : 'now'}`}
          </title>
        </rect>
      ))}
    </svg>
  );
}
