import type { VolumeLabel } from '../parsers/volumeLabel.ts';
import { tapeRoleDefinition } from './tapeRoles.ts';
import type { TapeRole } from './types.ts';
import { volumeLabelContentFor } from './volumeLabel.ts';

export type LabelVerdict = { matches: true } | { matches: false; reasons: string[] };

/**
 * The labels a maintenance tape of each role may carry. D5's incremental backup is accepted as the
 * manual's screen has it (XXAC) or as its text has it (historical only: XXHX); see the D5 discrepancy.
 */
export function acceptedLabelContents(role: TapeRole): { letters: string; mode: 'F' | 'I' }[] {
  const definition = tapeRoleDefinition(role);
  if (!definition.backupSelections) return [];
  const expected = volumeLabelContentFor(definition.backupSelections);
  const accepted = [{ letters: expected.dataLetters, mode: expected.mode }];
  if (role === 'INCR-ORIG') accepted.push({ letters: 'XXHX', mode: 'I' });
  return accepted;
}

/** DESIGN.md's volume label rule: the tape must carry the data types and mode the step expects, for all ACDs. */
export function checkVolumeLabel(label: VolumeLabel, role: TapeRole): LabelVerdict {
  const accepted = acceptedLabelContents(role);
  if (accepted.length === 0)
    return { matches: false, reasons: [`${role} is a CMSADM tape; it has no CMS volume label`] };
  const reasons: string[] = [];
  const mode = label.mode === 'full' ? 'F' : 'I';
  if (!accepted.some((a) => a.letters === label.letters && a.mode === mode)) {
    reasons.push(
      `the tape holds ${label.letters}-${mode}; ${role} must be ${accepted.map((a) => `${a.letters}-${a.mode}`).join(' or ')}`,
    );
  }
  if (label.acd !== 0)
    reasons.push(`the tape holds ACD ${label.acd} only; the procedure backs up all ACDs (00)`);
  return reasons.length === 0 ? { matches: true } : { matches: false, reasons };
}
