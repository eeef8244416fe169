import { MIGRATION_DATA_TYPE_NAMES } from '../parsers/migrateDataWindow.ts';
import type { MenuSelections, MigrationDataType } from './types.ts';

/**
 * A CMS window's required selections drawn as the window shows them: the manual's Back Up Data layout
 * (p. 27: `[x]` check boxes, `<x>` radio buttons); R3 Migrate Data and Restore Data with the data
 * types the manual names for them (their pictures are not in the manual's text).
 */
export function selectionsAsWindow(selections: MenuSelections): string[] {
  const box = (on: boolean, label: string) => `${on ? '[x]' : '[_]'} ${label}`;
  const radio = (options: readonly string[], chosen: string) =>
    options.map((option) => `${option === chosen ? '<x>' : '<_>'} ${option}`).join('  ');
  switch (selections.window) {
    case 'Maintenance: Back Up Data':
      return [
        selections.window,
        `Verify tape can be read after backup? (y,n): ${selections.verifyTape ? 'y' : 'n'}`,
        'ACD(s) to back up (Select one):',
        radio(['All ACDs', 'Current ACD'], selections.acds === 'all' ? 'All ACDs' : 'Current ACD'),
        'Data to back up (Select any you wish):',
        box(selections.localSystemAdmin, 'Local system administration data'),
        box(selections.cmsSystemAdmin, 'CMS system administration data'),
        box(selections.acdSpecificAdmin, 'ACD-specific administration data'),
        box(selections.historical !== 'none', 'Historical data,'),
        `    Select one: ${radio(['Full', 'Incremental'], selections.historical === 'incremental' ? 'Incremental' : 'Full')}`,
        box(selections.nonCms, 'Non-CMS data'),
        box(selections.specificTables, 'Specific tables'),
      ];
    case 'System Setup: R3 Migrate Data':
      return [
        selections.window,
        'ACD(s) to migrate (Select one):',
        radio(['All ACDs', 'Current ACD'], 'All ACDs'),
        'Data to migrate (Select any you wish):',
        ...(Object.keys(MIGRATION_DATA_TYPE_NAMES) as MigrationDataType[]).map((type) =>
          box(selections.dataTypes.includes(type), MIGRATION_DATA_TYPE_NAMES[type]),
        ),
      ];
    case 'Maintenance: Restore Data':
      return [
        selections.window,
        'Data to restore (Select any you wish):',
        ...(selections.administration
          ? [
              box(true, 'Local system administration data'),
              box(true, 'CMS system administration data'),
              box(true, 'ACD-specific administration data'),
            ]
          : []),
        box(selections.historical, 'Historical data'),
        box(selections.nonCms, 'Non-CMS data'),
        '(every other data type left clear)',
      ];
  }
}
