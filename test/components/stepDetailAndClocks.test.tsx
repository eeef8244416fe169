import { SESSION_CREATED } from './fakeStore.ts';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionClocks } from '../../renderer/src/session/SessionClocks.tsx';
import { StepDetail } from '../../renderer/src/steps/StepDetail.tsx';
import { reduceSession } from '../../shared/session/reduceSession.ts';

afterEach(cleanup);

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 8, minute)).toISOString();
const created = SESSION_CREATED;

describe('StepDetail', () => {
  it("shows the manual's cautions and discrepancy, the tapes and the checklist as ticked so far", () => {
    const state = reduceSession([created]);
    render(<StepDetail stepId="D2" state={state} />);
    expect(screen.getByRole('heading', { name: /^D2: Install and set up NEW/ })).toBeTruthy();
    expect(screen.getByText(/Do not use the full maintenance backup tape for this migration/)).toBeTruthy();
    expect(screen.getByText(/The app follows the detailed procedure: use the step 1 tape/)).toBeTruthy();
    expect(screen.getByText(/Tapes to insert: ADMIN-ORIG \(not written yet\)/)).toBeTruthy();
    expect(screen.getAllByRole('checkbox').every((box) => !(box as HTMLInputElement).checked)).toBe(true);
  });
});

describe('SessionClocks', () => {
  it('counts down to the cut-off and measures the freeze and the outage window', () => {
    const state = reduceSession([created, { type: 'cut-off-set', cutOff: at(90), at: at(1) }]);
    render(<SessionClocks state={state} now={new Date(at(30))} />);
    expect(screen.getByText('Cut-off in 1 h 00 min')).toBeTruthy();
    expect(screen.getByText('Admin freeze: not started')).toBeTruthy();
    cleanup();
    render(<SessionClocks state={state} now={new Date(at(120))} />);
    expect(screen.getByText('Cut-off passed 0 h 30 min ago: no administration changes')).toBeTruthy();
  });
});
