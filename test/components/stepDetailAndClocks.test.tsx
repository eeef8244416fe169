import { SESSION_CREATED } from './fakeStore.ts';
import { recordedTrainingEvents } from '../support/recordedEvents.ts';
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

describe('StepDetail of a step that compared the servers', () => {
  it('shows ORIG and NEW side by side, aspect by aspect, with what came of each', () => {
    const events = recordedTrainingEvents();
    const started = events.findIndex((e) => e.type === 'step-started' && e.stepId === 'D2');
    const state = reduceSession([
      ...events.slice(0, started + 1),
      {
        type: 'evidence-recorded',
        stepId: 'D2',
        server: null,
        evidence: {
          kind: 'parsed',
          parser: 'server-comparison',
          result: {
            before: 'D2',
            rows: [
              { aspect: 'Solaris release', orig: '5.8 G', new: '5.9 G', outcome: 'differs', note: null },
              {
                aspect: 'CMS version and base load',
                orig: 'r3v9ak.g',
                new: 'r3v11ak.g',
                outcome: 'expected',
                note: "ORIG is upgraded to NEW's version and base load at D6",
              },
            ],
          },
        },
        at: events[started]!.at,
      },
    ]);
    render(<StepDetail stepId="D2" state={state} />);
    const table = screen.getByRole('table', { name: 'ORIG and NEW compared before D2' });
    expect([...table.querySelectorAll('tbody tr')].map((row) => row.textContent)).toEqual([
      'Solaris release5.8 G5.9 Gdiffers: judged by you',
      "CMS version and base loadr3v9ak.gr3v11ak.gdiffers, as the procedure expects (ORIG is upgraded to NEW's version and base load at D6)",
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
