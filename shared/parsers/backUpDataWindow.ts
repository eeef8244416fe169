import type { MaintenanceBackupSelections } from '../procedure/types.ts';
import type { CmsWindow } from './cmsWindow.ts';
import { unrecognised, type Unrecognised } from './parseResult.ts';

/** The window's title as the manual prints it on its screens ("Maintenance: Backup Data", pp. 27, 40). */
export const BACK_UP_DATA_TITLE = /^Maintenance:\s*Back\s?up Data$/i;

/** The data-type check boxes of Back Up Data, by the words the manual's screens give them (pp. 27, 40). */
const BOXES = {
  localSystemAdmin: 'Local system administration data',
  cmsSystemAdmin: 'CMS system administration data',
  acdSpecificAdmin: 'ACD-specific administration data',
  historical: 'Historical data',
  nonCms: 'Non-CMS data',
  specificTables: 'Specific tables',
} as const;

/** What a Back Up Data window on the screen has selected, in the terms the procedure prescribes them. */
export function readBackUpDataSelections(
  window: CmsWindow,
): { kind: 'recognised'; selections: MaintenanceBackupSelections } | Unrecognised {
  const raw = JSON.stringify(window);
  if (!BACK_UP_DATA_TITLE.test(window.title))
    return unrecognised(raw, `the window is "${window.title}", not Back Up Data`);
  const box = (label: string) => window.checkBoxes.find((b) => b.label.toLowerCase() === label.toLowerCase());
  const missing = Object.values(BOXES).filter((label) => !box(label));
  if (missing.length > 0) return unrecognised(raw, `no check box for ${missing.join(', ')}`);
  const checked = (label: string) => box(label)!.checked;
  const acds = window.radioGroups.find((group) => group.options.some((o) => /^All ACDs$/i.test(o.label)));
  const mode = window.radioGroups.find((group) => group.options.some((o) => /^Incremental$/i.test(o.label)));
  if (!acds || !mode)
    return unrecognised(
      raw,
      'the ACD and historical (full or incremental) choices are not both on the screen',
    );
  const chosen = (group: CmsWindow['radioGroups'][number]) => group.options.filter((o) => o.selected);
  const [acd] = chosen(acds);
  const [historicalMode] = chosen(mode);
  if (chosen(acds).length !== 1 || chosen(mode).length !== 1)
    return unrecognised(raw, 'a "Select one" group does not show exactly one choice');
  const verifyField = Object.entries(window.fields).find(([label]) => /^Verify tape/i.test(label));
  if (!verifyField || !/^[yn]$/.test(verifyField[1]))
    return unrecognised(raw, 'the "Verify tape" field is not y or n');
  const selections: MaintenanceBackupSelections = {
    window: 'Maintenance: Back Up Data',
    acds: /^All/i.test(acd!.label) ? 'all' : 'current',
    verifyTape: verifyField[1] === 'y',
    localSystemAdmin: checked(BOXES.localSystemAdmin),
    cmsSystemAdmin: checked(BOXES.cmsSystemAdmin),
    acdSpecificAdmin: checked(BOXES.acdSpecificAdmin),
    historical: !checked(BOXES.historical)
      ? 'none'
      : /^Incremental$/i.test(historicalMode!.label)
        ? 'incremental'
        : 'full',
    nonCms: checked(BOXES.nonCms),
    specificTables: checked(BOXES.specificTables),
  };
  return { kind: 'recognised', selections };
}

/** Each way the selections on the screen differ from what the step requires, as one sentence. */
export function backUpDataDifferences(
  seen: MaintenanceBackupSelections,
  required: MaintenanceBackupSelections,
): string[] {
  const differences: string[] = [];
  if (seen.acds !== required.acds)
    differences.push(
      `${seen.acds === 'all' ? 'All ACDs' : 'Current ACD'} is chosen: this backup needs ${required.acds === 'all' ? 'All ACDs' : 'Current ACD'}.`,
    );
  if (seen.verifyTape !== required.verifyTape)
    differences.push(
      `"Verify tape can be read after backup?" is ${seen.verifyTape ? 'y' : 'n'}: this backup needs ${required.verifyTape ? 'y' : 'n'}.`,
    );
  for (const key of [
    'localSystemAdmin',
    'cmsSystemAdmin',
    'acdSpecificAdmin',
    'nonCms',
    'specificTables',
  ] as const)
    if (seen[key] !== required[key])
      differences.push(
        seen[key]
          ? `${BOXES[key]} is selected: this backup must exclude it.`
          : `${BOXES[key]} is not selected: this backup must include it.`,
      );
  if (seen.historical !== required.historical)
    differences.push(
      required.historical === 'none'
        ? `Historical data is selected (${seen.historical}): this backup must exclude it.`
        : seen.historical === 'none'
          ? `Historical data is not selected: this backup needs it, ${required.historical}.`
          : `Historical data is ${seen.historical}: this backup needs ${required.historical}.`,
    );
  return differences;
}
