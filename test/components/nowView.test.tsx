import { cleanup, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NowView } from '../../renderer/src/now/NowView.tsx';
import { reduceSession } from '../../shared/session/reduceSession.ts';
import { recordedTrainingEvents } from '../support/recordedEvents.ts';
import { storeWith } from './fakeStore.ts';
import { renderInApp } from './renderInApp.tsx';

afterEach(cleanup);

const events = recordedTrainingEvents();
const beforeD2 = events.slice(
  0,
  events.findIndex((e) => e.type === 'step-started' && e.stepId === 'D2'),
);

describe('NowView', () => {
  it('shows the next step with the tapes to have in hand, and runs it from there', async () => {
    const runStep = vi.fn();
    const onShowStep = vi.fn();
    const state = reduceSession(beforeD2);
    renderInApp(
      <NowView
        store={storeWith({ state, runStep })}
        now={new Date(Date.parse(state.steps.D1.endedAt!) + 60_000)}
        onShow={vi.fn()}
        onShowStep={onShowStep}
      />,
    );
    expect(screen.getByRole('heading', { name: /^D2: Install and set up NEW/ })).toBeTruthy();
    const inHand = within(screen.getByRole('list', { name: 'Have in hand' }));
    expect(inHand.getByText(/^The ADMIN-ORIG tape: DDS4-03 \(/)).toBeTruthy();
    expect(inHand.getByText(/as root in a terminal of this app/)).toBeTruthy();
    expect(screen.getByLabelText('Time to the cut-off').textContent).toMatch(/^Cut-off in \d+ h/);
    await userEvent.click(screen.getByRole('button', { name: 'Run D2' }));
    expect(runStep).toHaveBeenCalledWith('D2');
    expect(onShowStep).toHaveBeenCalledWith('D2');
  });

  it('sends the technician to the running step and its waiting question', async () => {
    const onShowStep = vi.fn();
    renderInApp(
      <NowView
        store={storeWith({
          state: reduceSession(beforeD2),
          runningStep: 'D2',
          questions: [
            {
              id: 'q',
              kind: 'confirm',
              text: 'x',
              stepId: 'D2',
              server: null,
              tape: null,
              hostKey: null,
              secret: false,
              checklistItem: null,
              reading: null,
            },
          ],
        })}
        now={new Date()}
        onShow={vi.fn()}
        onShowStep={onShowStep}
      />,
    );
    expect(screen.getByText('A question is waiting for you.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Go to D2 (Alt+2)' }));
    expect(onShowStep).toHaveBeenCalledWith('D2');
  });

  it('ends on the completion summary: every step, the tapes to hand over, the exports', async () => {
    const onShow = vi.fn();
    const state = reduceSession(events);
    const store = storeWith({
      state,
      exports: [{ format: 'pdf', files: ['/s/exports/upgrade-report.pdf'], at: '2026-11-24T12:00:00Z' }],
    });
    renderInApp(<NowView store={store} now={new Date()} onShow={onShow} onShowStep={vi.fn()} />);
    expect(screen.getByRole('heading', { name: 'The upgrade is complete' })).toBeTruthy();
    const rows = within(screen.getByRole('table', { name: 'Steps of the upgrade' })).getAllByRole('row');
    expect(rows).toHaveLength(18);
    expect(rows.slice(1).every((row) => row.textContent!.includes('passed'))).toBe(true);
    const keep = screen.getByRole('list', { name: 'Tapes the customer keeps' }).textContent!;
    expect(keep).toMatch(/\(CMSADM-ORIG\): DDS4-01: .*\(FULL-NEW\): DDS4-05: customer safe/);
    expect(screen.getByRole('list', { name: 'Exports made' }).textContent).toContain('upgrade-report.pdf');
    expect(screen.queryByRole('button', { name: /^Run / })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Export the report (Alt+6)' }));
    expect(onShow).toHaveBeenCalledWith('report');
    const signOff = within(screen.getByRole('form', { name: 'Customer sign-off' }));
    await userEvent.type(signOff.getByLabelText('Customer representative'), ' J. Admin ');
    await userEvent.type(signOff.getByLabelText('Role'), 'Contact centre manager');
    await userEvent.click(signOff.getByRole('button', { name: 'Record the sign-off' }));
    expect(store.customerSignOff).toHaveBeenCalledWith('J. Admin', 'Contact centre manager');
  });

  it('puts a time alert above the next action', () => {
    const state = reduceSession(
      events.slice(
        0,
        events.findIndex((e) => e.type === 'step-started' && e.stepId === 'D1'),
      ),
    );
    renderInApp(
      <NowView
        store={storeWith({ state })}
        now={new Date(Date.parse(state.steps.P4a.endedAt!) + 26 * 3_600_000)}
        onShow={vi.fn()}
        onShowStep={vi.fn()}
      />,
    );
    expect(screen.getByText('The CMSADM backup is older than 24 hours')).toBeTruthy();
  });
});
