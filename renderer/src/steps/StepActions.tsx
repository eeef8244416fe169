import { useState, type FormEvent } from 'react';
import { stepDefinition } from '../../../shared/procedure/procedureGraph.ts';
import type { StepId } from '../../../shared/procedure/types.ts';
import type { SessionStore } from '../session/sessionStore.ts';

const SKIPPABLE_NOW = new Set(['pending', 'ready', 'failed', 'interrupted']);

/** What StepActions reads of the window's store. */
export const STEP_ACTIONS_KEYS = ['readOnlyReason', 'runningStep', 'signOff', 'skipStep', 'state'] as const;
export type StepActionsStore = Pick<SessionStore, (typeof STEP_ACTIONS_KEYS)[number]>;

/** Skipping with a reason (where the manual allows it) and the sign-off with initials once a step is done. */
export function StepActions({ stepId, store }: { stepId: StepId; store: StepActionsStore }) {
  const run = store.state.steps[stepId];
  const step = stepDefinition(stepId);
  const [reason, setReason] = useState('');
  const [initials, setInitials] = useState('');
  const locked = store.readOnlyReason !== null || store.runningStep !== null;

  const skip = (event: FormEvent) => {
    event.preventDefault();
    void store.skipStep(stepId, reason.trim());
  };
  const signOff = (event: FormEvent) => {
    event.preventDefault();
    void store.signOff(stepId, initials.trim());
  };

  if (run.signOff) {
    return (
      <p>
        Signed off by {run.signOff.initials} at {run.signOff.at.slice(0, 16).replace('T', ' ')}
      </p>
    );
  }
  if (run.status === 'passed' || run.status === 'skipped') {
    return (
      <form onSubmit={signOff} aria-label={`Sign off ${stepId}`}>
        <label>
          Initials{' '}
          <input value={initials} onChange={(e) => setInitials(e.target.value)} maxLength={8} required />
        </label>
        <button type="submit" disabled={locked}>
          Sign off {stepId}
        </button>
      </form>
    );
  }
  if (step.skippable !== true) return <p>This step cannot be skipped: {step.skippable.refused}.</p>;
  if (!SKIPPABLE_NOW.has(run.status)) return null;
  return (
    <form onSubmit={skip} aria-label={`Skip ${stepId}`}>
      <label>
        Reason for skipping <input value={reason} onChange={(e) => setReason(e.target.value)} required />
      </label>
      <button type="submit" disabled={locked}>
        Skip {stepId}
      </button>
    </form>
  );
}
