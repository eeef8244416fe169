import { MANUAL } from '../procedure/manualSections.ts';
import type { StepId } from '../procedure/types.ts';
import type { SessionState } from './sessionState.ts';

export interface TimeAlert {
  id: 'cmsadm-backup-age' | 'full-backup-age' | 'cut-off-near' | 'outage-overrun';
  severity: 'notice' | 'warning';
  title: string;
  text: string;
}

const HOUR = 3_600_000;
/** "…must be performed within 24 hours of the start of the HA upgrade process" (pp. 25 and 27). */
const BACKUP_FRESH_FOR = 24 * HOUR;
/** How long before a limit the window starts to say so. */
const NOTICE_BEFORE = HOUR;

const hours = (ms: number) =>
  `${Math.floor(ms / HOUR)} h ${String(Math.round((ms % HOUR) / 60_000)).padStart(2, '0')} min`;

/** The clocks that can go wrong without anyone noticing: backup age at the upgrade's start, the cut-off, the outage window. */
export function timeAlerts(state: SessionState, now: Date): TimeAlert[] {
  const alerts: TimeAlert[] = [];
  // The upgrade process starts with the first upgrade-day step (D1); until then, it would start now.
  const upgradeStart = state.steps.D1.startedAt ? Date.parse(state.steps.D1.startedAt) : now.getTime();
  const started = state.steps.D1.startedAt !== null;
  for (const [id, stepId, what, section] of [
    ['cmsadm-backup-age', 'P4a', 'CMSADM backup', MANUAL.cmsadmBackup],
    ['full-backup-age', 'P4b', 'full maintenance backup', MANUAL.fullBackup],
  ] as const) {
    const backedUp = backupEnd(state, stepId);
    if (backedUp === null) continue;
    const age = upgradeStart - backedUp;
    const manual = `The manual: within 24 hours of the start of the HA upgrade process (${section.section}, p. ${section.page}).`;
    if (age > BACKUP_FRESH_FOR)
      alerts.push({
        id,
        severity: 'warning',
        title: `The ${what} is older than 24 hours`,
        text: started
          ? `The upgrade started ${hours(age)} after ${stepId}'s ${what}. ${manual}`
          : `${stepId}'s ${what} is ${hours(age)} old: run ${stepId} again before D1. ${manual}`,
      });
    else if (!started && BACKUP_FRESH_FOR - age <= NOTICE_BEFORE)
      alerts.push({
        id,
        severity: 'notice',
        title: `The ${what} is nearly 24 hours old`,
        text: `Start D1 within ${hours(BACKUP_FRESH_FOR - age)}, or run ${stepId} again. ${manual}`,
      });
  }
  if (state.cutOff !== null && !started) {
    const left = Date.parse(state.cutOff) - now.getTime();
    if (left > 0 && left <= NOTICE_BEFORE)
      alerts.push({
        id: 'cut-off-near',
        severity: 'notice',
        title: 'The cut-off is near',
        text: `Cut-off in ${hours(left)}: remind the customer that no administration changes may be made after it.`,
      });
  }
  const outage = state.clocks['outage-window'];
  if (outage.startedAt !== null && outage.endedAt === null && state.outagePlannedMinutes !== null) {
    const over = now.getTime() - Date.parse(outage.startedAt) - state.outagePlannedMinutes * 60_000;
    if (over > 0)
      alerts.push({
        id: 'outage-overrun',
        severity: 'warning',
        title: 'The outage window runs longer than planned',
        text: `Planned ${hours(state.outagePlannedMinutes * 60_000)}; over by ${hours(over)}. Tell the customer.`,
      });
  }
  return alerts;
}

function backupEnd(state: SessionState, stepId: StepId): number | null {
  const run = state.steps[stepId];
  return run.status === 'passed' && run.endedAt !== null ? Date.parse(run.endedAt) : null;
}
