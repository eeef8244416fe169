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
    // Each migration's selections drawn as the R3 Migrate Data window, not as ids.
    const windows = screen.getAllByLabelText('System Setup: R3 Migrate Data as it must look');
    expect(windows.map((window) => window.textContent!.split('\n').slice(-3))).toEqual([
      ['[x] System Administration data', '[_] Agent/Call Center Admin data', '[_] Historical data'],
      ['[_] System Administration data', '[x] Agent/Call Center Admin data', '[_] Historical data'],
    ]);
  });

  it("draws D1's backup selections as the manual's Back Up Data window", () => {
    render(<StepDetail stepId="D1" state={reduceSession([created])} />);
    const window = screen.getByLabelText('Maintenance: Back Up Data as it must look').textContent!;
    expect(window.split('\n')).toEqual([
      'Maintenance: Back Up Data',
      'Verify tape can be read after backup? (y,n): y',
      'ACD(s) to back up (Select one):',
      '<x> All ACDs  <_> Current ACD',
      'Data to back up (Select any you wish):',
      '[_] Local system administration data',
      '[x] CMS system administration data',
      '[x] ACD-specific administration data',
      '[_] Historical data,',
      '    Select one: <x> Full  <_> Incremental',
      '[x] Non-CMS data',
      '[_] Specific tables',
    ]);
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
