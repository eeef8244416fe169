import { useState } from 'react';
import { PAPER_SIZES, type PaperSize } from '../../../shared/report/paperSize.ts';
import type { ReportFormat, SessionStore } from '../session/sessionStore.ts';

const FORMATS: { format: ReportFormat; label: string }[] = [
  { format: 'html', label: 'HTML report' },
  { format: 'pdf', label: 'PDF report' },
  { format: 'json', label: 'JSON record (with transcripts)' },
  { format: 'csv', label: 'CSV of steps and tapes' },
  { format: 'labels', label: 'Tape labels and checklist' },
];

const baseName = (file: string) => file.split(/[\\/]/).at(-1) ?? file;

/** What ReportExport reads of the window's store. */
export const REPORT_EXPORT_KEYS = ['exportReport', 'exporting', 'exports', 'revealExport'] as const;
export type ReportExportStore = Pick<SessionStore, (typeof REPORT_EXPORT_KEYS)[number]>;

/** The upgrade report and the tape labels, exported from the session as it stands (complete or not). */
export function ReportExport({ store }: { store: ReportExportStore }) {
  const [paper, setPaper] = useState<PaperSize>('A4');
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">Report</h2>
      <p>
        Exports go into the session&apos;s exports folder. Check a JSON report later with{' '}
        <code>cms-ha verify</code>.
      </p>
      <label>
        Paper of the HTML and PDF report{' '}
        <select value={paper} onChange={(event) => setPaper(event.target.value as PaperSize)}>
          {PAPER_SIZES.map((size) => (
            <option key={size} value={size}>
              {size === 'Letter' ? 'US Letter' : size}
            </option>
          ))}
        </select>
      </label>
      <div className="export-buttons">
        {FORMATS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            disabled={store.exporting !== null}
            onClick={() => void store.exportReport(format, paper)}
          >
            {store.exporting === format ? `Exporting ${label}…` : `Export ${label}`}
          </button>
        ))}
      </div>
      {store.exports.length > 0 && (
        <ul aria-label="Exported files">
          {store.exports.flatMap((done) =>
            done.files.map((file) => (
              <li key={`${done.at}-${file}`}>
                {done.format.toUpperCase()}: <code>{file}</code>{' '}
                <button type="button" onClick={() => void store.revealExport(file, 'open')}>
                  Open {baseName(file)}
                </button>
                <button type="button" onClick={() => void store.revealExport(file, 'show-in-folder')}>
                  Show {baseName(file)} in its folder
                </button>
              </li>
            )),
          )}
        </ul>
      )}
    </section>
  );
}
