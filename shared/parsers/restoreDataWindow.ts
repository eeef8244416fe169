import type { RestoreDataSelections } from '../procedure/types.ts';
import type { CmsWindow } from './cmsWindow.ts';
import { unrecognised, type Unrecognised } from './parseResult.ts';

/** The window's title as the manual names it ("Maintenance: Restore Data", p. 46). */
export const RESTORE_DATA_TITLE = /^Maintenance:\s*Restore Data$/i;

/**
 * "In the Data to Restore fields, select the Historical data and Non-CMS data options" (p. 46).
 * ASSUMPTION: the manual's picture of this window is not in its text; its data types are taken to be
 * check boxes drawn like Back Up Data's, and the other data types it offers are not known by name:
 * any other check box selected is read as another data type selected.
 */
const HISTORICAL = /^Historical data$/i;
const NON_CMS = /^Non-CMS data$/i;
/** ASSUMPTION: the administration data types carry Back Up Data's words (p. 27). */
const ADMINISTRATION = [
  'Local system administration data',
  'CMS system administration data',
  'ACD-specific administration data',
] as const;

export interface RestoreDataReading {
  historical: boolean;
  nonCms: boolean;
  /** Other data types selected, by their words on the screen. */
  others: string[];
}

export function readRestoreDataSelections(
  window: CmsWindow,
): { kind: 'recognised'; selections: RestoreDataReading } | Unrecognised {
  const raw = JSON.stringify(window);
  if (!RESTORE_DATA_TITLE.test(window.title))
    return unrecognised(raw, `the window is "${window.title}", not Restore Data`);
  const historical = window.checkBoxes.find((box) => HISTORICAL.test(box.label));
  const nonCms = window.checkBoxes.find((box) => NON_CMS.test(box.label));
  if (!historical || !nonCms)
    return unrecognised(raw, 'no check boxes for Historical data and Non-CMS data on the screen');
  return {
    kind: 'recognised',
    selections: {
      historical: historical.checked,
      nonCms: nonCms.checked,
      others: window.checkBoxes
        .filter((box) => box.checked && box !== historical && box !== nonCms)
        .map((box) => box.label),
    },
  };
}

export function restoreDataDifferences(seen: RestoreDataReading, required: RestoreDataSelections): string[] {
  const differences: string[] = [];
  const isAdministration = (label: string) =>
    ADMINISTRATION.some((name) => name.toLowerCase() === label.trim().toLowerCase());
  if (required.administration)
    for (const name of ADMINISTRATION)
      if (!seen.others.some((other) => other.trim().toLowerCase() === name.toLowerCase()))
        differences.push(`${name} is not selected: this restore needs it.`);
  for (const [name, isSelected, needed] of [
    ['Historical data', seen.historical, required.historical],
    ['Non-CMS data', seen.nonCms, required.nonCms],
  ] as const)
    if (isSelected !== needed)
      differences.push(
        isSelected
          ? `${name} is selected: this restore must exclude it.`
          : `${name} is not selected: this restore needs it.`,
      );
  for (const other of seen.others)
    if (!(required.administration && isAdministration(other)))
      differences.push(`${other} is selected: this restore must exclude it.`);
  return differences;
}
