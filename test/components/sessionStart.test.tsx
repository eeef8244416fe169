import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionStart } from '../../renderer/src/session/SessionStart.tsx';
import { storeWith } from './fakeStore.ts';

afterEach(cleanup);

describe('SessionStart', () => {
  it('starts a training upgrade on the default pair, or on the unfamiliar one when asked', async () => {
    const store = storeWith({});
    render(<SessionStart store={store} />);
    await userEvent.type(screen.getByLabelText('Site'), 'Practice');
    await userEvent.type(screen.getByLabelText('Technician'), 'RT');
    await userEvent.click(screen.getByRole('button', { name: /Start a training upgrade/ }));
    expect(store.startTrainingSession).toHaveBeenLastCalledWith('Practice', 'RT', false);
    await userEvent.click(screen.getByLabelText(/Unfamiliar server/));
    await userEvent.click(screen.getByRole('button', { name: /Start a training upgrade/ }));
    expect(store.startTrainingSession).toHaveBeenLastCalledWith('Practice', 'RT', true);
  });
});
