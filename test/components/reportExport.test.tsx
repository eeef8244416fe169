import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportExport } from '../../renderer/src/report/ReportExport.tsx';
import { storeWith } from './fakeStore.ts';

afterEach(cleanup);

describe('ReportExport', () => {
  it('exports each format and lists the files written', async () => {
    const store = storeWith({
      exports: [
        {
          format: 'csv',
          files: ['/s/exports/steps.csv', '/s/exports/tapes.csv'],
          at: '2026-11-24T12:00:00Z',
        },
      ],
    });
    render(<ReportExport store={store} />);
    for (const [name, format] of [
      ['Export HTML report', 'html'],
      ['Export PDF report', 'pdf'],
      ['Export JSON record (with transcripts)', 'json'],
      ['Export CSV of steps and tapes', 'csv'],
      ['Export Tape labels and checklist', 'labels'],
    ] as const) {
      await userEvent.click(screen.getByRole('button', { name }));
      expect(store.exportReport).toHaveBeenLastCalledWith(format, 'A4');
    }
    // US Letter for a customer who prints on it.
    await userEvent.selectOptions(screen.getByLabelText('Paper of the HTML and PDF report'), 'Letter');
    await userEvent.click(screen.getByRole('button', { name: 'Export PDF report' }));
    expect(store.exportReport).toHaveBeenLastCalledWith('pdf', 'Letter');
    const files = screen.getByRole('list', { name: 'Exported files' });
    expect(files.querySelectorAll('code')).toHaveLength(2);
    expect(files.textContent).toMatch(
      /^CSV: \/s\/exports\/steps.csv Open steps.csv.*CSV: \/s\/exports\/tapes.csv/,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Open tapes.csv' }));
    expect(store.revealExport).toHaveBeenLastCalledWith('/s/exports/tapes.csv', 'open');
    await userEvent.click(screen.getByRole('button', { name: 'Show steps.csv in its folder' }));
    expect(store.revealExport).toHaveBeenLastCalledWith('/s/exports/steps.csv', 'show-in-folder');
  });

  it('shows the export under way and takes no second one meanwhile', () => {
    render(<ReportExport store={storeWith({ exporting: 'pdf' })} />);
    expect(screen.getByRole('button', { name: 'Exporting PDF report…' })).toBeTruthy();
    expect(screen.getAllByRole('button').every((button) => (button as HTMLButtonElement).disabled)).toBe(
      true,
    );
  });
});
