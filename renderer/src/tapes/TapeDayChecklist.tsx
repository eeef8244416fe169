import { tapeChecklist, type ChecklistTape } from '../../../shared/report/tapeChecklist.ts';
import type { SessionState } from '../../../shared/session/sessionState.ts';

/** Which tapes to bring each day, which each day writes, and which to keep or reuse after the upgrade. */
export function TapeDayChecklist({ state }: { state: SessionState }) {
  const checklist = tapeChecklist(state);
  return (
    <section aria-labelledby="tape-days-heading">
      <h3 id="tape-days-heading">Tape checklist by day</h3>
      <p>{checklist.minimumTapes} A CMSADM backup may fill more than one tape: bring spares.</p>
      {checklist.days.map((day) => (
        <div key={day.phase} aria-label={day.title} role="group">
          <h4>{day.title}</h4>
          <TapeList title="Blank tapes to write" tapes={day.toWrite} />
          {day.toBring.length > 0 && <TapeList title="Bring from the day before" tapes={day.toBring} />}
        </div>
      ))}
      <h4>After the upgrade</h4>
      <TapeList title="Keep" tapes={checklist.keep} />
      <TapeList title="May go back into the nightly rotation (once D9 is done)" tapes={checklist.reusable} />
    </section>
  );
}

function TapeList({ title, tapes }: { title: string; tapes: readonly ChecklistTape[] }) {
  return (
    <>
      <p>
        <strong>{title}</strong>
      </p>
      <ul>
        {tapes.map((tape) => (
          <li key={tape.role}>
            {tape.title}: written in {tape.writtenBy}
            {tape.usedBy.length > 0 ? `, read in ${tape.usedBy.join(', ')}` : ''}
            {tape.whereabouts.length > 0 ? ` — ${tape.whereabouts.join('; ')}` : ' — not written yet'}
          </li>
        ))}
      </ul>
    </>
  );
}
