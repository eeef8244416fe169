import type { MaintenanceBackupSelections, MigrateDataSelections, RestoreDataSelections } from './types.ts';

/** The manual's exact selections for each CMS menu window the procedure uses. */

/** "Performing a full maintenance backup" (p. 27): the window's defaults, everything selected, historical full. */
export const FULL_MAINTENANCE_BACKUP: MaintenanceBackupSelections = {
  window: 'Maintenance: Back Up Data',
  acds: 'all',
  verifyTape: true,
  localSystemAdmin: true,
  cmsSystemAdmin: true,
  acdSpecificAdmin: true,
  historical: 'full',
  nonCms: true,
  specificTables: false,
};

/** "Performing a maintenance backup of only the administration data" (p. 28): all ACDs; CMS system admin, ACD-specific admin, non-CMS; no historical. */
export const ADMIN_ONLY_MAINTENANCE_BACKUP: MaintenanceBackupSelections = {
  window: 'Maintenance: Back Up Data',
  acds: 'all',
  verifyTape: true,
  localSystemAdmin: false,
  cmsSystemAdmin: true,
  acdSpecificAdmin: true,
  historical: 'none',
  nonCms: true,
  specificTables: false,
};

/**
 * "Performing an incremental maintenance backup" (p. 40), as the manual's example screen shows it:
 * ACD-specific admin, historical incremental and non-CMS. The text says historical only; see the D5 discrepancy note.
 */
export const INCREMENTAL_MAINTENANCE_BACKUP: MaintenanceBackupSelections = {
  window: 'Maintenance: Back Up Data',
  acds: 'all',
  verifyTape: true,
  localSystemAdmin: false,
  cmsSystemAdmin: false,
  acdSpecificAdmin: true,
  historical: 'incremental',
  nonCms: true,
  specificTables: false,
};

export const MIGRATE_SYSTEM_ADMIN: MigrateDataSelections = {
  window: 'System Setup: R3 Migrate Data',
  acds: 'all',
  dataTypes: ['system-admin'],
};

export const MIGRATE_AGENT_CALL_CENTER_ADMIN: MigrateDataSelections = {
  window: 'System Setup: R3 Migrate Data',
  acds: 'all',
  dataTypes: ['agent-call-center-admin'],
};

/** "Migrating administration data back to the original server" (p. 44): both admin data types in one run. */
export const MIGRATE_ADMIN_BACK: MigrateDataSelections = {
  window: 'System Setup: R3 Migrate Data',
  acds: 'all',
  dataTypes: ['system-admin', 'agent-call-center-admin'],
};

export const MIGRATE_HISTORICAL: MigrateDataSelections = {
  window: 'System Setup: R3 Migrate Data',
  acds: 'all',
  dataTypes: ['historical'],
};

/** "Restoring historical data to the original server" (p. 46): historical and non-CMS data. */
export const RESTORE_HISTORICAL_AND_NON_CMS: RestoreDataSelections = {
  window: 'Maintenance: Restore Data',
  administration: false,
  historical: true,
  nonCms: true,
};

/**
 * The rollback's restore of ORIG's CMS data from its full maintenance tape of the day before: every
 * data type the tape holds but specific tables. ASSUMPTION: the manual does not describe a rollback
 * restore; restoring the whole backup is the other source documents' pattern (the old database back).
 */
export const RESTORE_EVERYTHING: RestoreDataSelections = {
  window: 'Maintenance: Restore Data',
  administration: true,
  historical: true,
  nonCms: true,
};
