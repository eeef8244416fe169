import type { MaintenanceBackupSelections } from '../../../shared/procedure/types.ts';
import { openForm, type FormState, type FormValues, type FormWindow } from './formWindow.ts';

/** Maintenance: Back Up Data as the manual lays it out on p. 27 (its title spelt as printed there). */
export const BACK_UP_DATA: FormWindow = {
  title: 'Maintenance: Backup Data',
  actions: ['Cancel', 'List devices', 'Run', 'Select tables'],
  underTitle: (values) => `Backups completed today: ${String(values.backupsToday)}`,
  rows: () => [
    'Device name: default_____',
    { choice: { kind: 'yes-no', id: 'verify', label: 'Verify tape can be read after backup? (y,n)' } },
    '',
    'ACD(s) to back up (Select one):',
    { choice: { kind: 'radio', id: 'acds', options: ['All ACDs', 'Current ACD'] } },
    '',
    'Data to back up (Select any you wish):',
    { choice: { kind: 'box', id: 'local', label: 'Local system administration data' } },
    { choice: { kind: 'box', id: 'system', label: 'CMS system administration data' } },
    { choice: { kind: 'box', id: 'acdAdmin', label: 'ACD-specific administration data' } },
    { choice: { kind: 'box', id: 'historical', label: 'Historical data,' } },
    '    Select one:',
    { before: '        ', choice: { kind: 'radio', id: 'historicalMode', options: ['Full', 'Incremental'] } },
    { choice: { kind: 'box', id: 'nonCms', label: 'Non-CMS data' } },
    { choice: { kind: 'box', id: 'specificTables', label: 'Specific tables' } },
  ],
};

/** The window as it opens: the defaults the manual shows on p. 27 (everything, historical full). */
export function openBackUpData(backupsToday: number): FormState {
  return openForm({
    backupsToday: String(backupsToday),
    verify: true,
    acds: 'All ACDs',
    local: true,
    system: true,
    acdAdmin: true,
    historical: true,
    historicalMode: 'Full',
    nonCms: true,
    specificTables: false,
  });
}

/** The selections in the procedure's terms (what the backup will write). */
export function backUpDataSelections(values: FormValues): MaintenanceBackupSelections {
  return {
    window: 'Maintenance: Back Up Data',
    acds: values.acds === 'All ACDs' ? 'all' : 'current',
    verifyTape: values.verify === true,
    localSystemAdmin: values.local === true,
    cmsSystemAdmin: values.system === true,
    acdSpecificAdmin: values.acdAdmin === true,
    historical: values.historical ? (values.historicalMode === 'Full' ? 'full' : 'incremental') : 'none',
    nonCms: values.nonCms === true,
    specificTables: values.specificTables === true,
  };
}
