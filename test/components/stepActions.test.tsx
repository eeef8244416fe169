import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { StepActions } from '../../renderer/src/steps/StepActions.tsx';
import type { SessionEvent } from '../../shared/session/sessionEvents.ts';
import { reduceSession } from '../../shared/session/reduceSession.ts';
import { SESSION_CREATED, storeWith } from './fakeStore.ts';

afterEach(cleanup);
const at = '2026-11-23T08:00:00Z';
const created = SESSION_CREATED;

describe('StepActions', () => {
  it('skips a skippable step only with a reason', async () => {
    const store = storeWith({ state: reduceSession([created]) });
    render(<StepActions stepId="P1" store={store} />);
    await userEvent.click(screen.getByRole('button', { name: 'Skip P1' }));
    expect(store.skipStep).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Reason for skipping'), 'Switch already on R10');
    await userEvent.click(screen.getByRole('button', { name: 'Skip P1' }));
    expect(store.skipStep).toHaveBeenCalledWith('P1', 'Switch already on R10');
  });

  it('offers no skip on a migration, and a sign-off with initials once a step passed', async () => {
    const state = reduceSession([
      created,
      { type: 'step-started', stepId: 'P1', at },
      { type: 'step-passed', stepId: 'P1', at },
    ]);
    const store = storeWith({ state });
    render(<StepActions stepId="D7" store={store} />);
    expect(screen.getByText(/cannot be skipped/)).toBeTruthy();
    cleanup();
    render(<StepActions stepId="P1" store={store} />);
    await userEvent.type(screen.getByLabelText('Initials'), 'RT');
    await userEvent.click(screen.getByRole('button', { name: 'Sign off P1' }));
    expect(store.signOff).toHaveBeenCalledWith('P1', 'RT');
    cleanup();
    const signed = reduceSession([
      ...([
        created,
        { type: 'step-started', stepId: 'P1', at },
        { type: 'step-passed', stepId: 'P1', at },
      ] as SessionEvent[]),
      { type: 'step-signed-off', stepId: 'P1', initials: 'RT', at },
    ]);
    render(<StepActions stepId="P1" store={storeWith({ state: signed })} />);
    expect(screen.getByText('Signed off by RT at 2026-11-23 08:00')).toBeTruthy();
  });
});
