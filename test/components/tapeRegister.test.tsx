import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TapeRegister } from '../../renderer/src/tapes/TapeRegister.tsx';
import { reduceSession } from '../../shared/session/reduceSession.ts';
import { initialSessionState } from '../../shared/session/sessionState.ts';

afterEach(cleanup);

describe('TapeRegister', () => {
  it('says when no tape was written yet', () => {
    render(<TapeRegister state={initialSessionState()} />);
    expect(screen.getByText('No tape written yet.')).toBeTruthy();
  });

  it('lists each tape with its label, n of N and a warning when the write-protect switch is not set', () => {
    const at = '2026-11-23T08:00:00Z';
    const state = reduceSession([
      { type: 'session-created', site: 'Acme', technician: 'RT', customerContact: '', training: true, at },
      { type: 'step-started', stepId: 'P2', at },
      {
        type: 'tape-registered',
        tapeId: 'DDS4-01',
        role: 'CMSADM-ORIG',
        producedBy: 'P4a',
        server: 'ORIG',
        labelText: 'CMSADM backup of cms-orig, tape 1 of 2',
        sequence: { number: 1, of: 2 },
        backupDate: '2026-11-22',
        cmsVersion: 'r3v9ak.g',
        writeProtected: false,
        verified: true,
        location: 'technician case',
        at,
      },
    ]);
    render(<TapeRegister state={state} />);
    const row = within(screen.getByRole('row', { name: /DDS4-01/ }));
    expect(row.getByText('CMSADM backup of cms-orig, tape 1 of 2')).toBeTruthy();
    expect(row.getByText('1 of 2')).toBeTruthy();
    expect(row.getByText('NO — set the switch')).toBeTruthy();
  });
});
