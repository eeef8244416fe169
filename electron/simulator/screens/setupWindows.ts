import type { MigrationDataType } from '../../../shared/procedure/types.ts';
import { openForm, type FormState, type FormValues, type FormWindow } from './formWindow.ts';
import {
  ARCHIVING_STATUS_ACTIONS,
  CMS_STATE_ACTIONS,
  MIGRATE_ACTIONS,
  RESTORE_ACTIONS,
} from './screenAssumptions.ts';

/**
 * The windows the manual names without drawing them, as the simulator draws them (see
 * screenAssumptions.ts): R3 Migrate Data, Restore Data, CMS State, Archiving Status.
 */

const MIGRATION_BOXES: Record<MigrationDataType, string> = {
  'system-admin': 'System Administration data',
  'agent-call-center-admin': 'Agent/Call Center Admin data',
  historical: 'Historical data',
};

export const R3_MIGRATE_DATA: FormWindow = {
  title: 'System Setup: R3 Migrate Data',
  actions: MIGRATE_ACTIONS,
  rows: () => [
    'Device name: default_____',
    '',
    'ACD(s) to migrate (Select one):',
    { choice: { kind: 'radio', id: 'acds', options: ['All ACDs', 'Current ACD'] } },
    '',
    'Data to migrate (Select any you wish):',
    ...(Object.entries(MIGRATION_BOXES) as [MigrationDataType, string][]).map(([id, label]) => ({
      choice: { kind: 'box' as const, id, label },
    })),
  ],
};

export function openR3MigrateData(): FormState {
  return openForm({
    acds: 'All ACDs',
    'system-admin': false,
    'agent-call-center-admin': false,
    historical: false,
  });
}

export function migrationTypes(values: FormValues): MigrationDataType[] {
  return (Object.keys(MIGRATION_BOXES) as MigrationDataType[]).filter((type) => values[type] === true);
}

const RESTORE_BOXES = {
  local: 'Local system administration data',
  system: 'CMS system administration data',
  acdAdmin: 'ACD-specific administration data',
  historical: 'Historical data',
  nonCms: 'Non-CMS data',
  specificTables: 'Specific tables',
} as const;

export const RESTORE_DATA: FormWindow = {
  title: 'Maintenance: Restore Data',
  actions: RESTORE_ACTIONS,
  rows: () => [
    'Device name: default_____',
    '',
    'Data to restore (Select any you wish):',
    ...Object.entries(RESTORE_BOXES).map(([id, label]) => ({ choice: { kind: 'box' as const, id, label } })),
  ],
};

export function openRestoreData(): FormState {
  return openForm(Object.fromEntries(Object.keys(RESTORE_BOXES).map((id) => [id, false])));
}

export function restoreWanted(values: FormValues): {
  historical: boolean;
  nonCms: boolean;
  others: string[];
} {
  return {
    historical: values.historical === true,
    nonCms: values.nonCms === true,
    others: (['local', 'system', 'acdAdmin', 'specificTables'] as const)
      .filter((id) => values[id] === true)
      .map((id) => RESTORE_BOXES[id]),
  };
}

export const CMS_STATE_OPTIONS = ['Single User Mode', 'Multi User Mode'] as const;

export const CMS_STATE: FormWindow = {
  title: 'System Setup: CMS State',
  actions: CMS_STATE_ACTIONS,
  underTitle: (values) => `Current state: ${String(values.current)}`,
  rows: () => [
    'CMS state (Select one):',
    { choice: { kind: 'radio', id: 'state', options: CMS_STATE_OPTIONS } },
  ],
};

export function openCmsState(current: 'single-user' | 'multi-user' | 'off'): FormState {
  const shown = current === 'single-user' ? 'Single User Mode' : 'Multi User Mode';
  return openForm({ current: current === 'off' ? 'off' : shown, state: shown });
}

export const ARCHIVE_TYPES = ['Interval', 'Daily', 'Weekly', 'Monthly'] as const;

/** "Cursor down to the Archiving type list and use the spacebar to deselect …" (p. 38). */
export const ARCHIVING_STATUS: FormWindow = {
  title: 'Maintenance: Archiving Status',
  actions: ARCHIVING_STATUS_ACTIONS,
  rows: () => [
    'ACD(s): all_____',
    '',
    'Archiving type (Select any you wish):',
    ...ARCHIVE_TYPES.map((type) => ({ choice: { kind: 'box' as const, id: type, label: type } })),
  ],
};

export function openArchivingStatus(): FormState {
  return openForm(Object.fromEntries(ARCHIVE_TYPES.map((type) => [type, true])));
}
