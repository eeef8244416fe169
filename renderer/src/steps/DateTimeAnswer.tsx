import { useMemo, useState } from 'react';
import { wallClock, zonedDateTime } from '../../../shared/time/zonedTime.ts';
import type { Question } from '../session/sessionStore.ts';
import { formatDuration } from '../session/formatDuration.ts';

const LAPTOP_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * A date and time on the site's clock: a date-time field and the site's time zone (the laptop's by
 * default: a technician may have flown in), with the instant it makes shown in UTC before it is sent.
 */
export function DateTimeAnswer({
  question,
  onAnswer,
  onStop,
}: {
  question: Question;
  onAnswer: (text: string) => void;
  onStop: () => void;
}) {
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const [local, setLocal] = useState('');
  const [zone, setZone] = useState(LAPTOP_ZONE);
  const chosen = zonedDateTime(local, zone);
  const instant = chosen === null ? null : Date.parse(chosen.replace(/\[.*\]$/, ''));
  return (
    <form
      className="question"
      aria-label="Question"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) onAnswer(chosen);
      }}
    >
      <p>{question.text}</p>
      <label>
        Date and time on the site&apos;s clock{' '}
        <input
          type="datetime-local"
          value={local}
          onChange={(e) => setLocal(e.target.value)}
          required
          autoFocus
        />
      </label>
      <label>
        Site time zone{' '}
        <select value={zone} onChange={(e) => setZone(e.target.value)}>
          {(zones.includes(zone) ? zones : [zone, ...zones]).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <p role="status" aria-label="The time chosen">
        {instant === null
          ? 'Choose a date and a time.'
          : `${wallClock(instant, zone)} ${zone} = ${wallClock(instant, 'UTC')} UTC (${
              instant > Date.now() ? `in ${formatDuration(instant - Date.now())}` : 'already passed'
            })`}
      </p>
      <button type="submit" disabled={chosen === null}>
        Answer
      </button>
      <button type="button" onClick={onStop}>
        Stop the step
      </button>
    </form>
  );
}
