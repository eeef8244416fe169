import type { MigrationDataType } from '../procedure/types.ts';
import type { CmsWindow } from './cmsWindow.ts';
import { unrecognised, type Unrecognised } from './parseResult.ts';

/** The window's title as the manual names it ("System Setup: R3 Migrate Data", pp. 31, 42, 44). */
export const MIGRATE_DATA_TITLE = /^System Setup:\s*R3 Migrate Data$/i;

/**
 * The data types by the words the manual's text gives them: "System Administration data" and
 * "Agent/Call Center Admin data" (p. 31), "Historical data" (p. 42), "CMS administration data" (p. 44).
 * ASSUMPTION: the manual's pictures of this window are not in its text; its data types are taken to be
 * check boxes and its ACD choice radio buttons, drawn like the Back Up Data window's.
 */
const DATA_TYPE_WORDS: Record<MigrationDataType, RegExp> = {
  'system-admin': /^(CMS )?System Administration data$|^CMS administration data$/i,
  'agent-call-center-admin': /^Agent\/Call Cent(er|re) Admin(istration)? data$/i,
  historical: /^Historical data$/i,
};

export const MIGRATION_DATA_TYPE_NAMES: Record<MigrationDataType, string> = {
  'system-admin': 'System Administration data',
  'agent-call-center-admin': 'Agent/Call Center Admin data',
  historical: 'Historical data',
};

export interface MigrateDataReading {
  acds: 'all' | 'not-all';
  dataTypes: MigrationDataType[];
}

/** What an R3 Migrate Data window on the screen has selected. */
export function readMigrateDataSelections(
  window: CmsWindow,
): { kind: 'recognised'; selections: MigrateDataReading } | Unrecognised {
  const raw = JSON.stringify(window);
  if (!MIGRATE_DATA_TITLE.test(window.title))
    return unrecognised(raw, `the window is "${window.title}", not R3 Migrate Data`);
  const boxes = (Object.keys(DATA_TYPE_WORDS) as MigrationDataType[]).map((type) => ({
    type,
    box: window.checkBoxes.find((candidate) => DATA_TYPE_WORDS[type].test(candidate.label)),
  }));
  const missing = boxes.filter(({ box }) => !box).map(({ type }) => MIGRATION_DATA_TYPE_NAMES[type]);
  if (missing.length > 0) return unrecognised(raw, `no check box for ${missing.join(', ')}`);
  const acds = window.radioGroups.find((group) => group.options.some((o) => /^All ACDs$/i.test(o.label)));
  const chosen = acds?.options.filter((o) => o.selected) ?? [];
  if (chosen.length !== 1) return unrecognised(raw, 'the ACD choice does not show exactly one selection');
  return {
    kind: 'recognised',
    selections: {
      acds: /^All ACDs$/i.test(chosen[0]!.label) ? 'all' : 'not-all',
      dataTypes: boxes.filter(({ box }) => box!.checked).map(({ type }) => type),
    },
  };
}

/** Each way the selections differ from what a checklist item requires, as one sentence. */
export function migrateDataDifferences(
  seen: MigrateDataReading,
  required: { dataTypes: readonly MigrationDataType[] },
): string[] {
  const differences: string[] = [];
  if (seen.acds !== 'all') differences.push('All ACDs is not chosen: every migration here is for All ACDs.');
  for (const type of seen.dataTypes)
    if (!required.dataTypes.includes(type))
      differences.push(`${MIGRATION_DATA_TYPE_NAMES[type]} is selected: this migration must exclude it.`);
  for (const type of required.dataTypes)
    if (!seen.dataTypes.includes(type))
      differences.push(`${MIGRATION_DATA_TYPE_NAMES[type]} is not selected: this migration needs it.`);
  return differences;
}
