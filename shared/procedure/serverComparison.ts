import type { CmsPackageVersion } from '../parsers/cmsPackageVersion.ts';
import type { LocaleSettings } from '../parsers/localeOutput.ts';
import type { TapeDriveSummary } from '../parsers/mtStatus.ts';
import { patchDifferences, type ShowrevPatches } from '../parsers/showrevPatches.ts';
import { MANUAL } from './manualSections.ts';

/** What the app reads of one server to hold it against the other (each part as read, or why not). */
export interface ServerFacts {
  osRelease: { text: string } | { unreadable: string };
  patches: ShowrevPatches;
  cmsVersion: CmsPackageVersion;
  tapeDrive: TapeDriveSummary;
  storageDef: { text: string } | { unreadable: string };
  locale: LocaleSettings;
}

/**
 * same and expected pass by themselves; differs and unreadable are put to the technician (fine or must
 * fix); not-compared says why (the row's note).
 */
export type ComparisonOutcome = 'same' | 'differs' | 'expected' | 'unreadable' | 'not-compared';

export interface ComparisonRow {
  aspect: string;
  orig: string;
  new: string;
  outcome: ComparisonOutcome;
  /** How they differ, why a difference is expected, or why the row was not compared. */
  note: string | null;
}

export type ComparedBefore = 'D2' | 'D8';

/** The manual's words on what must match (pp. 31 and 32); the rest it does not pin down. */
export const COMPARISON_LOOK_FOR = `The manual: "The original server and the new HA server must have the same CMS version and base load" (${MANUAL.cmsSetup.section}, p. ${MANUAL.cmsSetup.page}) and "data storage values should be identical to the values installed on the original server" (Setting up data storage parameters, p. 32). Looks right: this difference is fine for the upgrade. Looks wrong: it must be fixed first; the step stops.`;

const unreadable = (part: { unreadable: string } | { kind: 'unrecognised'; reason: string }) =>
  'unreadable' in part ? part.unreadable : part.reason;

/** ORIG and NEW side by side, aspect by aspect, as the upgrade needs them before `before`. */
export function compareServers(orig: ServerFacts, neu: ServerFacts, before: ComparedBefore): ComparisonRow[] {
  return [
    compareText('Solaris release', orig.osRelease, neu.osRelease),
    comparePatches(orig, neu),
    compareCmsVersion(orig.cmsVersion, neu.cmsVersion, before),
    compareDrives(orig.tapeDrive, neu.tapeDrive),
    compareStorageDef(orig.storageDef, neu.storageDef),
    compareLocale(orig.locale, neu.locale),
  ];
}

function compareText(
  aspect: string,
  orig: { text: string } | { unreadable: string },
  neu: { text: string } | { unreadable: string },
): ComparisonRow {
  if (!('text' in orig) || !('text' in neu))
    return {
      aspect,
      orig: 'text' in orig ? orig.text : `(not read: ${unreadable(orig)})`,
      new: 'text' in neu ? neu.text : `(not read: ${unreadable(neu)})`,
      outcome: 'unreadable',
      note: null,
    };
  return {
    aspect,
    orig: orig.text,
    new: neu.text,
    outcome: orig.text === neu.text ? 'same' : 'differs',
    note: null,
  };
}

function comparePatches(orig: ServerFacts, neu: ServerFacts): ComparisonRow {
  const aspect = 'Patches (showrev -p)';
  const count = (patches: ShowrevPatches) =>
    patches.kind === 'patches'
      ? `${Object.keys(patches.patches).length} patches`
      : `(not read: ${patches.reason})`;
  const row = { aspect, orig: count(orig.patches), new: count(neu.patches) };
  if (orig.patches.kind !== 'patches' || neu.patches.kind !== 'patches')
    return { ...row, outcome: 'unreadable', note: null };
  if (
    'text' in orig.osRelease &&
    'text' in neu.osRelease &&
    release(orig.osRelease.text) !== release(neu.osRelease.text)
  )
    return { ...row, outcome: 'not-compared', note: 'different Solaris releases have different patches' };
  const differences = patchDifferences(orig.patches.patches, neu.patches.patches);
  return {
    ...row,
    outcome: differences.length === 0 ? 'same' : 'differs',
    note: differences.join('; ') || null,
  };
}

const release = (text: string) => text.split(/\s+/)[0];

function compareCmsVersion(
  orig: CmsPackageVersion,
  neu: CmsPackageVersion,
  before: ComparedBefore,
): ComparisonRow {
  const aspect = 'CMS version and base load';
  const shown = (version: CmsPackageVersion) =>
    version.kind === 'version' ? version.version : `(not read: ${version.reason})`;
  const row = { aspect, orig: shown(orig), new: shown(neu) };
  if (orig.kind !== 'version' || neu.kind !== 'version') return { ...row, outcome: 'unreadable', note: null };
  if (orig.version === neu.version) return { ...row, outcome: 'same', note: null };
  return before === 'D2'
    ? { ...row, outcome: 'expected', note: "ORIG is upgraded to NEW's version and base load at D6" }
    : { ...row, outcome: 'differs', note: 'D6 was to upgrade ORIG to the same version and base load as NEW' };
}

function compareDrives(orig: TapeDriveSummary, neu: TapeDriveSummary): ComparisonRow {
  const aspect = 'Tape drive';
  const shown = (drive: TapeDriveSummary) =>
    drive.name ?? `(not identified: ${drive.message ?? drive.status})`;
  const row = { aspect, orig: shown(orig), new: shown(neu) };
  if (orig.family === null || neu.family === null)
    return {
      ...row,
      outcome: 'not-compared',
      note: 'a drive was not identified now (often: no tape in it); P2 compared the drives',
    };
  return orig.family === neu.family && orig.name === neu.name
    ? { ...row, outcome: 'same', note: null }
    : {
        ...row,
        outcome: 'differs',
        note: orig.family === neu.family ? 'same family, another model' : 'different drive families',
      };
}

function compareStorageDef(
  orig: { text: string } | { unreadable: string },
  neu: { text: string } | { unreadable: string },
): ComparisonRow {
  const aspect = 'Data storage parameters (storage.def)';
  const lines = (text: string) =>
    text
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .trimEnd()
      .split('\n');
  const shown = (file: { text: string } | { unreadable: string }) =>
    'text' in file ? `${lines(file.text).length} lines` : `(not read: ${file.unreadable})`;
  const row = { aspect, orig: shown(orig), new: shown(neu) };
  if (!('text' in orig) || !('text' in neu)) return { ...row, outcome: 'unreadable', note: null };
  const a = lines(orig.text);
  const b = lines(neu.text);
  const differing: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length) && differing.length < 10; i++)
    if (a[i] !== b[i]) differing.push(`line ${i + 1}: ORIG "${a[i] ?? '(none)'}", NEW "${b[i] ?? '(none)'}"`);
  return { ...row, outcome: differing.length === 0 ? 'same' : 'differs', note: differing.join('; ') || null };
}

function compareLocale(orig: LocaleSettings, neu: LocaleSettings): ComparisonRow {
  const aspect = 'Locale';
  const shown = (locale: LocaleSettings) =>
    locale.kind === 'locale' ? `LANG=${locale.settings.LANG}` : `(not read: ${locale.reason})`;
  const row = { aspect, orig: shown(orig), new: shown(neu) };
  if (orig.kind !== 'locale' || neu.kind !== 'locale') return { ...row, outcome: 'unreadable', note: null };
  const names = [...new Set([...Object.keys(orig.settings), ...Object.keys(neu.settings)])].sort();
  const differing = names.filter((name) => orig.settings[name] !== neu.settings[name]);
  return {
    ...row,
    outcome: differing.length === 0 ? 'same' : 'differs',
    note:
      differing
        .map((name) => `${name}: ORIG "${orig.settings[name] ?? ''}", NEW "${neu.settings[name] ?? ''}"`)
        .join('; ') || null,
  };
}

/** One row as the technician reads it: both values side by side and what the app made of them. */
export function comparisonRowText(row: ComparisonRow): string {
  return `${row.aspect}\n  ORIG: ${row.orig}\n  NEW:  ${row.new}\n  ${row.outcome}${row.note ? `: ${row.note}` : ''}`;
}

/** A server comparison's evidence, when it has the shape the app records (older or damaged evidence: null). */
export function comparisonOf(result: unknown): { before: string; rows: ComparisonRow[] } | null {
  if (typeof result !== 'object' || result === null) return null;
  const { before, rows } = result as { before?: unknown; rows?: unknown };
  if (typeof before !== 'string' || !Array.isArray(rows)) return null;
  const valid = rows.every(
    (row: unknown) =>
      typeof row === 'object' &&
      row !== null &&
      ['aspect', 'orig', 'new', 'outcome'].every(
        (key) => typeof (row as Record<string, unknown>)[key] === 'string',
      ),
  );
  return valid ? { before, rows: rows as ComparisonRow[] } : null;
}
