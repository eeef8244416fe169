import {
  judgeArchiveInterval,
  parseArchiveStatus,
  type ArchiveJudgement,
} from '../../shared/parsers/archiveStatus.ts';
import { parseDataCollection } from '../../shared/parsers/dataCollection.ts';
import type { ServerRole } from '../../shared/procedure/types.ts';
import { StepFailure, type StepContext } from './stepContext.ts';
import { StepInterrupted } from './tapeWork.ts';

/** Keystrokes that open a CMS window and leave the menu again. */
const WINDOWS = {
  archiveStatus: '1\n3\nb\nq\n',
  dataCollection: '2\n3\nb\nq\n',
} as const;

async function readCmsWindow(
  context: StepContext,
  server: ServerRole,
  window: keyof typeof WINDOWS,
): Promise<string> {
  const connection = await context.connect(server);
  const transcript = context.transcript(server);
  const result = await connection.exec('cms', {
    input: WINDOWS[window],
    timeoutMs: 120_000,
    onOutput: (chunk) => transcript.write(chunk.toString('utf8')),
  });
  if (result.kind === 'interrupted') throw new StepInterrupted(result.reason);
  return result.stdout;
}

/**
 * Data collection on for every ACD (D4, D6, D8). Output the parser does not know is neither a pass nor a
 * failure: the technician judges it from the raw window text.
 */
export async function verifyDataCollection(context: StepContext, server: ServerRole): Promise<void> {
  const window = await readCmsWindow(context, server, 'dataCollection');
  const parsed = parseDataCollection(window);
  await context.evidence(server, 'data-collection', parsed);
  if (parsed.kind === 'unrecognised') {
    await context.requireRightVerdict(
      server,
      `The Data Collection window of ${server}`,
      'data collection is on for every ACD (System Setup > Data Collection). The manual: "verify that data collection is active on all ACD links".',
      window,
    );
    return;
  }
  const off = parsed.acds.filter((acd) => !acd.on).map((acd) => acd.acd);
  if (off.length > 0) throw new StepFailure(`data collection is off on ${server} for ${off.join(', ')}`);
  context.technician.tell(
    `Data collection is on for every ACD of ${server} (${parsed.acds.map((a) => a.acd).join(', ')}).`,
  );
}

/** D3: has the latest interval archive just finished on every ACD of ORIG? Re-checks until yes, or the technician stops. */
export async function waitForFreshArchive(
  context: StepContext,
  allowedMinutes = 5,
): Promise<ArchiveJudgement> {
  for (;;) {
    const connection = await context.connect('ORIG');
    const window = await readCmsWindow(context, 'ORIG', 'archiveStatus');
    const clock = await connection.exec("date '+%Y-%m-%d %H:%M'", { timeoutMs: 30_000 });
    const parsed = parseArchiveStatus(window);
    await context.evidence('ORIG', 'archive-status', { ...parsed, raw: undefined });
    const now = clock.kind === 'exited' ? /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})$/m.exec(clock.stdout) : null;
    if (parsed.kind === 'unrecognised' || !now) {
      const { verdict, reason } = await context.judge(
        'ORIG',
        'The archiving status of ORIG',
        'the Time column of Maintenance: Archiving Status: List all. The manual: "If the elapsed time since the last archive completion is not more than a few minutes, proceed with the link busy out"; otherwise wait for the next interval archive.',
        `${window}\n(date on ORIG: ${clock.kind === 'exited' ? clock.stdout.trim() : 'not read'})`,
      );
      if (verdict === 'looks-right')
        return { busyOutNow: true, perAcd: [], advice: `judged by the technician: ${reason}` };
      await checkAgainOrStop(context, `not busied out: ${reason}`);
      continue;
    }
    const judgement = judgeArchiveInterval(
      parsed.records,
      { date: now[1]!, minutes: Number(now[2]) * 60 + Number(now[3]) },
      allowedMinutes,
    );
    await context.evidence('ORIG', 'archive-judgement', judgement);
    context.technician.tell(judgement.advice);
    if (judgement.busyOutNow) return judgement;
    await checkAgainOrStop(context, `not busied out: ${judgement.advice}`);
  }
}

async function checkAgainOrStop(context: StepContext, failure: string): Promise<void> {
  const again = await context.technician.ask(
    'Press Enter to check the archiving status again, or type "stop".',
  );
  if (again === null || again.trim() === 'stop') throw new StepFailure(failure);
}
