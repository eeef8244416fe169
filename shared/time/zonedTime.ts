/**
 * Wall-clock times in a named time zone (the site's, not the laptop's), written as RFC 9557 date-times:
 * `2026-11-24T07:00:00+01:00[Europe/Paris]`: the offset makes the instant exact, the zone says where.
 * Only the platform's Intl time-zone data is used.
 */

/** True for a zone name the platform knows (an IANA name such as Europe/London). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at `instant`, in minutes (east positive). */
export function zoneOffsetMinutes(zone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A wall-clock time typed for a zone (`2026-11-24T07:00`, as a datetime-local field gives it) as the
 * RFC 9557 date-time of that instant; null when the text is not such a time. A time a clock change
 * repeats gets one of its two offsets; the preview in the window shows which.
 */
export function zonedDateTime(local: string, zone: string): string | null {
  const match = LOCAL.exec(local);
  if (!match || !isKnownTimeZone(zone)) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as number[];
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!);
  if (Number.isNaN(wall)) return null;
  // The offset at the wall time read as UTC is near; the offset at the instant it gives is exact.
  const offset = zoneOffsetMinutes(zone, wall - zoneOffsetMinutes(zone, wall) * 60_000);
  return `${local}:00${formatOffset(offset)}[${zone}]`;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))(?:\[([A-Za-z0-9_+\-/]{1,64})\])?$/;

/** An exact date-time with an offset, and the site's zone when it is given in brackets; null when it is not one. */
export function readDateTime(text: string): { instant: string; timeZone: string | null } | null {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return null;
  const instant = Date.parse(match[1]!);
  if (Number.isNaN(instant)) return null;
  const zone = match[2] ?? null;
  if (zone !== null && !isKnownTimeZone(zone)) return null;
  return { instant: new Date(instant).toISOString(), timeZone: zone };
}

/** An instant as the wall clock of `zone` shows it: "2026-11-24 07:00". */
export function wallClock(instant: string | number, zone: string): string {
  const at = typeof instant === 'number' ? instant : Date.parse(instant);
  const shifted = new Date(at + zoneOffsetMinutes(zone, at) * 60_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}
