import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { WindowCheckNote } from '../../renderer/src/terminal/WindowCheckNote.tsx';

afterEach(cleanup);

const check = {
  window: 'Maintenance: Backup Data',
  stepId: 'D1' as const,
  requirement:
    'Maintenance > Back Up Data: all ACDs; CMS system administration data, …; exclude historical data. Run.',
  unreadable: null,
};

describe('the check of the CMS window beside the terminal', () => {
  it('warns before Run, one line per difference, with what the step requires', () => {
    render(
      <WindowCheckNote
        check={{
          ...check,
          differences: ['Historical data is selected (incremental): this backup must exclude it.'],
        }}
      />,
    );
    const alert = screen.getByRole('alert', { name: 'Check of the CMS window' });
    expect(alert.textContent).toContain('are not the ones D1 requires. Do not select Run until they are:');
    expect(screen.getByRole('listitem').textContent).toBe(
      'Historical data is selected (incremental): this backup must exclude it.',
    );
    expect(alert.textContent).toContain(check.requirement);
  });

  it('says when the selections match, and when they could not be read', () => {
    const { rerender } = render(<WindowCheckNote check={{ ...check, differences: [] }} />);
    expect(screen.getByRole('status').textContent).toBe(
      'Maintenance: Backup Data: the selections on the screen are the ones D1 requires.',
    );
    rerender(
      <WindowCheckNote
        check={{ ...check, differences: null, unreadable: 'no check box for Specific tables' }}
      />,
    );
    expect(screen.getByRole('status').textContent).toMatch(
      /could not be read \(no check box for Specific tables\)\. Compare them yourself with what D1 requires/,
    );
  });
});
