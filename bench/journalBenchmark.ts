import { mkdir, mkdtemp, open, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SessionJournal, JOURNAL_FILE } from '../electron/journal/sessionJournal.ts';
import type { SessionEvent } from '../shared/session/sessionEvents.ts';
import { figure, percentile, round, timed, type Figure } from './measure.ts';

const EVENTS = 100_000;
/** Appends in flight at once: what several steps and the window produce together. */
const IN_FLIGHT = 64;
/** Turns the app and the baseline take, one after the other. */
const ROUNDS = 5;

function eventNumber(n: number): SessionEvent {
  return {
    type: 'note-added',
    stepId: null,
    text: `note ${n} ${'x'.repeat(80)}`,
    at: new Date().toISOString(),
  };
}

/** 100,000 durable appends (group commit), then a reopen that checks the chain and folds the state. */
export async function journalBenchmark(): Promise<Figure[]> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-bench-journal-'));
  try {
    const app = path.join(root, 'app');
    await mkdir(app);
    const journal = await SessionJournal.open(app);
    await journal.append({
      type: 'session-created',
      site: 'Bench',
      technician: 'RT',
      customerContact: '',
      training: true,
      at: new Date().toISOString(),
    });
    // Made before the clock starts, as the baseline's lines are.
    const events = Array.from({ length: EVENTS }, (_, n) => eventNumber(n));
    const latencies: number[] = [];
    const plain = await open(path.join(root, 'plain.jsonl'), 'a');
    let appMs = 0;
    let plainMs = 0;
    let linesWritten = (await readFile(path.join(app, JOURNAL_FILE), 'utf8')).split('\n').length - 1;
    // The app and the baseline take turns, so that both meet the same disk: fsync on a VM varies by a
    // factor of two over a few seconds.
    for (let round = 0; round < ROUNDS; round++) {
      const from = Math.floor((EVENTS * round) / ROUNDS);
      const to = Math.floor((EVENTS * (round + 1)) / ROUNDS);
      const appends = await timed(async () => {
        let next = from;
        const worker = async () => {
          while (next < to) {
            const event = events[next++]!;
            const started = performance.now();
            await journal.append(event);
            latencies.push(performance.now() - started);
          }
        };
        await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
        // The state of everything written, folded when read (as a window or a step reads it).
        return journal.state.notes.length;
      });
      if (appends.result !== to) throw new Error(`appended ${appends.result} notes, expected ${to}`);
      appMs += appends.ms;

      // Baseline: the same lines written by a plain loop, each batch fsync'd, without chain, checks or fold.
      const lines = (await readFile(path.join(app, JOURNAL_FILE), 'utf8'))
        .split('\n')
        .slice(linesWritten, -1);
      linesWritten += lines.length;
      const raw = await timed(async () => {
        for (let i = 0; i < lines.length; i += IN_FLIGHT) {
          await plain.appendFile(`${lines.slice(i, i + IN_FLIGHT).join('\n')}\n`);
          await plain.sync();
        }
      });
      plainMs += raw.ms;
    }
    await plain.close();
    await journal.close();

    const reopen = await timed(async () => {
      const again = await SessionJournal.open(app);
      const count = again.state.notes.length;
      await again.close();
      return count;
    });
    if (reopen.result !== EVENTS) throw new Error(`reopened ${reopen.result} notes, expected ${EVENTS}`);
    const parseOnly = await timed(async () => {
      const text = await readFile(path.join(app, JOURNAL_FILE), 'utf8');
      return text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown).length;
    });
    const appendRate = Math.round(EVENTS / (appMs / 1000));
    const plainRate = Math.round(EVENTS / (plainMs / 1000));
    return [
      figure({
        name: `Journal: ${EVENTS.toLocaleString('en')} durable appends (${IN_FLIGHT} in flight)`,
        unit: 'appends/s',
        app: appendRate,
        baseline: plainRate,
        baselineName: `plain append + fsync of the same lines, same batching, in turns with the app (${ROUNDS} each)`,
        target: 'at least half the plain rate',
        met: appendRate >= plainRate / 2,
      }),
      figure({
        name: 'Journal: p99 acknowledgement latency',
        unit: 'ms',
        app: round(percentile(latencies, 99), 2),
        baseline: null,
        baselineName: null,
        target: 'reported',
        met: null,
        notes: `median ${round(percentile(latencies, 50), 2)} ms`,
      }),
      figure({
        name: `Journal: reopen and fold ${EVENTS.toLocaleString('en')} events`,
        unit: 's',
        app: round(reopen.ms / 1000, 2),
        baseline: round(parseOnly.ms / 1000, 2),
        baselineName: 'JSON.parse of every line (no chain check, no schema, no fold)',
        target: 'at most 3 times the parse-only baseline',
        met: reopen.ms <= 3 * parseOnly.ms,
      }),
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
