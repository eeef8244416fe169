import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { chromiumPdfPrinter } from '../report/chromiumPdf.ts';
import { exportReport, REPORT_FORMATS, type ReportFormat } from '../report/exportReport.ts';
import { readSessionRecord } from '../report/sessionRecord.ts';
import { verifyReport } from '../report/verifyReport.ts';
import { defaultKeyDirectory, readInstallationPublicKey } from '../signing/keyVaults.ts';
import { nodeInstallationKey } from '../signing/nodeInstallationKey.ts';
import { CliUsageError } from './cliOptions.ts';
import { PAPER_SIZES, type PaperSize } from '../../shared/report/paperSize.ts';

function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** `cms-ha report <session-dir> --format F [--out F] [--paper-size A4|Letter]`: prints the paths written, one per line. */
export async function reportCommand(
  args: readonly string[],
): Promise<{ written: string[]; warning: string | null }> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { format: { type: 'string' }, out: { type: 'string' }, 'paper-size': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [directory, extra] = positionals;
  if (!directory || extra !== undefined) throw new CliUsageError('report takes one session folder');
  const format = values.format ?? '';
  if (!isReportFormat(format))
    throw new CliUsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  const paper = values['paper-size'] ?? 'A4';
  if (!(PAPER_SIZES as readonly string[]).includes(paper))
    throw new CliUsageError(`--paper-size must be one of ${PAPER_SIZES.join(', ')}`);
  const record = await readSessionRecord(directory);
  const printPdf = format === 'pdf' ? chromiumPdfPrinter() : undefined;
  if (format === 'pdf' && !printPdf)
    throw new Error(
      'PDF needs Chromium (install it, or set CMS_HA_CHROMIUM to its path); the HTML report prints as well.',
    );
  const signer = await nodeInstallationKey();
  const written = await exportReport(record, {
    format,
    out: values.out ?? null,
    printPdf,
    signer,
    paper: paper as PaperSize,
  });
  return {
    written,
    warning: record.problem
      ? `the journal is damaged (${record.problem}); the report covers what came before`
      : null,
  };
}

/**
 * `cms-ha verify <session-dir> <report.json> [--paper <QR text>]`: exit 0 when the report (and the paper
 * copy, if given) match the session, 1 when not.
 */
export async function verifyCommand(args: readonly string[]): Promise<{ ok: boolean; findings: string[] }> {
  const { positionals, values } = parseArgs({
    args: [...args],
    options: { paper: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [directory, reportFile, extra] = positionals;
  if (!directory || !reportFile || extra !== undefined)
    throw new CliUsageError('verify takes a session folder and a report.json');
  return verifyReport(directory, await readFile(reportFile, 'utf8'), {
    paper: values.paper,
    installationPublicKey: await readInstallationPublicKey(defaultKeyDirectory()),
  });
}
