import { testInstallationKey } from '../test/support/installationKey.ts';
import { appendFile, cp, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromiumPdfPrinter } from '../electron/report/chromiumPdf.ts';
import { exportReport } from '../electron/report/exportReport.ts';
import { readSessionRecord } from '../electron/report/sessionRecord.ts';
import { RECORDED_SESSION } from '../test/support/recordTrainingSession.ts';
import { figure, MiB, round, timed, type Figure } from './measure.ts';

const TRANSCRIPT_BYTES = 50 * MiB;

/** HTML and PDF of the recorded full training run, once as recorded and once with 50 MiB of transcripts. */
export async function reportBenchmark(): Promise<Figure[]> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-bench-report-'));
  try {
    const plain = path.join(root, 'plain');
    const heavy = path.join(root, 'heavy');
    await cp(RECORDED_SESSION, plain, { recursive: true });
    await cp(RECORDED_SESSION, heavy, { recursive: true });
    const line = `${'console output of a long backup '.repeat(3)}\r\n`;
    const chunk = line.repeat(Math.floor(MiB / line.length));
    const transcripts = [
      'P4a-ORIG-1.log',
      'D11-ORIG-1.log',
      'D11-NEW-1.log',
      'D9-NEW-1.log',
      'P4b-ORIG-1.log',
    ];
    for (let written = 0, i = 0; written < TRANSCRIPT_BYTES; i++, written += chunk.length)
      await appendFile(path.join(heavy, 'transcripts', transcripts[i % transcripts.length]!), chunk);
    const printPdf = chromiumPdfPrinter();
    const signer = await testInstallationKey();
    const figures: Figure[] = [];
    for (const format of ['html', 'pdf'] as const) {
      if (format === 'pdf' && !printPdf) continue;
      const exportOf = async (directory: string) => {
        const record = await readSessionRecord(directory);
        const { ms, result } = await timed(() => exportReport(record, { format, printPdf, signer }));
        return { ms, bytes: (await stat(result[0]!)).size };
      };
      const baseline = await exportOf(plain);
      const app = await exportOf(heavy);
      figures.push(
        figure({
          name: `Report: ${format.toUpperCase()} of a full training session with 50 MiB of transcripts`,
          unit: 's',
          app: round(app.ms / 1000, 2),
          baseline: round(baseline.ms / 1000, 2),
          baselineName: 'the same session as recorded (136 KiB of transcripts)',
          target: 'reported',
          met: null,
          notes: `file ${round(app.bytes / 1024, 0)} KiB (baseline ${round(baseline.bytes / 1024, 0)} KiB)`,
        }),
      );
    }
    return figures;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
