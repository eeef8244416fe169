import { describe, expect, it } from 'vitest';
import { rollbackPlan } from '../../../shared/procedure/rollbackPlan.ts';
import { STEP_IDS } from '../../../shared/procedure/types.ts';
import { nextAction } from '../../../shared/session/nextAction.ts';
import { reduceSession } from '../../../shared/session/reduceSession.ts';
import { rollbackOffered } from '../../../shared/session/rollbackState.ts';
import { sessionProgress } from '../../../shared/session/sessionProgress.ts';
import { SessionGuardError } from '../../../shared/session/sessionGuardError.ts';
import { ScenarioBuilder } from '../../support/sessionScenario.ts';

const upTo = (last: (typeof STEP_IDS)[number]) => {
  const scenario = new ScenarioBuilder().created();
  for (const id of STEP_IDS.slice(0, STEP_IDS.indexOf(last) + 1)) scenario.completeStep(id);
  return scenario;
};

const refusal = (build: () => unknown) => {
  try {
    build();
  } catch (error) {
    if (error instanceof SessionGuardError) return error.code;
    throw error;
  }
  return null;
};

describe('the way back (RB) in the session rules', () => {
  it('is offered from P4 on, and not once the upgrade is complete', () => {
    expect(rollbackOffered(reduceSession(upTo('P3b').events))).toBe(false);
    expect(rollbackOffered(reduceSession(upTo('P4b').events))).toBe(true);
    expect(rollbackOffered(reduceSession(upTo('D10').events))).toBe(true);
    const complete = upTo('D11');
    expect(rollbackOffered(reduceSession(complete.events))).toBe(false);
    expect(refusal(() => reduceSession(complete.add({ type: 'step-started', stepId: 'RB' }).events))).toBe(
      'upgrade-complete',
    );
    expect(refusal(() => reduceSession(upTo('P3b').add({ type: 'step-started', stepId: 'RB' }).events))).toBe(
      'prerequisites-not-met',
    );
  });

  it('once decided, is the only way on: no upgrade step starts again, the window shows the rollback', () => {
    const scenario = upTo('D5')
      .add({ type: 'step-started', stepId: 'D6' })
      .add({ type: 'step-failed', stepId: 'D6', reason: 'the CUE upgrade broke off' })
      .add({ type: 'step-started', stepId: 'RB' })
      .add({ type: 'checklist-item-ticked', stepId: 'RB', itemId: 'rollback-decided' })
      .add({ type: 'step-failed', stepId: 'RB', reason: 'the CMSADM tape was not at hand' });
    const state = reduceSession(scenario.events);
    expect(state.clocks['rollback-window'].startedAt).not.toBeNull();
    expect(rollbackOffered(state)).toBe(false);
    expect(nextAction(state, null)).toMatchObject({ kind: 'run', stepId: 'RB', again: true });
    expect(sessionProgress(state)).toMatchObject({ status: 'rolling-back', next: 'RB' });
    expect(
      refusal(() =>
        reduceSession([
          ...scenario.events,
          { type: 'step-started', stepId: 'D6', at: scenario.events.at(-1)!.at },
        ]),
      ),
    ).toBe('rolled-back');

    const done = reduceSession(
      scenario
        .add({ type: 'step-started', stepId: 'RB', keptItems: ['rollback-decided'] })
        .add({ type: 'step-passed', stepId: 'RB' }).events,
    );
    expect(done.clocks['rollback-window'].endedAt).not.toBeNull();
    expect(nextAction(done, null)).toMatchObject({ kind: 'rolled-back' });
    expect(sessionProgress(done).status).toBe('rolled-back');
    // The customer signs the report of a rollback too.
    expect(
      reduceSession([
        ...scenario.events,
        { type: 'customer-signed-off', name: 'C. Rep', role: 'IT manager', at: scenario.events.at(-1)!.at },
      ]).customerSignOff,
    ).toMatchObject({ name: 'C. Rep' });
  });

  it('asks only for what the upgrade changed: nothing to restore before ORIG was turned off', () => {
    const early = rollbackPlan(reduceSession(upTo('D2').events));
    expect(early).toMatchObject({
      restoreOrig: { needed: false },
      switchBack: { needed: false },
      endFreeze: { needed: true },
    });
    const late = rollbackPlan(reduceSession(upTo('D5').add({ type: 'step-started', stepId: 'D6' }).events));
    expect(late).toMatchObject({ restoreOrig: { needed: true }, switchBack: { needed: true } });
  });

  it("records the responsible person's sign-off of a confirmed item only", () => {
    const running = upTo('D5')
      .add({ type: 'step-started', stepId: 'D6' })
      .add({ type: 'step-failed', stepId: 'D6', reason: 'the CUE upgrade broke off' })
      .add({ type: 'step-started', stepId: 'RB' });
    expect(
      refusal(() =>
        reduceSession(
          running.add({ type: 'item-signed-off', stepId: 'RB', itemId: 'switch-back', name: 'Pat' }).events,
        ),
      ),
    ).toBe('illegal-transition');
  });
});
