import { cleanup, screen } from '@testing-library/react';
import { renderInApp as render } from './renderInApp.tsx';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { LargeTextToggle } from '../../renderer/src/LargeTextToggle.tsx';

afterEach(cleanup);

describe('LargeTextToggle', () => {
  it('enlarges the whole window and remembers the choice', async () => {
    window.localStorage.clear();
    render(<LargeTextToggle />);
    const button = screen.getByRole('button', { name: 'Large text' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(button);
    expect(document.documentElement.classList.contains('large-text')).toBe(true);
    expect(window.localStorage.getItem('cms-ha.largeText')).toBe('on');
    cleanup();
    render(<LargeTextToggle />);
    expect(screen.getByRole('button', { name: 'Large text' }).getAttribute('aria-pressed')).toBe('true');
  });
});
