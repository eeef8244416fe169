import { PROCEDURE_STEPS } from '../../../shared/procedure/steps.ts';
import type { StepId } from '../../../shared/procedure/types.ts';
import { isRunnable } from '../../../shared/session/stepStatusGroups.ts';
import type { SessionStore } from '../session/sessionStore.ts';

/** What StepBoard reads of the window's store. */
export const STEP_BOARD_KEYS = ['readOnlyReason', 'runStep', 'runningStep', 'state'] as const;
export type StepBoardStore = Pick<SessionStore, (typeof STEP_BOARD_KEYS)[number]>;

/** The procedure with every step's state and what can start next. */
export function StepBoard({
  store,
  onSelect,
}: {
  store: StepBoardStore;
  onSelect?: (stepId: StepId) => void;
}) {
  return (
    <table className="plan">
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">What</th>
          <th scope="col">Where</th>
          <th scope="col">State</th>
          <th scope="col">
            <span className="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {PROCEDURE_STEPS.map((step) => {
          const run = store.state.steps[step.id];
          return (
            <tr key={step.id} data-step={step.id}>
              <th scope="row">
                {onSelect ? (
                  <button
                    type="button"
                    className="link"
                    aria-label={`Details of ${step.id}`}
                    onClick={() => onSelect(step.id)}
                  >
                    {step.id}
                  </button>
                ) : (
                  step.id
                )}
              </th>
              <td>
                {step.title}
                {step.notes
                  .filter((note) => note.kind === 'discrepancy')
                  .map((note) => (
                    <p key={note.text} className="discrepancy">
                      Manual discrepancy: {note.text}
                    </p>
                  ))}
                {run.reason && <p className="reason">{run.reason}</p>}
              </td>
              <td>{step.target}</td>
              <td data-status={run.status}>{run.status}</td>
              <td>
                {isRunnable(run.status) && (
                  <button
                    type="button"
                    disabled={store.runningStep !== null || store.readOnlyReason !== null}
                    onClick={() => void store.runStep(step.id)}
                  >
                    {run.status === 'ready' ? 'Run' : 'Run again'} {step.id}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
