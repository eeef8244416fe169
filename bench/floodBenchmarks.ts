import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SessionTerminals, TERMINAL_HIGH_WATER_CHARS } from '../electron/core/sessionTerminals.ts';
import { createSessionFolder } from '../electron/journal/sessionFolders.ts';
import { SessionJournal } from '../electron/journal/sessionJournal.ts';
import { BoundedScreen } from '../electron/ssh/boundedScreen.ts';
import { runDialog } from '../electron/ssh/dialogEngine.ts';
import { startSshd } from '../test/support/sshdServer.ts';
import { appConnection } from './sshBenchmarks.ts';
import { figure, MiB, round, timed, withPeakRss, type Figure } from './measure.ts';

/** What a hostile or runaway server sends: 10 GiB, as fast as sshd can. */
const FLOOD = `yes 'a server that never stops talking 0123456789' | head -c ${10 * 1024 ** 3}`;
/** A console dialog's program printing 1 GiB before the prompt the dialog waits for. */
const DIALOG_FLOOD = `yes 'cpio: progress 0123456789' | head -c ${1024 ** 3}; echo; echo 'All done'`;
/** How long the terminal flood is let run against a window that never draws. */
const TERMINAL_FLOOD_MS = 15_000;

/**
 * A server streaming 10 GiB at a reading (a command whose output a parser reads) and at a terminal whose
 * window never draws: the main process's memory must stay flat. The baseline is the same process's
 * growth while the same server streams 10 GiB into a channel that discards it (nothing kept).
 */
export async function floodBenchmarks(): Promise<Figure[]> {
  const sshd = await startSshd({ legacyOnly: false });
  const work = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-flood-'));
  try {
    const connection = await appConnection(sshd);
    global.gc?.();
    let before = process.memoryUsage().rss;
    const discarded = await withPeakRss(() =>
      timed(() => connection.exec(FLOOD, { keepOutput: false, timeoutMs: TERMINAL_FLOOD_MS })),
    );
    const baselineGrowth = discarded.peakRss - before;
    global.gc?.();
    before = process.memoryUsage().rss;
    const reading = await withPeakRss(() => timed(() => connection.exec(FLOOD, { timeoutMs: 600_000 })));
    if (reading.result.result.kind !== 'too-much-output')
      throw new Error(`the reading ended ${reading.result.result.kind}`);
    const readingGrowth = reading.peakRss - before;

    // A console program (br_check, cmsadm) that prints without end before its prompt: the dialog engine
    // and the parser's screen as the steps use them.
    global.gc?.();
    before = process.memoryUsage().rss;
    const screen = new BoundedScreen();
    const dialog = await withPeakRss(() =>
      timed(async () =>
        runDialog(
          await connection.openPty(DIALOG_FLOOD),
          { promptTimeoutMs: 60_000, rules: [{ id: 'end', pattern: /All done/, action: { kind: 'done' } }] },
          { transcript: (text) => screen.add(text) },
        ),
      ),
    );
    if (dialog.result.result.kind !== 'completed')
      throw new Error(`the dialog ended ${dialog.result.result.kind}`);
    const dialogGrowth = dialog.peakRss - before;
    connection.close();

    const journal = await SessionJournal.open(await createSessionFolder(work, 'Flood', '2026-12-02'));
    let delivered = 0;
    const terminalConnection = appConnection(sshd);
    const terminals = new SessionTerminals(journal, () => terminalConnection, {
      data: (_id, data) => void (delivered += data.length),
      closed: () => undefined,
      evidenceNotRecorded: () => undefined,
    });
    global.gc?.();
    before = process.memoryUsage().rss;
    const terminal = await withPeakRss(async () => {
      const id = await terminals.start('ORIG', null);
      await terminals.write(id, `${FLOOD}\n`);
      await new Promise((resolve) => setTimeout(resolve, TERMINAL_FLOOD_MS));
      await terminals.closeAll();
    });
    const terminalGrowth = terminal.peakRss - before;
    (await terminalConnection).close();
    await journal.close();
    return [
      figure({
        name: 'Memory while a server floods a reading (10 GiB offered)',
        unit: 'MiB',
        app: round(readingGrowth / MiB, 0),
        baseline: round(Math.max(baselineGrowth, MiB) / MiB, 0),
        baselineName: 'the same flood into a channel that keeps nothing',
        target: 'flat: under 64 MiB of growth, the command stopped at the limit',
        met: readingGrowth < 64 * MiB,
        notes: `stopped after ${round(reading.result.ms / 1000, 1)} s as "too much output"`,
      }),
      figure({
        name: 'Memory while a console program prints 1 GiB before its prompt (br_check, cmsadm)',
        unit: 'MiB',
        app: round(dialogGrowth / MiB, 0),
        baseline: round(Math.max(baselineGrowth, MiB) / MiB, 0),
        baselineName: 'the same flood into a channel that keeps nothing',
        target: 'flat: under 64 MiB of growth, the prompt after it still answered',
        met: dialogGrowth < 64 * MiB,
        notes: `answered after ${round(dialog.result.ms / 1000, 1)} s; the parser's screen kept ${round(screen.text.length / MiB, 1)} MiB`,
      }),
      figure({
        name: `Memory while a server floods a terminal nobody draws (${TERMINAL_FLOOD_MS / 1000} s of a 10 GiB flood)`,
        unit: 'MiB',
        app: round(terminalGrowth / MiB, 0),
        baseline: round(Math.max(baselineGrowth, MiB) / MiB, 0),
        baselineName: 'the same flood into a channel that keeps nothing',
        target:
          'flat: under 64 MiB of growth; delivered at most the high-water mark plus what was in flight (SSH window, stream buffers: 8 MiB)',
        met: terminalGrowth < 64 * MiB && delivered < TERMINAL_HIGH_WATER_CHARS + 8 * MiB,
        notes: `${round(delivered / MiB, 1)} MiB delivered to the window`,
      }),
    ];
  } finally {
    await sshd.stop();
    await rm(work, { recursive: true, force: true });
  }
}
