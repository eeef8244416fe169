import { plainTranscript } from '../../shared/session/plainTranscript.ts';
import type { TranscriptExcerpts } from '../../shared/report/reportHtml.ts';
import type { UpgradeReport } from '../../shared/report/upgradeReport.ts';
import { readTranscriptChunk } from '../journal/transcriptReader.ts';

const EXCERPT_LINES = 15;
const EXCERPT_BYTES = 8 * 1024;

/** The last lines of every transcript the report names, made readable; a missing file is said so. */
export async function transcriptExcerpts(
  directory: string,
  report: UpgradeReport,
): Promise<TranscriptExcerpts> {
  const excerpts: Record<string, string> = {};
  for (const step of report.steps) {
    for (const { path } of step.transcripts) {
      if (path in excerpts) continue;
      try {
        const chunk = await readTranscriptChunk(directory, path, null, EXCERPT_BYTES);
        const lines = plainTranscript(chunk.text).trimEnd().split('\n');
        excerpts[path] = lines.slice(-EXCERPT_LINES).join('\n');
      } catch (error) {
        excerpts[path] = `(transcript not readable: ${(error as Error).message})`;
      }
    }
  }
  return excerpts;
}
