import { escapeHtml } from './reportFormat.ts';
import type { UpgradeReport } from './upgradeReport.ts';

/**
 * What Chromium's printer draws in the margin of every page of the PDF report: a running header (site,
 * session date, the journal head the report is of) and "Page n of N". Chromium fills the pageNumber and
 * totalPages spans itself; the templates get no styles of the page, so theirs are inline.
 */
export interface PdfPageFrame {
  headerTemplate: string;
  footerTemplate: string;
}

const STYLE =
  'font: 8px sans-serif; color: #444; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between;';

export function reportPageFrame(report: UpgradeReport): PdfPageFrame {
  const head = report.journal.chainFingerprint.slice(0, 16);
  return {
    headerTemplate: `<div style="${STYLE}"><span>${escapeHtml(report.session.site)} — CMS HA upgrade, ${escapeHtml(report.session.createdAt.slice(0, 10))}</span><span>Journal head ${escapeHtml(head)}… (${report.journal.events} events)</span></div>`,
    footerTemplate: `<div style="${STYLE}"><span>${report.session.training ? 'Training session' : 'Upgrade report'}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
  };
}
