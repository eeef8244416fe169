import { SESSION_CREATED, storeWith } from './fakeStore.ts';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StepRecord } from '../../renderer/src/steps/StepRecord.tsx';
import { reduceSession } from '../../shared/session/reduceSession.ts';

afterEach(cleanup);

const state = reduceSession([
  SESSION_CREATED,
  { type: 'step-started', stepId: 'P1', at: '2026-11-23T08:01:00.000Z' },
  {
    type: 'evidence-recorded',
    stepId: 'P1',
    server: 'ORIG',
    evidence: { kind: 'transcript', path: 'transcripts/P1-ORIG-1.log' },
    at: '2026-11-23T08:20:00.000Z',
  },
  { type: 'note-added', stepId: 'P1', text: 'Tape 1 was slow to load', at: '2026-11-23T08:21:00.000Z' },
]);

describe('StepRecord', () => {
  it("opens a step's transcript, shows it readable, and offers earlier output when only the end was read", async () => {
    const store = storeWith({
      state,
      transcript: {
        path: 'transcripts/P1-ORIG-1.log',
        text: '\u001b[1mVerification\u001b[0m\r\n1843200 blocks\r\n',
        startOffset: 10_000,
        totalBytes: 12_048,
      },
    });
    render(<StepRecord stepId="P1" store={store} />);
    await userEvent.click(screen.getByRole('button', { name: 'Show P1-ORIG-1.log' }));
    expect(store.showTranscript).toHaveBeenCalledWith('transcripts/P1-ORIG-1.log');
    const region = screen.getByRole('region', { name: 'Transcript transcripts/P1-ORIG-1.log' });
    expect(region.querySelector('pre')!.textContent).toBe('Verification\n1843200 blocks\n');
    expect(region.textContent).toContain('Showing the last 2 KiB of 12 KiB.');
    await userEvent.click(screen.getByRole('button', { name: 'Show earlier output' }));
    expect(store.showEarlierTranscript).toHaveBeenCalled();
  });

  it('lists the notes on the step and adds one', async () => {
    const store = storeWith({ state });
    render(<StepRecord stepId="P1" store={store} />);
    expect(screen.getByText(/Tape 1 was slow to load/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Note on P1'), 'Customer asked for a copy of the log');
    await userEvent.click(screen.getByRole('button', { name: 'Add the note' }));
    expect(store.addNote).toHaveBeenCalledWith('P1', 'Customer asked for a copy of the log');
    await waitFor(() => expect((screen.getByLabelText('Note on P1') as HTMLTextAreaElement).value).toBe(''));
  });

  it('keeps the typed note when it is not added, caps it at the journal limit, and isolates its direction', async () => {
    const store = storeWith({
      state: {
        ...state,
        notes: [{ stepId: 'P1', text: '\u202Eevil reversed', at: '2026-11-23T09:00:00Z' }],
      },
      addNote: vi.fn(async () => false),
    });
    render(<StepRecord stepId="P1" store={store} />);
    const box = screen.getByLabelText('Note on P1') as HTMLTextAreaElement;
    expect(box.maxLength).toBe(4000);
    await userEvent.type(box, 'Tape 3 label smudged');
    await userEvent.click(screen.getByRole('button', { name: 'Add the note' }));
    expect(store.addNote).toHaveBeenCalled();
    expect(box.value).toBe('Tape 3 label smudged');
    expect(screen.getByText('20 of 4000 characters')).toBeTruthy();
    // A right-to-left override typed into a note stays inside the note.
    expect(screen.getByText('\u202Eevil reversed').tagName).toBe('BDI');
  });
});
