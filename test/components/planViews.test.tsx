import { SESSION_CREATED } from './fakeStore.ts';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlanSwimlanes } from '../../renderer/src/plan/PlanSwimlanes.tsx';
import { TimelineChart } from '../../renderer/src/plan/TimelineChart.tsx';
import { reduceSession } from '../../shared/session/reduceSession.ts';
import { stepTimeline } from '../../shared/session/stepTimeline.ts';
import { ScenarioBuilder } from '../support/sessionScenario.ts';

afterEach(cleanup);

describe('PlanSwimlanes', () => {
  it('puts each step in its lane by phase, with its state and what can start next', async () => {
    const events = new ScenarioBuilder().created().completeStep('P1').events;
    const onSelect = vi.fn();
    const { container } = render(<PlanSwimlanes state={reduceSession(events)} onSelect={onSelect} />);
    expect(screen.getByText('Can start next: P2, P3a, P3b')).toBeTruthy();
    const dayBefore = screen.getByRole('table', { name: 'The day before' });
    const upgradeDay = screen.getByRole('table', { name: 'Upgrade day' });
    expect(within(dayBefore).getAllByRole('cell')).toHaveLength(6);
    expect(within(upgradeDay).getAllByRole('cell')).toHaveLength(11);
    const card = (id: string) => container.querySelector<HTMLElement>(`[data-lane-step="${id}"]`)!;
    expect(card('P1').dataset.status).toBe('passed');
    expect(card('P2').dataset.status).toBe('ready');
    // P2 runs on both servers: its card spans the ORIG and NEW lanes; D2 sits in NEW's lane only.
    expect(card('P2').style.gridColumn).toBe('2 / span 2');
    expect(card('D2').style.gridColumn).toBe('3 / span 1');
    expect(card('D3').style.gridColumn).toBe('4 / span 1');
    await userEvent.click(within(card('D2')).getByRole('button', { name: 'D2' }));
    expect(onSelect).toHaveBeenCalledWith('D2');
  });
});

describe('TimelineChart', () => {
  it('draws one bar per attempt in each lane the step uses, failed attempts marked, the outage window behind', () => {
    const events = new ScenarioBuilder()
      .created()
      .completeStep('P1')
      .add({ type: 'step-started', stepId: 'P2' })
      .add({ type: 'step-failed', stepId: 'P2', reason: 'no tape' })
      .completeStep('P2').events;
    const attempts = stepTimeline(events);
    const { container } = render(
      <TimelineChart attempts={attempts} state={reduceSession(events)} now={Date.now()} />,
    );
    const bars = [...container.querySelectorAll('rect.bar')].map((bar) => [
      bar.getAttribute('data-lane'),
      bar.getAttribute('data-outcome'),
    ]);
    expect(bars).toEqual([
      ['ORIG', 'failed'],
      ['ORIG', 'passed'],
      ['NEW', 'failed'],
      ['NEW', 'passed'],
      ['switch', 'passed'],
    ]);
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/^Timeline of 3 step runs from /);
    expect(container.querySelector('rect.outage')).toBeNull();
  });

  it('says so when nothing has run', () => {
    render(<TimelineChart attempts={[]} state={reduceSession([SESSION_CREATED])} now={0} />);
    expect(screen.getByText('Nothing has run yet.')).toBeTruthy();
  });
});
