import { unrecognised, type Unrecognised } from './parseResult.ts';

export interface ArchiveRecord {
  acd: string;
  type: 'Interval' | 'Daily' | 'Weekly' | 'Monthly';
  status: string;
  /** The server's local date and time, as CMS shows them (no time zone). */
  finishedAt: { date: string; minutes: number };
  nextScheduledMinutes: number | null;
}

export type ArchiveStatus = { kind: 'recognised'; records: ArchiveRecord[]; raw: string } | Unrecognised;

const ROW =
  /^(\S+)\s+(Interval|Daily|Weekly|Monthly)\s+(\S+)\s+(\d{1,2})\/(\d{1,2})\/(\d{2})\s+(\d{1,2}):(\d{2}) ?([ap])\.?m\.?\s+(?:(\d{1,2}):(\d{2}) ?([ap])\.?m\.?)?\s*$/;

/** Parses the "Maintenance: Archiving Status: List All" window (manual p. 38). */
export function parseArchiveStatus(raw: string): ArchiveStatus {
  const text = raw.replace(/\r/g, '');
  if (!/Arch\. type/.test(text)) return unrecognised(raw, 'no "Arch. type" column heading');
  const records: ArchiveRecord[] = [];
  const lines = text.split('\n');
  const headingIndex = lines.findIndex((line) => /Arch\. type/.test(line));
  for (const line of lines.slice(headingIndex + 1)) {
    // The rows end at the window's status line (or a blank line); what follows is the next screen.
    if (/^Successful\s*$/.test(line.trim()) || (line.trim() === '' && records.length > 0)) break;
    if (line.trim() === '') continue;
    const match = ROW.exec(line.trim());
    if (!match) return unrecognised(raw, `a row is not in the expected form: "${line.trim()}"`);
    const [, acd, type, status, month, day, year, hour, minute, half, nextHour, nextMinute, nextHalf] = match;
    records.push({
      acd: acd!,
      type: type as ArchiveRecord['type'],
      status: status!,
      finishedAt: {
        date: `${2000 + Number(year)}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`,
        minutes: minutesOfDay(Number(hour), Number(minute), half!),
      },
      nextScheduledMinutes: nextHour ? minutesOfDay(Number(nextHour), Number(nextMinute), nextHalf!) : null,
    });
  }
  if (records.length === 0) return unrecognised(raw, 'the list has no rows');
  return { kind: 'recognised', records, raw };
}

function minutesOfDay(hour: number, minute: number, half: string): number {
  return ((hour % 12) + (half === 'p' ? 12 : 0)) * 60 + minute;
}

export interface ArchiveJudgement {
  /** Busy out now: every ACD's latest interval archive finished within the allowed minutes. */
  busyOutNow: boolean;
  perAcd: { acd: string; minutesSinceFinished: number; nextInMinutes: number | null }[];
  advice: string;
}

/**
 * D3: busy out only if the last interval archive finished "not more than a few minutes" ago
 * (default 5), otherwise wait for the next one. `serverNow` is the server's local clock.
 */
export function judgeArchiveInterval(
  records: readonly ArchiveRecord[],
  serverNow: { date: string; minutes: number },
  allowedMinutes = 5,
): ArchiveJudgement {
  const intervals = records.filter((r) => r.type === 'Interval' && r.status === 'Finished');
  const perAcd = intervals.map((r) => {
    const dayOffset = Math.round((Date.parse(serverNow.date) - Date.parse(r.finishedAt.date)) / 86_400_000);
    const since = dayOffset * 1440 + serverNow.minutes - r.finishedAt.minutes;
    const next =
      r.nextScheduledMinutes === null ? null : (r.nextScheduledMinutes - serverNow.minutes + 1440) % 1440;
    return { acd: r.acd, minutesSinceFinished: since, nextInMinutes: next };
  });
  const busyOutNow =
    perAcd.length > 0 &&
    perAcd.every((a) => a.minutesSinceFinished >= 0 && a.minutesSinceFinished <= allowedMinutes);
  const next = Math.min(...perAcd.map((a) => a.nextInMinutes ?? Infinity));
  const advice = busyOutNow
    ? 'The latest interval archive has just finished on every ACD: busy out the links now.'
    : perAcd.length === 0
      ? 'No finished interval archive is listed: do not busy out yet.'
      : `More than ${allowedMinutes} minutes have passed since the last interval archive: wait for the next one${Number.isFinite(next) ? ` (due in ${next} minutes)` : ''} to finish.`;
  return { busyOutNow, perAcd, advice };
}
