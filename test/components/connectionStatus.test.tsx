import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionStatus } from '../../renderer/src/servers/ConnectionStatus.tsx';
import { storeWith } from './fakeStore.ts';

afterEach(cleanup);

describe('ConnectionStatus', () => {
  it("shows each server's connection and why it dropped", () => {
    render(
      <ConnectionStatus
        store={storeWith({
          connections: {
            ORIG: { server: 'ORIG', state: 'connected', reason: null, at: '2026-11-24T08:00:00Z' },
            NEW: {
              server: 'NEW',
              state: 'lost',
              reason: 'connection to cms-new closed; the app connects again when it next needs NEW',
              at: '2026-11-24T08:01:00Z',
            },
          },
        })}
      />,
    );
    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual([
      'ORIG: connected',
      'NEW: connection lost — connection to cms-new closed; the app connects again when it next needs NEW',
    ]);
  });

  it('says when a server was not connected yet', () => {
    render(<ConnectionStatus store={storeWith({})} />);
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'ORIG: not connected yet',
      'NEW: not connected yet',
    ]);
  });
});
