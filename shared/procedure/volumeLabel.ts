import type { MaintenanceBackupSelections } from './types.ts';

/**
 * The data-type part of the volume label CMS writes on every maintenance backup
 * (`SYSTEM-YYMMDD-NN-LLLL-AA-M-TT`, CentreVu CMS administration guide, "labeling the backup volume"):
 * four letters, the ACD number and the mode.
 */
export interface VolumeLabelContent {
  dataLetters: string;
  /** `00` for all ACDs; null when the backup is of the current ACD, whose number only the tape can tell. */
  acd: string | null;
  mode: 'F' | 'I';
}

export function volumeLabelContentFor(selections: MaintenanceBackupSelections): VolumeLabelContent {
  const local = selections.localSystemAdmin ? 'L' : 'X';
  const system = selections.cmsSystemAdmin ? 'S' : 'X';
  const hasHistorical = selections.historical !== 'none';
  const acdData =
    selections.acdSpecificAdmin && hasHistorical
      ? 'A'
      : selections.acdSpecificAdmin
        ? 'M'
        : hasHistorical
          ? 'H'
          : 'X';
  const custom = selections.nonCms ? 'C' : 'X';
  return {
    dataLetters: `${local}${system}${acdData}${custom}`,
    acd: selections.acds === 'all' ? '00' : null,
    mode: selections.historical === 'incremental' ? 'I' : 'F',
  };
}
