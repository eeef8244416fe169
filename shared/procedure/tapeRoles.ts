import { MANUAL } from './manualSections.ts';
import {
  ADMIN_ONLY_MAINTENANCE_BACKUP,
  FULL_MAINTENANCE_BACKUP,
  INCREMENTAL_MAINTENANCE_BACKUP,
} from './maintenanceSelections.ts';
import type { MaintenanceBackupSelections, ManualReference, ServerRole, StepId, TapeRole } from './types.ts';

export type TapeKind = 'cmsadm' | 'maintenance';

export interface TapeRoleDefinition {
  role: TapeRole;
  title: string;
  kind: TapeKind;
  producedBy: StepId;
  server: ServerRole;
  contents: string;
  /** For maintenance backups: the selections that produce it, from which the expected volume label follows. */
  backupSelections?: MaintenanceBackupSelections;
  /** Whether the customer must keep the tape after the upgrade, or may return it to the nightly rotation (p. 46). */
  afterUpgrade: 'keep' | 'reusable';
  source: ManualReference;
}

export const TAPE_ROLE_DEFINITIONS: readonly TapeRoleDefinition[] = [
  {
    role: 'CMSADM-ORIG',
    title: 'CMSADM backup of ORIG (day before)',
    kind: 'cmsadm',
    producedBy: 'P4a',
    server: 'ORIG',
    contents: 'Solaris system files and programs, CMS programs, non-CMS customer data (no CMS call data)',
    afterUpgrade: 'keep',
    source: MANUAL.cmsadmBackup,
  },
  {
    role: 'FULL-ORIG',
    title: 'Full maintenance backup of ORIG (day before)',
    kind: 'maintenance',
    producedBy: 'P4b',
    server: 'ORIG',
    contents: 'Local system admin, CMS system admin, ACD-specific admin, historical (full), non-CMS data',
    backupSelections: FULL_MAINTENANCE_BACKUP,
    afterUpgrade: 'reusable',
    source: MANUAL.fullBackup,
  },
  {
    role: 'ADMIN-ORIG',
    title: 'Admin-only maintenance backup of ORIG (upgrade day, step 1)',
    kind: 'maintenance',
    producedBy: 'D1',
    server: 'ORIG',
    contents: 'CMS system admin, ACD-specific admin, non-CMS data; no historical data',
    backupSelections: ADMIN_ONLY_MAINTENANCE_BACKUP,
    afterUpgrade: 'reusable',
    source: MANUAL.adminBackup,
  },
  {
    role: 'INCR-ORIG',
    title: 'Incremental maintenance backup of ORIG (upgrade day, step 5)',
    kind: 'maintenance',
    producedBy: 'D5',
    server: 'ORIG',
    contents:
      'Historical data (incremental); the manual screen also selects ACD-specific admin and non-CMS data',
    backupSelections: INCREMENTAL_MAINTENANCE_BACKUP,
    afterUpgrade: 'reusable',
    source: MANUAL.incrementalBackup,
  },
  {
    role: 'FULL-NEW',
    title: 'Full maintenance backup of NEW, the first archive tape of the HA system (upgrade day, step 9)',
    kind: 'maintenance',
    producedBy: 'D9',
    server: 'NEW',
    contents: 'Local system admin, CMS system admin, ACD-specific admin, historical (full), non-CMS data',
    backupSelections: FULL_MAINTENANCE_BACKUP,
    afterUpgrade: 'keep',
    source: MANUAL.fullBackupNew,
  },
  {
    role: 'CMSADM-NEW',
    title: 'CMSADM backup of NEW after the upgrade',
    kind: 'cmsadm',
    producedBy: 'D11',
    server: 'NEW',
    contents: 'Solaris system files and programs, CMS programs, non-CMS customer data (no CMS call data)',
    afterUpgrade: 'keep',
    source: MANUAL.cmsadmFinal,
  },
  {
    role: 'CMSADM-ORIG-FINAL',
    title: 'CMSADM backup of ORIG after the upgrade',
    kind: 'cmsadm',
    producedBy: 'D11',
    server: 'ORIG',
    contents: 'Solaris system files and programs, CMS programs, non-CMS customer data (no CMS call data)',
    afterUpgrade: 'keep',
    source: MANUAL.cmsadmFinal,
  },
];

export function tapeRoleDefinition(role: TapeRole): TapeRoleDefinition {
  const found = TAPE_ROLE_DEFINITIONS.find((definition) => definition.role === role);
  if (!found) throw new Error(`No definition for tape role ${role}`);
  return found;
}

/**
 * What becomes of a tape of `role` once the session ends: as the manual says after the upgrade (p. 46),
 * or, once the upgrade was rolled back, ORIG's backups of the day before are kept (the latest of the
 * system it runs again) and every other tape of the upgrade may be reused.
 */
export function tapeFate(role: TapeRole, rolledBack: boolean): 'keep' | 'reusable' {
  if (!rolledBack) return tapeRoleDefinition(role).afterUpgrade;
  return role === 'CMSADM-ORIG' || role === 'FULL-ORIG' ? 'keep' : 'reusable';
}
