import { cleanup, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NowView } from '../../renderer/src/now/NowView.tsx';
import { PlanSwimlanes } from '../../renderer/src/plan/PlanSwimlanes.tsx';
import { SessionClocks } from '../../renderer/src/session/SessionClocks.tsx';
import { StepDetail } from '../../renderer/src/steps/StepDetail.tsx';
import { STEP_IDS } from '../../shared/procedure/types.ts';
import { reduceSession } from '../../shared/session/reduceSession.ts';
import { ScenarioBuilder } from '../support/sessionScenario.ts';
import { storeWith } from './fakeStore.ts';
import { renderInApp } from './renderInApp.tsx';

afterEach(cleanup);

const upToD5 = () => {
  const scenario = new ScenarioBuilder().created();
  for (const id of STEP_IDS.slice(0, STEP_IDS.indexOf('D6'))) scenario.completeStep(id);
  return scenario;
};

describe('the way back in the window', () => {
  it('offers Roll back beside a failed D6, asks twice, and then runs RB', async () => {
    const runStep = vi.fn();
    const onShowStep = vi.fn();
    const state = reduceSession(
      upToD5()
        .add({ type: 'step-started', stepId: 'D6' })
        .add({ type: 'step-failed', stepId: 'D6', reason: 'the CUE upgrade broke off' }).events,
    );
    renderInApp(
      <NowView
        store={storeWith({ state, runStep })}
        now={new Date()}
        onShow={vi.fn()}
        onShowStep={onShowStep}
      />,
    );
    const wayBack = within(screen.getByRole('region', { name: 'If D6 fails' }));
    expect(
      wayBack.getByText(/^If the CUE upgrade fails, Roll back: ORIG is restored from its CMSADM tape/),
    ).toBeTruthy();
    await userEvent.click(wayBack.getByRole('button', { name: 'Roll back…' }));
    expect(runStep).not.toHaveBeenCalled();
    expect(wayBack.getByRole('alert').textContent).toMatch(/stops the upgrade in this session for good/);
    await userEvent.click(wayBack.getByRole('button', { name: 'Keep going with the upgrade' }));
    await userEvent.click(wayBack.getByRole('button', { name: 'Roll back…' }));
    await userEvent.click(wayBack.getByRole('button', { name: 'Start the rollback' }));
    expect(runStep).toHaveBeenCalledWith('RB');
    expect(onShowStep).toHaveBeenCalledWith('RB');
  });

  it('offers no rollback before the day-before backups exist', () => {
    const scenario = new ScenarioBuilder().created();
    for (const id of ['P1', 'P2', 'P3a', 'P3b'] as const) scenario.completeStep(id);
    renderInApp(
      <NowView
        store={storeWith({ state: reduceSession(scenario.events) })}
        now={new Date()}
        onShow={vi.fn()}
        onShowStep={vi.fn()}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Roll back…' })).toBeNull();
  });

  it('ends on the rolled-back summary, with RB among the steps', () => {
    const state = reduceSession(
      upToD5()
        .add({ type: 'step-started', stepId: 'D6' })
        .add({ type: 'step-failed', stepId: 'D6', reason: 'the CUE upgrade broke off' })
        .add({ type: 'step-started', stepId: 'RB' })
        .add({ type: 'checklist-item-ticked', stepId: 'RB', itemId: 'rollback-decided' })
        .add({ type: 'step-passed', stepId: 'RB' }).events,
    );
    renderInApp(
      <NowView store={storeWith({ state })} now={new Date()} onShow={vi.fn()} onShowStep={vi.fn()} />,
    );
    expect(screen.getByRole('heading', { name: 'The upgrade was rolled back' })).toBeTruthy();
    cleanup();
    renderInApp(<PlanSwimlanes state={state} onSelect={vi.fn()} />);
    expect(screen.getByText(/^The upgrade was stopped and ORIG rolled back/)).toBeTruthy();
    expect(
      within(screen.getByRole('table', { name: 'The way back' }))
        .getByText('RB')
        .closest('[data-status]'),
    ).toHaveProperty('dataset.status', 'passed');
    cleanup();
    renderInApp(<SessionClocks state={state} now={new Date(Date.parse(state.steps.RB.endedAt!) + 60_000)} />);
    expect(
      within(screen.getByRole('list', { name: 'Clocks' })).getByText(/^Rollback window: \d/),
    ).toBeTruthy();
    cleanup();
    renderInApp(
      <NowView store={storeWith({ state })} now={new Date()} onShow={vi.fn()} onShowStep={vi.fn()} />,
    );
    expect(document.querySelector('[data-summary-step="RB"]')).not.toBeNull();
    expect(screen.getByRole('form', { name: 'Customer sign-off' })).toBeTruthy();
  });

  it('says in the step view what to do if the step fails, and what the rollback needs and why', () => {
    const state = reduceSession(upToD5().events);
    renderInApp(<StepDetail stepId="D3" state={state} />);
    expect(screen.getByRole('heading', { name: 'If this step fails' })).toBeTruthy();
    expect(screen.getByText(/^Before the busy-out, nothing has changed/)).toBeTruthy();
    cleanup();
    renderInApp(<StepDetail stepId="RB" state={state} />);
    const plan = within(screen.getByRole('list', { name: 'Rollback plan' }));
    expect(plan.getByText(/^ORIG's links were busied out/)).toBeTruthy();
    expect(plan.getByText(/^ORIG was turned off for its CUE upgrade/)).toBeTruthy();
    cleanup();
    const early = new ScenarioBuilder().created();
    for (const id of STEP_IDS.slice(0, STEP_IDS.indexOf('D3'))) early.completeStep(id);
    renderInApp(<StepDetail stepId="RB" state={reduceSession(early.events)} />);
    const earlyPlan = within(screen.getByRole('list', { name: 'Rollback plan' }));
    expect(earlyPlan.getByText(/^Not needed: ORIG was not changed by the upgrade/)).toBeTruthy();
    expect(earlyPlan.getByText(/^Not needed: ORIG's links were never busied out/)).toBeTruthy();
    expect(screen.getByText('(signed off by the switch administrator)')).toBeTruthy();
  });
});
