import { reportDuration, reportTime } from './reportFormat.ts';
import type { DeviationKind, ReportClock, UpgradeReport } from './upgradeReport.ts';

const DEVIATION_WORDS: Record<DeviationKind, [string, string]> = {
  failed: ['failed attempt', 'failed attempts'],
  interrupted: ['interrupted attempt', 'interrupted attempts'],
  skipped: ['skipped step', 'skipped steps'],
  verdict: ["technician's verdict", "technician's verdicts"],
  selections: ['Run on other selections', 'Runs on other selections'],
  correction: ['tape register correction', 'tape register corrections'],
  're-setup': ['CMS set up again', 'CMS set-ups again'],
  note: ['note', 'notes'],
  discrepancy: ['manual discrepancy followed', 'manual discrepancies followed'],
};

/**
 * The report's first words: what came of the upgrade, in sentences a customer can sign under, built
 * from the same records as the rest of the report (steps, clocks, deviations, tape custody, migrations).
 */
export function outcomeSentences(report: UpgradeReport): string[] {
  const sentences: string[] = [];
  const done = report.steps.filter((step) => step.status === 'passed' || step.status === 'skipped');
  const lastEnd =
    report.steps
      .map((step) => step.endedAt)
      .filter((at) => at !== null)
      .sort()
      .at(-1) ?? null;
  if (report.complete)
    sentences.push(
      `The upgrade is complete: all ${report.steps.length} steps are done, the last at ${reportTime(lastEnd)}.`,
    );
  else {
    const open = report.steps
      .filter((step) => !done.includes(step))
      .map((step) => `${step.id} (${step.status})`);
    sentences.push(
      `The upgrade is not complete: ${done.length} of ${report.steps.length} steps are done; still open: ${open.join(', ')}.`,
    );
  }
  sentences.push(
    clockSentence('The outage window (busy-out to data collection on NEW)', report.clocks.outageWindow),
  );
  sentences.push(clockSentence('The admin freeze', report.clocks.adminFreeze));

  const counts = new Map<DeviationKind, number>();
  for (const deviation of report.deviations)
    if (deviation.kind !== 'discrepancy' && deviation.kind !== 'note')
      counts.set(deviation.kind, (counts.get(deviation.kind) ?? 0) + 1);
  sentences.push(
    counts.size === 0
      ? 'Nothing deviated from the procedure.'
      : `Deviations (each listed with its reason under Deviations): ${[...counts]
          .map(([kind, count]) => `${count} ${DEVIATION_WORDS[kind][count === 1 ? 0 : 1]}`)
          .join(', ')}.`,
  );
  const failed = report.steps.filter((step) => step.attempts > 1 && step.status === 'passed');
  if (failed.length > 0)
    sentences.push(
      `Run again until they passed: ${failed.map((step) => `${step.id} (${step.attempts} attempts)`).join(', ')}.`,
    );

  for (const line of repeatedMigrations(report)) sentences.push(line);
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
      ? `Signed off for the customer by ${report.customerSignOff.name} (${report.customerSignOff.role}) at ${reportTime(report.customerSignOff.at)}.`
      : 'The customer has not signed off yet.',
  );
  return sentences;
}

function clockSentence(name: string, clock: ReportClock): string {
  if (clock.startedAt === null) return `${name} has not started.`;
  if (clock.endedAt === null) return `${name} started at ${reportTime(clock.startedAt)} and has not ended.`;
  return `${name} lasted ${reportDuration(clock.durationMs)}, from ${reportTime(clock.startedAt)} to ${reportTime(clock.endedAt)}.`;
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
