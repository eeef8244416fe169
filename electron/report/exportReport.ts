import { lstat, mkdir } from 'node:fs/promises';
import { replaceFileAtomically } from '../journal/atomicFile.ts';
import { readPlainFile } from '../journal/plainFiles.ts';
import path from 'node:path';
import { renderLabelSheet } from '../../shared/report/labelSheet.ts';
import { stepsCsv, tapesCsv } from '../../shared/report/reportCsv.ts';
import type { PaperSize } from '../../shared/report/paperSize.ts';
import { renderReportHtml, type ReportSigning } from '../../shared/report/reportHtml.ts';
import { reportPageFrame, type PdfPageFrame } from '../../shared/report/reportPageFrame.ts';
import { paperHeadText, type SignedHead } from '../../shared/report/signedHead.ts';
import { keyFingerprint } from '../signing/installationKey.ts';
import type { HeadSigner } from '../journal/sessionJournal.ts';
import { buildUpgradeReport, type UpgradeReport } from '../../shared/report/upgradeReport.ts';
import { reduceSession } from '../../shared/session/reduceSession.ts';
import { EXPORTS_DIR } from '../journal/sessionFolders.ts';
import { transcriptFilePath } from '../journal/transcriptReader.ts';
import type { SessionRecord } from './sessionRecord.ts';
import { transcriptExcerpts } from './transcriptExcerpts.ts';

export const REPORT_FORMATS = ['html', 'pdf', 'json', 'csv', 'labels'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Turns self-contained HTML into PDF bytes: Chromium under Node, `printToPDF` in Electron. */
/** Prints the report's HTML to PDF, drawing `frame` (running header, page numbers) on every page. */
export type PdfPrinter = (html: string, frame: PdfPageFrame) => Promise<Uint8Array>;

/** The JSON export: the report, the journal's events it was built from, and every transcript in full. */
export interface ReportRecordFile {
  report: UpgradeReport;
  generatedAt: string;
  events: SessionRecord['events'];
  transcripts: Record<string, string>;
  /** The report's point in the journal, signed by the installation that exported it. */
  signedHead: SignedHead;
}

export interface ExportOptions {
  format: ReportFormat;
  /** A file (a folder for csv, which writes steps.csv and tapes.csv); default: the session's exports folder. */
  out?: string | null;
  printPdf?: PdfPrinter;
  now?: Date;
  /** The paper the HTML and PDF report are laid out for (default A4). */
  paper?: PaperSize;
  /** This installation's key: every export carries the report's point in the journal, signed. */
  signer: HeadSigner;
}

const DEFAULT_NAMES: Record<Exclude<ReportFormat, 'csv'>, string> = {
  html: 'upgrade-report.html',
  pdf: 'upgrade-report.pdf',
  json: 'upgrade-report.json',
  labels: 'tape-labels.html',
};

/** Writes one export of a session (complete or not) and resolves with the paths written. */
export async function exportReport(
  record: Omit<SessionRecord, 'eventHashes' | 'head'>,
  options: ExportOptions,
): Promise<string[]> {
  const generatedAt = (options.now ?? new Date()).toISOString();
  const report = buildUpgradeReport(record.events, record.chainFingerprint, record.problem);
  const signedHead = options.signer.signHead(report.journal.events, report.journal.chainFingerprint);
  const signing = { head: signedHead, keyFingerprint: keyFingerprint(signedHead.publicKey) };
  const exportsDir = path.join(record.directory, EXPORTS_DIR);
  const target = (name: string) => path.resolve(options.out ?? path.join(exportsDir, name));
  switch (options.format) {
    case 'html': {
      const excerpts = await transcriptExcerpts(record.directory, report);
      const html = renderReportHtml(report, excerpts, generatedAt, signing, options.paper ?? 'A4');
      return [await writeAtomically(target(DEFAULT_NAMES.html), html)];
    }
    case 'pdf': {
      if (!options.printPdf)
        throw new Error('PDF export needs a browser to print with; none is available here.');
      const excerpts = await transcriptExcerpts(record.directory, report);
      const html = renderReportHtml(report, excerpts, generatedAt, signing, options.paper ?? 'A4');
      return [
        await writeAtomically(
          target(DEFAULT_NAMES.pdf),
          await options.printPdf(html, reportPageFrame(report)),
        ),
      ];
    }
    case 'json': {
      const file: ReportRecordFile = {
        report,
        generatedAt,
        events: record.events,
        transcripts: await fullTranscripts(record.directory, report),
        signedHead,
      };
      return [await writeAtomically(target(DEFAULT_NAMES.json), `${JSON.stringify(file, null, 1)}\n`)];
    }
    case 'csv': {
      const folder = path.resolve(options.out ?? exportsDir);
      return [
        await writeAtomically(path.join(folder, 'steps.csv'), stepsCsv(report)),
        await writeAtomically(path.join(folder, 'tapes.csv'), tapesCsv(report)),
        await writeAtomically(path.join(folder, 'journal-head.txt'), signedHeadText(signing)),
      ];
    }
    case 'labels': {
      const state = reduceSession(record.events);
      const hosts = { ORIG: state.servers.ORIG?.host, NEW: state.servers.NEW?.host };
      return [await writeAtomically(target(DEFAULT_NAMES.labels), renderLabelSheet(state, hosts, signing))];
    }
    default: {
      const unknown: never = options.format;
      throw new Error(`Unknown report format ${String(unknown)}`);
    }
  }
}

/** Beside the CSV files: the point in the journal they were made from, signed, as the report prints it. */
function signedHeadText({ head, keyFingerprint }: ReportSigning): string {
  return `The journal after ${head.events} events, chain fingerprint ${head.hash}, signed by installation key ${keyFingerprint}.\n${paperHeadText(head)}\n`;
}

async function fullTranscripts(directory: string, report: UpgradeReport): Promise<Record<string, string>> {
  const transcripts: Record<string, string> = {};
  for (const step of report.steps) {
    for (const { path: relative } of step.transcripts) {
      if (relative in transcripts) continue;
      try {
        transcripts[relative] = await readPlainFile(transcriptFilePath(directory, relative));
      } catch (error) {
        transcripts[relative] = `(transcript not readable: ${(error as Error).message})`;
      }
    }
  }
  return transcripts;
}

/**
 * A reader never sees half a report: written beside the target, flushed to disk, then renamed over it.
 * Only a new or regular file is written (never a device, a folder or a link), and the temporary file
 * never stays behind.
 */
async function writeAtomically(file: string, content: string | Uint8Array): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  const existing = await lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing && !existing.isFile())
    throw new Error(
      `${file} is not a regular file (${existing.isDirectory() ? 'a folder' : existing.isSymbolicLink() ? 'a symbolic link' : 'a device or special file'}): a report is written only to a new or regular file.`,
    );
  await replaceFileAtomically(file, content);
  return file;
}
