import { ROLLBACK_STEP } from '../../../shared/procedure/rollbackStep.ts';
import { PROCEDURE_STEPS } from '../../../shared/procedure/steps.ts';
import { rollbackBegun } from '../../../shared/session/rollbackState.ts';
import type { Phase, StepId } from '../../../shared/procedure/types.ts';
import type { SessionState } from '../../../shared/session/sessionState.ts';
import { nextAction } from '../../../shared/session/nextAction.ts';
import { TIMELINE_LANES, lanesOfTarget, type TimelineLane } from '../../../shared/session/stepTimeline.ts';

const PHASES: { phase: Phase; title: string }[] = [
  { phase: 'day-before', title: 'The day before' },
  { phase: 'upgrade-day', title: 'Upgrade day' },
  { phase: 'rollback', title: 'The way back' },
];

export const LANE_TITLES: Record<TimelineLane, string> = {
  ORIG: 'ORIG',
  NEW: 'NEW',
  switch: 'Switch',
  technician: 'Technician',
};

/** The procedure as swimlanes by phase: every step's state at a glance and what can start next. */
export function PlanSwimlanes({ state, onSelect }: { state: SessionState; onSelect(stepId: StepId): void }) {
  const next = PROCEDURE_STEPS.filter((step) => state.steps[step.id].status === 'ready').map((s) => s.id);
  const action = nextAction(state, null).kind;
  const rollback = rollbackBegun(state);
  // The way back shows once it has begun; before, Now offers it.
  const steps = rollback ? [...PROCEDURE_STEPS, ROLLBACK_STEP] : PROCEDURE_STEPS;
  return (
    <section aria-labelledby="plan-heading" className="swimlanes">
      <h2 id="plan-heading">Plan</h2>
      <p className="next-steps">
        {action === 'complete'
          ? 'Every step is done.'
          : action === 'rolled-back'
            ? 'The upgrade was stopped and ORIG rolled back: no upgrade step runs in this session.'
            : rollback
              ? 'The upgrade was stopped: only the rollback (RB) runs now.'
              : next.length > 0
                ? `Can start next: ${next.join(', ')}`
                : 'Nothing else can start until the running or failed step has passed.'}
      </p>
      {PHASES.filter(({ phase }) => steps.some((step) => step.phase === phase)).map(({ phase, title }) => (
        <div key={phase} role="table" aria-label={title} className="lanes">
          <div role="row" className="lane-header">
            <span role="columnheader" className="phase-title">
              {title}
            </span>
            {TIMELINE_LANES.map((lane) => (
              <span role="columnheader" key={lane}>
                {LANE_TITLES[lane]}
              </span>
            ))}
          </div>
          {steps
            .filter((step) => step.phase === phase)
            .map((step) => {
              const lanes = lanesOfTarget(step.target);
              const first = TIMELINE_LANES.indexOf(lanes[0]!);
              const run = state.steps[step.id];
              return (
                <div role="row" key={step.id} className="lane-row">
                  <span role="rowheader" className="manual-step" style={{ gridColumn: 1 }}>
                    {step.manualStepNumber}
                  </span>
                  <span
                    role="cell"
                    className="lane-card"
                    data-lane-step={step.id}
                    data-status={run.status}
                    style={{ gridColumn: `${first + 2} / span ${lanes.length}` }}
                  >
                    <button type="button" className="link" onClick={() => onSelect(step.id)}>
                      {step.id}
                    </button>{' '}
                    {step.title} <span className="status-badge">{run.status}</span>
                  </span>
                </div>
              );
            })}
        </div>
      ))}
    </section>
  );
}
