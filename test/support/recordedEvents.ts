import './rawImports.d.ts';
import journal from '../fixtures/sessions/full-training-run/journal.jsonl?raw';
import type { SessionEvent } from '../../shared/session/sessionEvents.ts';

/**
 * The events of the recorded full training upgrade (P1 to D11), in journal order
 * (`npm run record:training-session` records it again). Read as text, so view tests can use it too.
 */
export function recordedTrainingEvents(): SessionEvent[] {
  return journal
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { event: SessionEvent }).event);
}
