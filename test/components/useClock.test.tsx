import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useClock } from '../../renderer/src/layout/useClock.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Minute() {
  return <p>{useClock(30_000).toISOString()}</p>;
}

describe('useClock', () => {
  it('renews the time every interval, so alerts and countdowns move while nothing else happens', () => {
    vi.useFakeTimers({ now: new Date('2026-11-24T06:00:00Z') });
    render(<Minute />);
    expect(screen.getByText('2026-11-24T06:00:00.000Z')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(30_000);
    });
    expect(screen.getByText('2026-11-24T06:00:30.000Z')).toBeTruthy();
  });
});
