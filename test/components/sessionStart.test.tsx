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

  it('tells sessions of one site and day apart, and keeps a right-to-left site name inside its entry', () => {
    const sessions = [
      {
        directory: '/s/a',
        site: 'Acme',
        technician: 'RT',
        createdAt: '2026-11-23T08:05:00Z',
        training: true,
      },
      {
        directory: '/s/b',
        site: 'Acme',
        technician: 'RT',
        createdAt: '2026-11-23T13:40:00Z',
        training: false,
      },
      {
        directory: '/s/c',
        site: '\u202Eemca',
        technician: 'RT',
        createdAt: '2026-11-23T13:40:00Z',
        training: false,
      },
    ];
    render(<SessionStart store={storeWith({ sessions })} />);
    const names = screen.getAllByRole('button', { name: /^Open / }).map((button) => button.textContent);
    expect(new Set(names).size).toBe(3);
    expect(names[0]).toMatch(/^Open Acme, 2026-11-23 started \d\d:05, RT — training$/);
    expect(names[1]).toMatch(/— real upgrade$/);
    expect(screen.getByText('\u202Eemca').tagName).toBe('BDI');
  });
});
