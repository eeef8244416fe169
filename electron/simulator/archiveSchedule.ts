import type { SimHost } from './simState.ts';

/** CMS archives each interval (30 minutes here) a few minutes after it closes; the manual's example: finished 8:05, next 8:30. */
export const INTERVAL_MINUTES = 30;
export const ARCHIVE_TAKES_MINUTES = 5;

export interface ArchiveRow {
  acd: string;
  type: 'Interval';
  status: 'Finished';
  date: string;
  time: string;
  next: string;
}

/** The Archiving Status rows (interval archives only, as the manual has the technician select) at `now`. */
export function archiveStatus(host: SimHost, now: Date): ArchiveRow[] {
  const interval = INTERVAL_MINUTES * 60_000;
  const lastBoundary = Math.floor((now.getTime() - ARCHIVE_TAKES_MINUTES * 60_000) / interval) * interval;
  const scheduled = lastBoundary + ARCHIVE_TAKES_MINUTES * 60_000;
  const forced = host.lastArchiveAt ? Date.parse(host.lastArchiveAt) : -Infinity;
  const finished = new Date(Math.max(scheduled, forced <= now.getTime() ? forced : -Infinity));
  const next = new Date(Math.floor(finished.getTime() / interval) * interval + interval);
  return host.acds.map((acd) => ({
    acd: acd.name,
    type: 'Interval',
    status: 'Finished',
    date: `${finished.getUTCMonth() + 1}/${finished.getUTCDate()}/${String(finished.getUTCFullYear()).slice(2)}`,
    time: clock(finished),
    next: clock(next),
  }));
}

/** `8:05 a.m.` as the CMS window prints times. */
function clock(date: Date): string {
  const hours = date.getUTCHours();
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  return `${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? 'a.m.' : 'p.m.'}`;
}
