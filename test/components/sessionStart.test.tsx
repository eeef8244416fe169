import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionStart } from '../../renderer/src/session/SessionStart.tsx';
import type { SessionStore } from '../../renderer/src/session/sessionStore.ts';
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
    const sessions: SessionStore['sessions'] = [
      {
        directory: '/s/a',
        site: 'Acme',
        technician: 'RT',
        createdAt: '2026-11-23T08:05:00Z',
        training: true,
        progress: { status: 'complete', done: 17, of: 17, next: null },
      },
      {
        directory: '/s/b',
        site: 'Acme',
        technician: 'RT',
        createdAt: '2026-11-23T13:40:00Z',
        training: false,
        progress: { status: 'failed', done: 7, of: 17, next: 'D2' },
      },
      {
        directory: '/s/c',
        site: '\u202Eemca',
        technician: 'RT',
        createdAt: '2026-11-23T13:40:00Z',
        training: false,
        progress: null,
      },
    ];
    render(<SessionStart store={storeWith({ sessions })} />);
    const names = screen.getAllByRole('button', { name: /^Open / }).map((button) => button.textContent);
    expect(new Set(names).size).toBe(3);
    // Each with its state: same-day sessions of one site told apart by start time and progress.
    expect(names[0]).toMatch(/^Open Acme, 2026-11-23 started \d\d:05, RT — training — complete$/);
    expect(names[1]).toMatch(/— real upgrade — D2 failed, 7 of 17 steps done$/);
    expect(names[2]).toMatch(/— state unreadable$/);
    expect(screen.getByText('\u202Eemca').tagName).toBe('BDI');
  });
});
