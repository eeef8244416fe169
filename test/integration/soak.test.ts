import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSessionFolder } from '../../electron/journal/sessionFolders.ts';
import { RedactedTranscript } from '../../electron/journal/redactedTranscript.ts';
import { SessionJournal } from '../../electron/journal/sessionJournal.ts';
import { readTranscriptChunk } from '../../electron/journal/transcriptReader.ts';
import type { SessionEvent } from '../../shared/session/sessionEvents.ts';
import { MiB, withPeakRss } from '../../bench/measure.ts';

const enabled = process.env.CMS_HA_SOAK === '1';
if (!enabled) console.warn('soak: skipped: set CMS_HA_SOAK=1 to run it (.ci/run does)');

const ATTEMPTS = 1_000;
const TRANSCRIPT_BYTES = 1024 ** 3;

describe.skipIf(!enabled)('soak: a long session through one journal', () => {
  it(
    `${ATTEMPTS} step attempts' worth of events and 1 GiB of transcript, then a reopen, with memory bounded`,
    { timeout: 900_000 },
    async () => {
      const root = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-soak-'));
      try {
        const directory = await createSessionFolder(root, 'Soak', '2026-11-23');
        const journal = await SessionJournal.open(directory);
        const at = () => new Date().toISOString();
        await journal.append({
          type: 'session-created',
          site: 'Soak',
          technician: 'RT',
          customerContact: '',
          training: true,
          at: at(),
        });
        global.gc?.();
        const baseline = process.memoryUsage().rss;

        const { result: events, peakRss: journalPeak } = await withPeakRss(async () => {
          for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
            const batch: SessionEvent[] = [
              { type: 'step-started', stepId: 'P1', at: at() },
              { type: 'checklist-item-ticked', stepId: 'P1', itemId: 'switch-release', at: at() },
              {
                type: 'evidence-recorded',
                stepId: 'P1',
                server: null,
                evidence: { kind: 'parsed', parser: 'soak', result: { attempt, text: 'x'.repeat(1024) } },
                at: at(),
              },
              { type: 'note-added', stepId: 'P1', text: `attempt ${attempt}`, at: at() },
              { type: 'step-failed', stepId: 'P1', reason: `soak attempt ${attempt}`, at: at() },
            ];
            // Appends made together are written together (group commit), in order.
            await Promise.all(batch.map((event) => journal.append(event)));
          }
          return journal.events.length;
        });

        const { result: written, peakRss: transcriptPeak } = await withPeakRss(async () => {
          const transcript = new RedactedTranscript(directory, 'P1', 'ORIG', 1);
          transcript.addSecret('Soak-Secret-1');
          const line = `${'output of a long console session '.repeat(3)}block 0000000\r\n`;
          const chunk = line.repeat(Math.floor((64 * 1024) / line.length));
          let bytes = 0;
          for (let index = 0; bytes < TRANSCRIPT_BYTES; index++) {
            transcript.write(chunk);
            bytes += chunk.length;
            // A producer that honours back-pressure, as the SSH channel does.
            if (index % 16 === 15) await transcript.flushed();
          }
          await transcript.close();
          return bytes;
        });
        await journal.close();

        const { result: reopened, peakRss: reopenPeak } = await withPeakRss(async () => {
          const started = performance.now();
          const again = await SessionJournal.open(directory);
          const tail = await readTranscriptChunk(directory, 'transcripts/P1-ORIG-1.log', null, 64 * 1024);
          const figures = {
            events: again.events.length,
            attempts: again.state.steps.P1.attempts,
            tail,
            ms: performance.now() - started,
          };
          await again.close();
          return figures;
        });

        const size = (await stat(path.join(directory, 'transcripts/P1-ORIG-1.log'))).size;
        const figures = {
          events,
          transcriptBytes: size,
          baselineRssMiB: Math.round(baseline / MiB),
          peakRssGrowthMiB: {
            journal: Math.round((journalPeak - baseline) / MiB),
            transcript: Math.round((transcriptPeak - baseline) / MiB),
            reopen: Math.round((reopenPeak - baseline) / MiB),
          },
          reopenMs: Math.round(reopened.ms),
        };
        console.log(`soak figures: ${JSON.stringify(figures)}`);
        await mkdir('test-artifacts', { recursive: true });
        await writeFile(path.join('test-artifacts', 'soak.json'), `${JSON.stringify(figures, null, 2)}\n`);

        expect(events).toBe(1 + ATTEMPTS * 5);
        expect(written).toBeGreaterThanOrEqual(TRANSCRIPT_BYTES);
        expect(size).toBe(written);
        expect(reopened.events).toBe(events);
        expect(reopened.attempts).toBe(ATTEMPTS);
        expect(reopened.tail.text).toMatch(/block 0000000\r\n$/);
        // 1 GiB went through: none of it may stay in memory.
        for (const growth of Object.values(figures.peakRssGrowthMiB)) expect(growth).toBeLessThan(256);
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
  );
});
