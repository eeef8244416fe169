import type { Evidence } from '../session/sessionState.ts';

type WindowAtRun = Extract<Evidence, { kind: 'window-at-run' }>;

/** The selections seen when Run was activated, in one sentence (the step view and the report). */
export function windowAtRunText(
  evidence: Pick<WindowAtRun, 'window' | 'differences' | 'unreadable' | 'wentAheadDespite'>,
): string {
  const on = `Run was activated on ${evidence.window}`;
  if (evidence.differences === null)
    return `${on}; the app could not read its selections (${evidence.unreadable ?? 'unknown'})${evidence.wentAheadDespite ? ' and the technician went ahead' : ''}.`;
  if (evidence.differences.length === 0) return `${on} with the selections the step requires.`;
  return `${on} with selections that differ from the step's: ${evidence.differences.join(' ')}${evidence.wentAheadDespite ? ' The technician went ahead.' : ''}`;
}

/** Whether the act deviated from the procedure (a deviation in the report). */
export function windowAtRunDeviates(evidence: Pick<WindowAtRun, 'differences'>): boolean {
  return evidence.differences === null || evidence.differences.length > 0;
}
