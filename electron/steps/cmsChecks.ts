import {
  judgeArchiveInterval,
  parseArchiveStatus,
  type ArchiveJudgement,
} from '../../shared/parsers/archiveStatus.ts';
import { parseDataCollection } from '../../shared/parsers/dataCollection.ts';
import { unrecognised } from '../../shared/parsers/parseResult.ts';
import type { ServerRole } from '../../shared/procedure/types.ts';
import { recordedCmsState } from '../../shared/session/recordedCmsState.ts';
import { readCmsScreen, type CmsMove } from './cmsScreenReader.ts';
import { StepInterrupted } from './tapeWork.ts';
import { StepFailure, type StepContext } from './stepContext.ts';

/** The read-only windows the app reads itself, reached by the words of the options that lead to them. */
const WINDOWS = {
  archiveStatus: {
    name: 'Maintenance: Archiving Status: List all',
    moves: [
      { menu: /^Main Menu$/i, option: 'Maintenance' },
      { menu: /^Maintenance$/i, option: 'Archiving Status' },
      { window: /^Maintenance: Archiving Status$/i, action: 'List all' },
    ],
    target: /^Maintenance: Archiving Status: List all$/i,
  },
  dataCollection: {
    name: 'System Setup: Data Collection',
    moves: [
      { menu: /^Main Menu$/i, option: 'System Setup' },
      { menu: /^System Setup$/i, option: 'Data Collection' },
    ],
    target: /^System Setup: Data Collection$/i,
  },
} as const satisfies Record<string, { name: string; moves: readonly CmsMove[]; target: RegExp }>;

/**
 * A read-only CMS window as the interface draws it, read on a terminal by the app; or, when the app must
 * not or could not read it, what the technician needs to judge it instead (`unread`).
 */
async function readCmsWindow(
  context: StepContext,
  server: ServerRole,
  window: keyof typeof WINDOWS,
): Promise<{ text: string; unread: string | null }> {
  const { name, moves, target } = WINDOWS[window];
  const cmsState = recordedCmsState(context.state, server);
  if (cmsState?.mode === 'single-user')
    return {
      text: '',
      unread: `${server} is in single user mode (ticked in ${cmsState.stepId}): the app does not log in to CMS while one user holds it. Open ${name} in your terminal and judge it there.`,
    };
  const transcript = context.transcript(server);
  const reading = await readCmsScreen(await context.connect(server), moves, target, {
    onOutput: (text) => transcript.write(text),
  });
  if (reading.kind === 'interrupted') throw new StepInterrupted(reading.reason);
  if (reading.kind === 'read') return { text: reading.text, unread: null };
  return {
    text: reading.text,
    unread: `The app could not reach ${name}: ${reading.reason}. The screen:\n${reading.text}`,
  };
}

/**
 * Data collection on for every ACD (D4, D6, D8). Output the parser does not know is neither a pass nor a
 * failure: the technician judges it from the raw window text.
 */
export async function verifyDataCollection(context: StepContext, server: ServerRole): Promise<void> {
  const { text: window, unread } = await readCmsWindow(context, server, 'dataCollection');
  const parsed = unread === null ? parseDataCollection(window) : unrecognised(unread, unread);
  await context.evidence(server, 'data-collection', parsed);
  if (parsed.kind === 'unrecognised') {
    await context.requireRightVerdict(
      server,
      `The Data Collection window of ${server}`,
      'data collection is on for every ACD (System Setup > Data Collection). The manual: "verify that data collection is active on all ACD links".',
      unread ?? window,
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
    const { text: window, unread } = await readCmsWindow(context, 'ORIG', 'archiveStatus');
    const clock = await connection.exec("date '+%Y-%m-%d %H:%M'", { timeoutMs: 30_000 });
    const parsed = unread === null ? parseArchiveStatus(window) : unrecognised(unread, unread);
    await context.evidence('ORIG', 'archive-status', { ...parsed, raw: undefined });
    const now = clock.kind === 'exited' ? /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})$/m.exec(clock.stdout) : null;
    if (parsed.kind === 'unrecognised' || !now) {
      const { verdict, reason } = await context.judge(
        'ORIG',
        'The archiving status of ORIG',
        'the Time column of Maintenance: Archiving Status: List all. The manual: "If the elapsed time since the last archive completion is not more than a few minutes, proceed with the link busy out"; otherwise wait for the next interval archive.',
        `${unread ?? window}\n(date on ORIG: ${clock.kind === 'exited' ? clock.stdout.trim() : 'not read'})`,
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

/**
 * The next interval archive comes with the CMS clock. On the training pair the trainee may have it
 * happen now (`simctl archive-now`, the simulator's hand): never offered on a real server.
 */
async function checkAgainOrStop(context: StepContext, failure: string): Promise<void> {
  const training = context.state.session?.training === true;
  const again = await context.technician.ask(
    training
      ? 'Press Enter to check the archiving status again, type "now" to have the training server finish an interval archive now, or type "stop".'
      : 'Press Enter to check the archiving status again, or type "stop".',
  );
  if (again === null || again.trim() === 'stop') throw new StepFailure(failure);
  if (training && again.trim() === 'now') {
    const done = await (await context.connect('ORIG')).exec('simctl archive-now', { timeoutMs: 30_000 });
    if (done.kind !== 'exited' || done.code !== 0)
      context.technician.tell('The training server could not finish an archive now; check again in a while.');
  }
}
