import { unrecognised, type Unrecognised } from './parseResult.ts';

/**
 * `showrev -p`: one line per installed patch, as Solaris's showrev(1M) prints them (public format):
 * `Patch: 108528-29 Obsoletes: 108874-01, 108875-09 Requires: 108652-66 Incompatibles:  Packages: SUNWcsu`.
 * Only the patch id is read (number and revision); a server without patches prints
 * "No patches are installed".
 */
export type ShowrevPatches = { kind: 'patches'; patches: Readonly<Record<string, number>> } | Unrecognised;

const PATCH_LINE = /^Patch:\s+(\d{6})-(\d{2})\b/;

export function parseShowrevPatches(output: string): ShowrevPatches {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 1 && /^No patches are installed/.test(lines[0]!))
    return { kind: 'patches', patches: {} };
  if (lines.length === 0) return unrecognised(output, 'showrev -p printed nothing');
  const patches: Record<string, number> = {};
  for (const line of lines) {
    const match = PATCH_LINE.exec(line);
    if (!match) return unrecognised(output, `a line is not a patch line: ${line.slice(0, 120)}`);
    // A patch installed at several revisions counts at its highest.
    patches[match[1]!] = Math.max(patches[match[1]!] ?? 0, Number(match[2]));
  }
  return { kind: 'patches', patches };
}

/** How two patch lists differ: patches only one server has, and patches at different revisions. */
export function patchDifferences(
  orig: Readonly<Record<string, number>>,
  neu: Readonly<Record<string, number>>,
): string[] {
  const id = (patch: string, revision: number) => `${patch}-${String(revision).padStart(2, '0')}`;
  const lines: string[] = [];
  const onlyOrig = Object.keys(orig)
    .filter((patch) => !(patch in neu))
    .sort();
  const onlyNew = Object.keys(neu)
    .filter((patch) => !(patch in orig))
    .sort();
  const revisions = Object.keys(orig)
    .filter((patch) => patch in neu && orig[patch] !== neu[patch])
    .sort();
  if (onlyOrig.length > 0) lines.push(`only on ORIG: ${onlyOrig.map((p) => id(p, orig[p]!)).join(', ')}`);
  if (onlyNew.length > 0) lines.push(`only on NEW: ${onlyNew.map((p) => id(p, neu[p]!)).join(', ')}`);
  for (const patch of revisions)
    lines.push(`${patch}: ORIG at ${id(patch, orig[patch]!)}, NEW at ${id(patch, neu[patch]!)}`);
  return lines;
}
