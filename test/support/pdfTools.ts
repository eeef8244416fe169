import { existsSync } from 'node:fs';
import { chromiumUnavailableReason } from './chromium.ts';

/** Why a PDF can't be checked here: it needs Chromium to print, poppler-utils to read it back, zbar for its QR code. */
export function pdfToolsUnavailableReason(): string | null {
  const browser = chromiumUnavailableReason();
  if (browser) return browser;
  if (existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/zbarimg'))
    return null;
  const reason =
    'skipped: pdftoppm/pdftotext or zbarimg are missing (install poppler-utils and zbar-tools, as .ci/run does)';
  if (process.env.CMS_HA_REQUIRE_BROWSER === '1') throw new Error(reason.replace('skipped: ', ''));
  return reason;
}
