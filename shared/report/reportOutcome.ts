import { reportDuration, reportTime } from './reportFormat.ts';
import type { DeviationGroup, ReportClock, UpgradeReport } from './upgradeReport.ts';

export const DEVIATION_GROUP_WORDS: Record<DeviationGroup, [string, string]> = {
  judgement: ['judgement by the technician', 'judgements by the technician'],
  refusal: ['mistake refused by the app', 'mistakes refused by the app'],
  'failed-attempt': ['failed or interrupted attempt', 'failed or interrupted attempts'],
  skip: ['skipped step', 'skipped steps'],
  other: ['other record', 'other records'],
};

/**
 * The report's first words: what came of the upgrade, in sentences a customer can sign under, built
 * from the same records as the rest of the report (steps, clocks, deviations, tape custody, migrations).
 */
export function outcomeSentences(report: UpgradeReport): string[] {
  const sentences: string[] = [];
  const t = (iso: string | null) => reportTime(iso, report.session.siteTimeZone);
  const upgrade = report.steps.filter((step) => step.id !== 'RB');
  const done = upgrade.filter((step) => step.status === 'passed' || step.status === 'skipped');
  const lastEnd =
    upgrade
      .map((step) => step.endedAt)
      .filter((at) => at !== null)
      .sort()
      .at(-1) ?? null;
  const rollback = report.rollback;
  if (rollback) sentences.push(...rollbackSentences(report, t));
  else if (report.complete)
    sentences.push(
      `The upgrade is complete: all ${upgrade.length} steps are done, the last at ${t(lastEnd)}.`,
    );
  else {
    const open = upgrade.filter((step) => !done.includes(step)).map((step) => `${step.id} (${step.status})`);
    sentences.push(
      `The upgrade is not complete: ${done.length} of ${upgrade.length} steps are done; still open: ${open.join(', ')}.`,
    );
  }
  sentences.push(
    clockSentence('The outage window (busy-out to data collection on NEW)', report.clocks.outageWindow, t),
  );
  sentences.push(clockSentence('The admin freeze', report.clocks.adminFreeze, t));

  const counts = new Map<DeviationGroup, number>();
  for (const deviation of report.deviations)
    if (deviation.group !== 'other') counts.set(deviation.group, (counts.get(deviation.group) ?? 0) + 1);
  sentences.push(
    counts.size === 0
      ? 'Nothing deviated from the procedure.'
      : `Deviations (each listed with its reason under Deviations): ${[...counts]
          .map(([group, count]) => `${count} ${DEVIATION_GROUP_WORDS[group][count === 1 ? 0 : 1]}`)
          .join(', ')}.`,
  );
  const failed = upgrade.filter((step) => step.attempts > 1 && step.status === 'passed');
  if (failed.length > 0)
    sentences.push(
      `Run again until they passed: ${failed.map((step) => `${step.id} (${step.attempts} attempts)`).join(', ')}.`,
    );

  for (const line of repeatedMigrations(report)) sentences.push(line);
  // A mistake the app refused (a second migration held, a backup tape offered for writing): first-page news.
  const refusals = report.deviations.filter((deviation) => deviation.group === 'refusal');
  for (const refusal of refusals.slice(0, 5))
    sentences.push(`Refused by the app (${refusal.stepId ?? 'no step'}): ${refusal.text}`);
  if (refusals.length > 5)
    sentences.push(`${refusals.length - 5} more refusals are listed under Deviations.`);
  // Run chosen against the app's hold (a second migration insisted on, selections not the step's): first-page news.
  for (const deviation of report.deviations.filter(
    (candidate) => candidate.kind === 'selections' && /went ahead/.test(candidate.text),
  ))
    sentences.push(`WARNING (${deviation.stepId ?? 'no step'}): ${deviation.text}`);

  const kept = report.tapes.filter((tape) => tape.afterUpgrade === 'keep');
  const intact = kept.filter((tape) => tape.condition === 'intact');
  const spoilt = kept.filter((tape) => tape.condition !== 'intact');
  sentences.push(
    intact.length === 0
      ? 'No tape is recorded for the customer to keep yet.'
      : `The customer keeps ${intact.map((tape) => `${tape.id} (${tape.role}, ${tape.location})`).join('; ')}.`,
  );
  for (const tape of spoilt)
    sentences.push(
      `${tape.id} (${tape.role}) is recorded as ${tape.condition.toUpperCase()}: it is not a backup to keep.`,
    );
  sentences.push(
    report.customerSignOff
      ? `Signed off for the customer by ${report.customerSignOff.name} (${report.customerSignOff.role}) at ${t(report.customerSignOff.at)}.`
      : 'The customer has not signed off yet.',
  );
  return sentences;
}

function clockSentence(name: string, clock: ReportClock, t: (iso: string | null) => string): string {
  if (clock.startedAt === null) return `${name} has not started.`;
  if (clock.endedAt === null) return `${name} started at ${t(clock.startedAt)} and has not ended.`;
  return `${name} lasted ${reportDuration(clock.durationMs)}, from ${t(clock.startedAt)} to ${t(clock.endedAt)}.`;
}

/** The rollback first: why, from where, whether ORIG is back as it was, the window it took. */
function rollbackSentences(report: UpgradeReport, t: (iso: string | null) => string): string[] {
  const rollback = report.rollback!;
  const sentences = [
    rollback.status === 'passed'
      ? `The upgrade was stopped and ORIG rolled back${rollback.stoppedAt ? ` with ${rollback.stoppedAt} not done` : ''}: ORIG is back as it was the day before${rollback.versionAfterRestore ? `, running CMS ${rollback.versionAfterRestore}` : ''}, and collects data on every ACD again.`
      : `A rollback of ORIG was decided${rollback.decidedAt ? ` at ${t(rollback.decidedAt)}` : ''} and is not finished (${rollback.status}).`,
  ];
  if (rollback.reason) sentences.push(`Why: ${rollback.reason}`);
  sentences.push(clockSentence('The rollback window', rollback.window, t));
  return sentences;
}

/** A data type migrated to a server more than once (run or insisted on): the manual's worst mistake, said first. */
function repeatedMigrations(report: UpgradeReport): string[] {
  const runs = new Map<string, number>();
  for (const migration of report.migrations) {
    if (migration.dataType === 'historical') continue;
    const key = `${migration.dataType} on ${migration.server} (CMS setup ${migration.setupGeneration + 1})`;
    if (migration.outcome !== 'failed') runs.set(key, (runs.get(key) ?? 0) + 1);
  }
  return [...runs]
    .filter(([, count]) => count > 1)
    .map(
      ([key, count]) =>
        `WARNING: ${key} was migrated ${count} times; the manual allows it once per CMS setup.`,
    );
}
