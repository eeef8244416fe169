import { SESSION_CREATED, storeWith } from './fakeStore.ts';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TapeRegister } from '../../renderer/src/tapes/TapeRegister.tsx';
import { reduceSession } from '../../shared/session/reduceSession.ts';
import type { SessionEvent } from '../../shared/session/sessionEvents.ts';

afterEach(cleanup);

const at = '2026-11-23T08:00:00Z';
const registered: SessionEvent[] = [
  SESSION_CREATED,
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
];

describe('TapeRegister', () => {
  it('says when no tape was written yet', () => {
    render(<TapeRegister store={storeWith({})} />);
    expect(screen.getByText('No tape written yet.')).toBeTruthy();
  });

  it('lists each tape with its label, n of N and a warning when the write-protect switch is not set', () => {
    render(<TapeRegister store={storeWith({ state: reduceSession(registered) })} />);
    const row = within(screen.getByRole('row', { name: /DDS4-01/ }));
    expect(row.getByText('CMSADM backup of cms-orig, tape 1 of 2')).toBeTruthy();
    expect(row.getByText('1 of 2')).toBeTruthy();
    expect(row.getByText('NO — set the switch')).toBeTruthy();
  });

  it('keeps the labelling checklist: label written, switch set, where the tape is now', async () => {
    const store = storeWith({ state: reduceSession(registered) });
    render(<TapeRegister store={store} />);
    expect(screen.getByText('1 tape(s) still to do.')).toBeTruthy();
    const item = within(screen.getByRole('listitem', { name: 'Label of DDS4-01' }));
    expect(item.getByText('CMSADM backup of cms-orig, tape 1 of 2').tagName).toBe('Q');
    await userEvent.click(item.getByRole('checkbox', { name: 'Label written' }));
    expect(store.updateTape).toHaveBeenCalledWith({ tapeId: 'DDS4-01', labelled: true });
    await userEvent.click(item.getByRole('checkbox', { name: 'Write-protect switch set' }));
    expect(store.updateTape).toHaveBeenLastCalledWith({ tapeId: 'DDS4-01', writeProtected: true });
    const save = item.getByRole('button', { name: 'Save where DDS4-01 is' }) as HTMLButtonElement;
    await userEvent.selectOptions(item.getByLabelText('Where DDS4-01 is now'), 'handed to the customer');
    await userEvent.click(save);
    expect(store.moveTape).toHaveBeenLastCalledWith({ tapeId: 'DDS4-01', to: { kind: 'customer' } });
    await userEvent.selectOptions(item.getByLabelText('Where DDS4-01 is now'), 'somewhere else…');
    expect(save.disabled).toBe(true);
    await userEvent.type(item.getByLabelText('Where'), 'customer safe, shelf 2');
    await userEvent.click(save);
    expect(store.moveTape).toHaveBeenLastCalledWith({
      tapeId: 'DDS4-01',
      to: { kind: 'elsewhere', where: 'customer safe, shelf 2' },
    });
  });

  it('shows where each tape is and who says so, and who says its switch is set', () => {
    const moved: SessionEvent[] = [
      ...registered,
      {
        type: 'tape-moved',
        tapeId: 'DDS4-01',
        to: { kind: 'drive', server: 'NEW' },
        by: 'training-box',
        stepId: null,
        at,
      },
      {
        type: 'tape-updated',
        tapeId: 'DDS4-01',
        writeProtected: true,
        writeProtectSaidBy: 'training-box',
        at,
      },
      { type: 'tape-moved', tapeId: 'SPARE-1', to: { kind: 'desk' }, by: 'training-box', stepId: null, at },
    ];
    render(<TapeRegister store={storeWith({ state: reduceSession(moved) })} />);
    const row = within(screen.getByRole('row', { name: /DDS4-01/ }));
    expect(row.getByRole('cell', { name: 'drive of NEW (training tape box)' })).toBeTruthy();
    expect(row.getByRole('cell', { name: 'yes (training tape box)' })).toBeTruthy();
    expect(
      within(screen.getByRole('list', { name: 'Other tapes' })).getByText(/^SPARE-1: on the desk/),
    ).toBeTruthy();
    // The day's checklist says the same.
    expect(
      screen.getAllByRole('listitem').filter((item) => item.textContent?.endsWith('— DDS4-01: drive of NEW')),
    ).not.toHaveLength(0);
    cleanup();
    render(<TapeRegister store={storeWith({ state: reduceSession(registered) })} />);
    const first = within(screen.getByRole('row', { name: /DDS4-01/ }));
    expect(first.getByRole('cell', { name: "technician case (technician's answer)" })).toBeTruthy();
    expect(first.getByRole('cell', { name: "NO — set the switch (technician's answer)" })).toBeTruthy();
  });

  it('records a correction of the register with why and who, and shows the tape as no longer holding its backup', async () => {
    const store = storeWith({ state: reduceSession(registered) });
    const { rerender } = render(<TapeRegister store={store} />);
    const form = within(screen.getByRole('form', { name: 'Correct the register for DDS4-01' }));
    const record = form.getByRole('button', { name: 'Record the correction of DDS4-01' });
    await userEvent.selectOptions(form.getByLabelText('DDS4-01'), 'moved');
    await userEvent.type(form.getByLabelText('Why'), 'found in the drive of NEW');
    await userEvent.type(form.getByLabelText('Who says so'), 'R. Tech');
    expect((record as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(form.getByLabelText('Where it is now'), 'drive of NEW');
    await userEvent.click(record);
    expect(store.correctTape).toHaveBeenCalledWith({
      tapeId: 'DDS4-01',
      correction: 'moved',
      detail: 'drive of NEW',
      reason: 'found in the drive of NEW',
      by: 'R. Tech',
    });
    const corrected = reduceSession([
      ...registered,
      {
        type: 'tape-corrected',
        tapeId: 'DDS4-01',
        correction: 'overwritten',
        reason: 'P4b was run on it',
        by: 'R. Tech',
        at,
      },
    ]);
    rerender(<TapeRegister store={storeWith({ state: corrected })} />);
    expect(screen.getByRole('row', { name: /DDS4-01/ }).textContent).toContain('OVERWRITTEN');
    expect(
      within(screen.getByRole('list', { name: 'Corrections of DDS4-01' })).getByText(
        /overwritten: P4b was run on it — R\. Tech/,
      ),
    ).toBeTruthy();
  });

  it('says when every tape is labelled and write-protected', () => {
    const done = reduceSession([
      ...registered,
      { type: 'tape-updated', tapeId: 'DDS4-01', labelled: true, writeProtected: true, at },
    ]);
    render(<TapeRegister store={storeWith({ state: done })} />);
    expect(screen.getByText('Every tape is labelled and write-protected.')).toBeTruthy();
  });

  it('says which tapes each day writes and brings, and which are kept or reused afterwards', () => {
    render(<TapeRegister store={storeWith({ state: reduceSession(registered) })} />);
    const dayBefore = within(screen.getByRole('group', { name: 'The day before' }));
    expect(
      dayBefore.getByText(/CMSADM backup of ORIG \(day before\): written in P4a — DDS4-01/),
    ).toBeTruthy();
    const upgradeDay = within(screen.getByRole('group', { name: 'Upgrade day' }));
    expect(upgradeDay.getByText('Bring from the day before')).toBeTruthy();
    expect(
      upgradeDay.getByText(
        /Full maintenance backup of ORIG \(day before\): written in P4b, read in D7 — not written yet/,
      ),
    ).toBeTruthy();
    expect(screen.getByText('May go back into the nightly rotation (once D9 is done)')).toBeTruthy();
  });
});
