import type { ComparisonRow } from '../procedure/serverComparison.ts';
import type { Reading, Verdict } from '../session/sessionEvents.ts';
import { comparisonOf } from '../procedure/serverComparison.ts';

/**
 * What the app read, as a sentence a customer can sign under: the same words in the step view, the
 * report and the CSV. Results come from the journal (possibly of an older version), so each is checked
 * for the shape it needs; what has another shape is said to be kept in the JSON record, never dumped.
 */
export function evidenceSentence(parser: string, result: unknown, server: string | null): string {
  const on = server ? ` on ${server}` : '';
  const r = (typeof result === 'object' && result !== null ? result : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof r[key] === 'string' ? (r[key] as string) : null);
  const number = (key: string) => (typeof r[key] === 'number' ? (r[key] as number) : null);
  const unread = r.kind === 'unrecognised';
  const why = text('reason');
  switch (parser) {
    case 'mt-status':
    case 'tape-start':
    case 'br-check':
    case 'tape-before-write':
    case 'cmsadm-backup':
    case 'data-collection':
    case 'archive-status':
      if (unread)
        return `The app could not read the ${PROGRAM[parser]} output${on}${why ? ` (${why})` : ''}; the technician judged it.`;
  }
  switch (parser) {
    case 'mt-status': {
      const drive = (r.drive as { name?: unknown } | undefined)?.name;
      if (r.status === 'ready')
        return `mt status${on}: the ${String(drive)} drive is ready (file ${number('fileNo')}, block ${number('blockNo')}).`;
      if (r.status === 'condition')
        return `mt status${on}: the ${String(drive)} drive reports ${text('message')}.`;
      return `mt status${on}: ${text('message') ?? String(r.status)}.`;
    }
    case 'tape-start':
      return r.start === 'empty'
        ? `The tape${on} starts blank.`
        : r.start === 'cpio'
          ? `The tape${on} starts with a cpio archive (a CMSADM backup).`
          : `The tape${on} starts with other data (${text('firstBytes') ?? 'bytes not kept'}).`;
    case 'br-check':
    case 'tape-before-write': {
      if (r.status !== 'listed') return `br_check${on}: ${text('message') ?? String(r.status)}.`;
      const label = r.volumeLabel as { kind?: unknown; raw?: unknown } | undefined;
      const tables = Array.isArray(r.tables) ? r.tables.length : 0;
      const types = Array.isArray(r.dataTypes) ? (r.dataTypes as unknown[]).join(', ') : '';
      return `br_check${on} lists volume ${label && typeof label.raw === 'string' ? label.raw : '(label not read)'}: ${tables} table${tables === 1 ? '' : 's'}${types ? ` (${types})` : ''}${r.verified === true ? ', verified' : ''}.`;
    }
    case 'cmsadm-backup':
      return r.status === 'completed'
        ? `cmsadm${on} wrote ${number('tapes')} tape${number('tapes') === 1 ? '' : 's'} (${number('blocksWritten')} blocks) of CMS ${text('cmsVersion')}${r.verified === true ? ` and verified ${number('blocksVerified')} blocks` : ', not verified'}.`
        : `cmsadm${on} failed: ${text('message') ?? 'no message'}.`;
    case 'data-collection': {
      const acds = Array.isArray(r.acds) ? (r.acds as { acd?: unknown; on?: unknown }[]) : [];
      const off = acds.filter((acd) => acd.on !== true).map((acd) => String(acd.acd));
      return off.length === 0
        ? `Data collection${on} is on for all ${acds.length} ACD${acds.length === 1 ? '' : 's'}.`
        : `Data collection${on} is off for ${off.join(', ')}.`;
    }
    case 'archive-status': {
      const records = Array.isArray(r.records) ? r.records.length : 0;
      return `Archiving Status${on} lists ${records} archive${records === 1 ? '' : 's'}.`;
    }
    case 'archive-judgement':
      return `${text('advice') ?? 'The interval archive was judged'}${r.busyOutNow === true ? ' Busy-out allowed now.' : ''}`;
    case 'cms-version-after-restore':
      return r.kind === 'version'
        ? `After the system restore ORIG runs CMS ${text('version')} (its CMSADM tape was written with ${text('expected') ?? 'a version not recorded'}).`
        : `The app could not read ORIG's CMS version after the system restore${why ? ` (${why})` : ''}; the technician judged it.`;
    case 'cms-versions':
      return `CMS versions: ORIG ${text('ORIG') ?? '(not read)'}, NEW ${text('NEW') ?? '(not read)'}.`;
    case 'drive-verdict':
    case 'platform-pair':
      return (
        text('message') ??
        text('reason') ??
        `The ${parser === 'drive-verdict' ? 'drive' : 'platform'} check is kept in the JSON record.`
      );
    case 'server-comparison': {
      const comparison = comparisonOf(result);
      if (!comparison) break;
      return `ORIG and NEW compared before ${comparison.before}: ${comparison.rows.map(rowSentence).join('; ')}.`;
    }
  }
  if (parser.startsWith('log ')) {
    const file = parser.slice('log '.length);
    if (unread)
      return `The app could not read ${file}${on}${why ? ` (${why})` : ''}; the technician judged it.`;
    const entries = Array.isArray(r.entries) ? (r.entries as { line?: unknown; outcome?: unknown }[]) : [];
    if (entries.length === 0) return `${file}${on}: nothing was added while the step ran.`;
    return `${file}${on} says: ${entries.map((entry) => `"${String(entry.line)}" (${String(entry.outcome)})`).join('; ')}.`;
  }
  return `The app recorded what it read of ${parser}${on}; the JSON record holds it.`;
}

const PROGRAM: Record<string, string> = {
  'mt-status': 'mt status',
  'tape-start': 'tape start (dd | od)',
  'br-check': 'br_check',
  'tape-before-write': 'br_check',
  'cmsadm-backup': 'cmsadm',
  'data-collection': 'Data Collection window',
  'archive-status': 'Archiving Status window',
};

function rowSentence(row: ComparisonRow): string {
  switch (row.outcome) {
    case 'same':
      return `${row.aspect} the same (${row.orig})`;
    case 'expected':
      return `${row.aspect} ${row.orig} and ${row.new}, as expected${row.note ? ` (${row.note})` : ''}`;
    case 'differs':
      return `${row.aspect} differs (ORIG ${row.orig}, NEW ${row.new}${row.note ? `; ${row.note}` : ''}), judged by the technician`;
    case 'unreadable':
      return `${row.aspect} not read (ORIG ${row.orig}, NEW ${row.new}), judged by the technician`;
    case 'not-compared':
      return `${row.aspect} not compared (${row.note ?? 'no reason recorded'})`;
  }
}

/** A technician's verdict as a sentence: on output the app could not read, or on a difference between the servers. */
export function verdictSentence(reading: Reading, verdict: Verdict): string {
  return reading.difference
    ? `${reading.about}: the servers differ; judged by the technician as ${verdict.verdict === 'looks-right' ? 'fine for the upgrade' : 'to be fixed first'} (${verdict.reason}).`
    : `${reading.about}: the app could not read the output; judged by the technician as ${verdict.verdict === 'looks-right' ? 'looking right' : 'looking wrong'} (${verdict.reason}).`;
}
