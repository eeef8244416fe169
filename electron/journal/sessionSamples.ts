import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { redactSample } from '../../shared/parsers/sampleRedaction.ts';
import type { ServerRole, StepId } from '../../shared/procedure/types.ts';
import type { Reading } from '../../shared/session/sessionEvents.ts';

/** Where a session keeps the readings the technician saved as samples of a real server's formats. */
export const SAMPLES_FOLDER = 'samples';

/**
 * Saves one reading the app could not read into the session's samples folder, with the server's names,
 * addresses and host id redacted (as `cms-ha capture` does), so that it can become a parser fixture.
 * Never overwrites: each save is a new file. Resolves with its path inside the session folder.
 */
export async function saveReadingAsSample(
  sessionDirectory: string,
  sample: { stepId: StepId; server: ServerRole | null; reading: Reading; savedAt: Date },
  hostNames: readonly string[],
): Promise<{ path: string; redactions: number }> {
  const folder = path.join(sessionDirectory, SAMPLES_FOLDER);
  await mkdir(folder, { recursive: true });
  const raw = redactSample(sample.reading.raw, hostNames);
  const about = redactSample(sample.reading.about, hostNames);
  const text = [
    `# A reading the app could not read, saved from step ${sample.stepId}${sample.server ? ` on ${sample.server}` : ''} at ${sample.savedAt.toISOString()}.`,
    `# What it is: ${about.text}`,
    `# The manual says to look for: ${sample.reading.lookFor}`,
    `# Host names, addresses and host id redacted (${raw.redactions + about.redactions} places). The output follows this line.`,
    raw.text,
  ].join('\n');
  const stamp = sample.savedAt.toISOString().replace(/[:.]/g, '-');
  for (let n = 1; ; n++) {
    const name = `${sample.stepId}-${sample.server ?? 'both'}-${stamp}${n > 1 ? `-${n}` : ''}.txt`;
    try {
      await writeFile(path.join(folder, name), text, { flag: 'wx' });
      return { path: `${SAMPLES_FOLDER}/${name}`, redactions: raw.redactions + about.redactions };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 100) throw error;
    }
  }
}
