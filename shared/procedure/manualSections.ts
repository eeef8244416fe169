import type { ManualReference } from './types.ts';

/** Sections of manual 585-215-514 (issue 1.2) that the procedure data cites, with their page numbers. */
export const MANUAL = {
  supportedPlatforms: { section: 'Supported CMS platform combinations', page: 6 },
  platformRecommendations: {
    section: 'Recommendations for HA configurations with different Sun platforms',
    page: 7,
  },
  requiredSoftware: { section: 'Required and optional software', page: 7 },
  specialConsiderations: { section: 'Special upgrade considerations', page: 8 },
  customerResponsibilities: { section: 'Customer-specific roles and responsibilities', page: 10 },
  prerequisites: { section: 'About the HA upgrade process: Prerequisites', page: 19 },
  dayBefore: { section: 'Steps to perform 24 hours before the upgrade', page: 19 },
  dayOf: { section: 'Steps to perform the day of the upgrade', page: 20 },
  tapeDrive: { section: 'Verifying the tape drive on the server currently in service', page: 23 },
  platformConsiderations: { section: 'Platform considerations', page: 23 },
  mammoth: { section: 'Verifying the Mammoth tape drive', page: 23 },
  dds4: { section: 'Verifying the DDS-4 tape drive', page: 24 },
  cmsadmBackup: { section: 'Performing a CMSADM backup', page: 25 },
  fullBackup: { section: 'Performing a full maintenance backup', page: 27 },
  adminBackup: { section: 'Performing a maintenance backup of only the administration data', page: 28 },
  cmsSetup: { section: 'Setting up CMS on an HA server', page: 31 },
  migrateSystemAdmin: { section: 'Migrating CMS system administration data to the new server', page: 36 },
  archiveInterval: { section: 'Checking the archive interval', page: 38 },
  administerSwitch: { section: 'Administering the switch', page: 39 },
  incrementalBackup: { section: 'Performing an incremental maintenance backup', page: 40 },
  upgradeOriginal: { section: 'Upgrade the original CMS server', page: 41 },
  migrateHistorical: { section: 'Migrating CMS historical data to the new HA server', page: 42 },
  migrateAdminBack: { section: 'Migrating administration data back to the original server', page: 44 },
  fullBackupNew: { section: 'Performing the full maintenance backup on the new HA server', page: 46 },
  restoreHistorical: { section: 'Restoring historical data to the original server', page: 46 },
  cmsadmFinal: { section: 'CMSADM backups on the HA servers', page: 48 },
} as const satisfies Record<string, ManualReference>;
