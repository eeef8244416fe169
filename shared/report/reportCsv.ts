import { csvRow } from './reportFormat.ts';
import type { UpgradeReport } from './upgradeReport.ts';

/** The plan as a spreadsheet: one row per step. Times are ISO 8601 UTC, durations in seconds. */
export function stepsCsv(report: UpgradeReport): string {
  return [
    csvRow([
      'step',
      'title',
      'phase',
      'where',
      'kind',
      'state',
      'attempts',
      'started',
      'ended',
      'duration_s',
      'signed_off_by',
      'signed_off_at',
      'reason',
      'evidence',
    ]),
    ...report.steps.map((step) =>
      csvRow([
        step.id,
        step.title,
        step.phase,
        step.target,
        step.kind,
        step.status,
        step.attempts,
        step.startedAt,
        step.endedAt,
        step.durationMs === null ? null : Math.round(step.durationMs / 1000),
        step.signOff?.initials ?? null,
        step.signOff?.at ?? null,
        step.reason,
        step.evidence.map((item) => item.summary).join(' ') || null,
      ]),
    ),
  ].join('');
}

/** Every tape as a spreadsheet row, with its history in one cell. */
export function tapesCsv(report: UpgradeReport): string {
  return [
    csvRow([
      'tape',
      'role',
      'label',
      'number',
      'of',
      'server',
      'backup_date',
      'cms_version',
      'written_by_step',
      'write_protected',
      'verified',
      'labelled',
      'location',
      'after_upgrade',
      'history',
    ]),
    ...report.tapes.map((tape) =>
      csvRow([
        tape.id,
        tape.role,
        tape.labelText,
        tape.sequence.number,
        tape.sequence.of,
        tape.server,
        tape.backupDate,
        tape.cmsVersion,
        tape.producedBy,
        tape.writeProtected,
        tape.verified,
        tape.labelled,
        tape.location,
        tape.afterUpgrade,
        tape.history.map((entry) => `${entry.at} ${entry.text}`).join(' | '),
      ]),
    ),
  ].join('');
}
