/** Text formatting shared by the report's HTML, CSV and label sheets. */
import { isKnownTimeZone, zoneOffsetMinutes } from '../time/zonedTime.ts';

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * A moment as the report prints it, unambiguous: on the site's clock with its zone and UTC beside
 * ("2026-11-24 07:00:05 Europe/Paris (06:00:05 UTC)"), or in UTC alone when the zone is not known.
 */
export function reportTime(iso: string | null, siteTimeZone: string | null = null): string {
  if (iso === null) return '—';
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  const utc = time.toISOString().slice(0, 19).replace('T', ' ');
  if (siteTimeZone === null) return `${utc} UTC`;
  const site = siteClock(time, siteTimeZone);
  if (site === null) return `${utc} UTC`;
  const utcPart = site.slice(0, 10) === utc.slice(0, 10) ? utc.slice(11) : utc;
  return `${site} ${siteTimeZone} (${utcPart} UTC)`;
}

/** `YYYY-MM-DD HH:MM:SS` on the wall clock of `zone`; null for a zone this runtime does not know. */
function siteClock(time: Date, zone: string): string | null {
  if (!isKnownTimeZone(zone)) return null;
  const shifted = new Date(time.getTime() + zoneOffsetMinutes(zone, time.getTime()) * 60_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}

export function reportDuration(milliseconds: number | null): string {
  if (milliseconds === null) return '—';
  const seconds = Math.max(0, Math.round(milliseconds / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** One CSV field (RFC 4180); a leading formula character is neutralised so a spreadsheet shows it as text. */
export function csvField(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly (string | number | boolean | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
