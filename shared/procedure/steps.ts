import { MANUAL } from './manualSections.ts';
import {
  ADMIN_ONLY_MAINTENANCE_BACKUP,
  FULL_MAINTENANCE_BACKUP,
  INCREMENTAL_MAINTENANCE_BACKUP,
  MIGRATE_ADMIN_BACK,
  MIGRATE_AGENT_CALL_CENTER_ADMIN,
  MIGRATE_HISTORICAL,
  MIGRATE_SYSTEM_ADMIN,
  RESTORE_HISTORICAL_AND_NON_CMS,
} from './maintenanceSelections.ts';
import type { Guard, StepDefinition, StepNote } from './types.ts';

const prerequisitesPassed: Guard = {
  id: 'prerequisites-passed',
  text: 'Every prerequisite step has passed (or was skipped with a reason) before this step starts.',
};
const tapeRoleMatches: Guard = {
  id: 'tape-role-matches',
  text: 'The tape in the drive is the one this step expects (checked with br_check before anything is written or migrated).',
};
const volumeLabelMatches: Guard = {
  id: 'volume-label-matches',
  text: 'The CMS volume label read from the tape carries the data types and mode this step expects.',
};
const migrateAtMostOnce: Guard = {
  id: 'migrate-at-most-once',
  text: 'Each data migration runs at most once per server; a re-migration needs a recorded confirmation that CMS was turned off and set up again.',
};

const migrationWarning = (source: StepNote['source']): StepNote => ({
  kind: 'warning',
  text: 'Attempting to migrate CMS data more than once may cause catastrophic errors from which recovery is difficult. Before a re-migration of data can be performed, CMS must be turned off and a second setup of the CMS software must be performed.',
  source,
});

const wrongTapeCaution: StepNote = {
  kind: 'caution',
  text: 'The HA upgrade entails the use of multiple backup tapes. Be careful to label these tapes appropriately; use of the wrong tape during a migration or restore may result in failure to achieve an initial state of synchronization between the two HA servers.',
  source: MANUAL.adminBackup,
};

const labelTapesCaution: StepNote = {
  kind: 'caution',
  text: 'Label all tapes with the tape number and the date of the backup. Set the tape write-protect switch to read-only.',
  source: MANUAL.cmsadmBackup,
};

const fullBackupChecklist: StepDefinition['checklist'] = [
  {
    id: 'full-backup-run',
    text: 'Maintenance > Back Up Data with the default options (everything, historical full, all ACDs, verify), then Run.',
    selections: FULL_MAINTENANCE_BACKUP,
  },
  { id: 'full-backup-br-check', text: 'br_check lists the tape: all data types, historical full.' },
  {
    id: 'full-backup-labelled',
    text: 'The tape carries the CMS volume label, the date and the CMS version.',
  },
];

const printMigrationLog = {
  id: 'print-r3mig-log',
  text: 'Print the customer migration log: lp /cms/migrate/r3mig.log (printer administration must be done on this server first). The services migration log is /cms/maint/r3mig/mig.log.',
};

/** The HA upgrade procedure in the manual's order: the day before (P1–P4b), then the upgrade day (D1–D11). */
export const PROCEDURE_STEPS: readonly StepDefinition[] = [
  {
    id: 'P1',
    phase: 'day-before',
    manualStepNumber: '1',
    title: 'Upgrade the switches to R8.1 or later, administered for the CMS version now on ORIG',
    manual: [MANUAL.dayBefore],
    target: 'switch',
    kind: 'manual',
    prerequisites: [],
    tapesIn: [],
    tapesOut: [],
    migrations: [],
    checklist: [
      { id: 'switch-release', lasting: true, text: 'Every switch runs Release 8.1 or later.' },
      {
        id: 'switch-admin-current-cms',
        responsible: 'switch-administrator',
        lasting: true,
        text: 'Every switch is administered for the CMS version currently installed on ORIG (e.g. R3V9 on ORIG: administer the switch for R3V9).',
      },
    ],
    guards: [],
    notes: [
      {
        kind: 'note',
        text: 'The switch can be administered for the correct CMS version and the dual ACD links before the new HA server arrives; the unused switch link stays busied out until the new server is installed.',
        source: MANUAL.dayBefore,
      },
    ],
    skippable: true,
    clocks: [],
  },
  {
    id: 'P2',
    phase: 'day-before',
    manualStepNumber: '2',
    title: "Verify that ORIG's tape drive is compatible with NEW's",
    manual: [MANUAL.dayBefore, MANUAL.tapeDrive, MANUAL.platformConsiderations, MANUAL.mammoth, MANUAL.dds4],
    target: 'both',
    kind: 'automated',
    prerequisites: [],
    tapesIn: [],
    tapesOut: [],
    migrations: [],
    checklist: [
      {
        id: 'tape-loaded-orig',
        text: 'A tape of the drive type is loaded on ORIG (8mm 170m AME cartridge for Mammoth, 150mm 20GB DAT cartridge for DDS-4).',
      },
      { id: 'tape-loaded-new', text: 'A tape of the drive type is loaded on NEW.' },
      {
        id: 'mt-status-both',
        text: 'mt -f /dev/rmt/0 status read on both servers and the drive models compared.',
      },
    ],
    guards: [
      {
        id: 'tape-drives-compatible',
        text: "The plan is blocked while one of the manual's four drive-replacement cases applies; the replacement must be completed before the upgrade starts.",
      },
    ],
    notes: [
      {
        kind: 'note',
        text: 'If replacement of the tape drive on the original server is required, Provisioning will dispatch a Sun technician. If the call center operates 24/7, this will incur some loss of CMS data.',
        source: MANUAL.dayBefore,
      },
      {
        kind: 'warning',
        text: 'After the original tape drive on an Enterprise 3000 has been replaced, you must discard any tapes which were in use with the old drive. Re-use of old tapes on the replacement drive will damage the tape device.',
        source: MANUAL.tapeDrive,
      },
    ],
    skippable: { refused: 'tapes are exchanged between the two servers, so both drives must be compatible' },
    clocks: [],
  },
  {
    id: 'P3a',
    phase: 'day-before',
    manualStepNumber: '3a',
    title: 'Decide which server is primary and which is secondary',
    manual: [MANUAL.dayBefore, MANUAL.supportedPlatforms, MANUAL.platformRecommendations],
    target: 'none',
    kind: 'manual',
    prerequisites: [],
    tapesIn: [],
    tapesOut: [],
    migrations: [],
    checklist: [
      {
        id: 'platform-pair-supported',
        text: "The two platforms are one of the manual's supported combinations.",
      },
      {
        id: 'primary-agreed',
        lasting: true,
        text: 'Avaya services and the customer agreed on the primary server (the more powerful platform is recommended).',
      },
    ],
    guards: [],
    notes: [
      {
        kind: 'important',
        text: 'Some platforms may require additional hardware or software upgrades in order to be used in a HA configuration.',
        source: MANUAL.supportedPlatforms,
      },
    ],
    skippable: { refused: 'every later step depends on which server is primary' },
    clocks: [],
  },
  {
    id: 'P3b',
    phase: 'day-before',
    manualStepNumber: '3b',
    title: 'Set the cut-off time on the upgrade day after which CMS users make no administration changes',
    manual: [MANUAL.dayBefore],
    target: 'none',
    kind: 'manual',
    prerequisites: [],
    tapesIn: [],
    tapesOut: [],
    migrations: [],
    checklist: [
      {
        id: 'cut-off-agreed',
        lasting: true,
        text: 'The cut-off time is agreed with the customer and recorded.',
      },
      {
        id: 'users-told',
        lasting: true,
        text: 'CMS users know they cannot change the system administration after the cut-off.',
      },
    ],
    guards: [],
    notes: [],
    skippable: { refused: 'the admin freeze starts at the cut-off time agreed with the customer' },
    clocks: [],
  },
  {
    id: 'P4a',
    phase: 'day-before',
    manualStepNumber: '4',
    title: 'CMSADM backup of ORIG',
    manual: [MANUAL.dayBefore, MANUAL.cmsadmBackup],
    target: 'ORIG',
    kind: 'automated',
    prerequisites: ['P2'],
    tapesIn: [],
    tapesOut: ['CMSADM-ORIG'],
    migrations: [],
    checklist: [
      {
        id: 'cmsadm-backup-run',
        text: 'As root: cmsadm, backup option; every tape of the set inserted when asked.',
      },
      { id: 'cmsadm-verified', text: 'The verification pass read every tape of the set.' },
      {
        id: 'cmsadm-labelled',
        text: 'Every tape labelled with its number, the date and the current CMS version; write-protect switch set to read-only.',
      },
    ],
    guards: [prerequisitesPassed],
    notes: [
      {
        kind: 'important',
        text: 'A CMSADM backup must be performed within 24 hours of the start of the HA upgrade process.',
        source: MANUAL.cmsadmBackup,
      },
      labelTapesCaution,
    ],
    skippable: true,
    clocks: [],
  },
  {
    id: 'P4b',
    phase: 'day-before',
    manualStepNumber: '4',
    title: 'Full maintenance backup of ORIG',
    manual: [MANUAL.dayBefore, MANUAL.fullBackup],
    target: 'ORIG',
    kind: 'guided',
    prerequisites: ['P2'],
    tapesIn: [],
    tapesOut: ['FULL-ORIG'],
    migrations: [],
    checklist: fullBackupChecklist,
    guards: [prerequisitesPassed, volumeLabelMatches],
    notes: [
      {
        kind: 'important',
        text: 'The full maintenance backup must be performed within 24 hours of starting the HA upgrade process.',
        source: MANUAL.fullBackup,
      },
    ],
    skippable: true,
    clocks: [],
  },
  {
    id: 'D1',
    phase: 'upgrade-day',
    manualStepNumber: '1',
    title: 'Maintenance backup of ORIG with administration data only; the admin freeze starts',
    manual: [MANUAL.dayOf, MANUAL.adminBackup],
    target: 'ORIG',
    kind: 'guided',
    prerequisites: ['P1', 'P2', 'P3a', 'P3b', 'P4a', 'P4b'],
    tapesIn: [],
    tapesOut: ['ADMIN-ORIG'],
    migrations: [],
    checklist: [
      {
        id: 'admin-backup-run',
        text: 'Maintenance > Back Up Data: all ACDs; CMS system administration data, ACD-specific administration data, non-CMS data; exclude historical data. Run.',
        selections: ADMIN_ONLY_MAINTENANCE_BACKUP,
      },
      {
        id: 'admin-backup-br-check',
        text: 'cms/bin/br_check, device type q, the drive path (e.g. /dev/rmt/0c), l: the tape lists the ACDs and no historical tables.',
      },
      {
        id: 'admin-backup-labelled',
        text: 'The tape carries the CMS volume label, the date and the CMS version.',
      },
    ],
    guards: [prerequisitesPassed, volumeLabelMatches],
    notes: [
      {
        kind: 'important',
        text: 'Once this backup is started, CMS users must not make any administrative changes to the system until the HA upgrade is finished.',
        source: MANUAL.adminBackup,
      },
      wrongTapeCaution,
    ],
    skippable: true,
    clocks: [{ clock: 'admin-freeze', edge: 'start' }],
  },
  {
    id: 'D2',
    phase: 'upgrade-day',
    manualStepNumber: '2',
    title: 'Install and set up NEW, then migrate the administration data to it from the admin-only tape',
    manual: [MANUAL.dayOf, MANUAL.cmsSetup, MANUAL.migrateSystemAdmin],
    target: 'NEW',
    kind: 'guided',
    prerequisites: ['D1'],
    tapesIn: ['ADMIN-ORIG'],
    tapesOut: [],
    migrations: [
      { server: 'NEW', dataType: 'system-admin', fromTape: 'ADMIN-ORIG' },
      { server: 'NEW', dataType: 'agent-call-center-admin', fromTape: 'ADMIN-ORIG' },
    ],
    checklist: [
      {
        id: 'cms-setup-done',
        responsible: 'tsc',
        lasting: true,
        text: 'Setting up CMS on an HA server: all nine items done on NEW (see the sub-procedure).',
      },
      {
        id: 'storage-def-identical',
        lasting: true,
        text: "NEW's data storage parameters (storage.def) are identical to ORIG's.",
      },
      {
        id: 'single-user-mode',
        text: 'System Setup > CMS State: Single User Mode.',
        act: { kind: 'cms-state', mode: 'single-user' },
      },
      {
        id: 'admin-tape-inserted',
        text: 'The admin-only tape from step 1 is in the drive of NEW (not the full tape).',
      },
      {
        id: 'migrate-system-admin',
        text: 'System Setup > R3 Migrate Data: System Administration data, All ACDs. Run; the Status field reports success.',
        selections: MIGRATE_SYSTEM_ADMIN,
      },
      {
        id: 'migrate-agent-admin',
        text: 'System Setup > R3 Migrate Data again: Agent/Call Center Admin data, All ACDs. Run; the Status field reports success.',
        selections: MIGRATE_AGENT_CALL_CENTER_ADMIN,
      },
      printMigrationLog,
    ],
    guards: [
      prerequisitesPassed,
      tapeRoleMatches,
      volumeLabelMatches,
      migrateAtMostOnce,
      {
        id: 'migration-order',
        text: 'System administration data is migrated before agent/call center admin data.',
      },
      { id: 'single-user-mode', text: 'CMS is in single user mode before the migration.' },
    ],
    notes: [
      {
        kind: 'caution',
        text: 'The backup used for this migration includes only CMS system administration data, ACD-specific administration data and non-CMS data. Do not use the full maintenance backup tape for this migration.',
        source: MANUAL.migrateSystemAdmin,
      },
      migrationWarning(MANUAL.migrateSystemAdmin),
      {
        kind: 'discrepancy',
        text: "The manual's overview (upgrade day, step 2) says the CMSADM backup tape is used to migrate the administration data; its detailed procedure uses the admin-only maintenance backup from step 1 and forbids the full tape. The app follows the detailed procedure: use the step 1 tape.",
        source: MANUAL.dayOf,
      },
    ],
    skippable: { refused: 'it migrates the admin data to NEW' },
    clocks: [],
  },
  {
    id: 'D3',
    phase: 'upgrade-day',
    manualStepNumber: '3',
    title:
      'Check the archive interval on ORIG, busy out the ACD links, re-administer the switch for R3V11 and dual links, release',
    manual: [MANUAL.dayOf, MANUAL.archiveInterval, MANUAL.administerSwitch],
    target: 'switch',
    kind: 'guided',
    prerequisites: ['D2'],
    tapesIn: [],
    tapesOut: [],
    migrations: [],
    checklist: [
      {
        id: 'archive-interval-checked',
        text: 'Maintenance > Archiving Status (Daily, Weekly, Monthly deselected), List all: the last interval archive finished not more than a few minutes ago.',
      },
      {
        id: 'links-busied-out',
        text: 'All ACD links busied out at their switches.',
        clock: { clock: 'outage-window', edge: 'start' },
      },
      {
        id: 'switch-readministered',
        responsible: 'switch-administrator',
        lasting: true,
        text: 'Switches re-administered for CMS R3V11 and the HA dual C-LAN/Ethernet links.',
      },
      { id: 'links-released', text: 'Busy-out released; the links to NEW come up.' },
    ],
    guards: [
      prerequisitesPassed,
      {
        id: 'archive-interval-fresh',
        text: 'Busy out only when the latest interval archive finished a few minutes ago; otherwise wait for the next one.',
      },
    ],
    notes: [
      {
        kind: 'important',
        text: 'Wait for the current archive interval to complete before busying out the link. This avoids unnecessary loss of call data.',
        source: MANUAL.archiveInterval,
      },
      {
        kind: 'important',
        text: 'Once the links are busied out both CMS systems are offline and call data is not collected: re-administer the switch and start data collection on NEW as quickly as possible.',
        source: MANUAL.administerSwitch,
      },
    ],
    skippable: {
      refused: 'the ACD links must be busied out right after an interval archive, or call data is lost',
    },
    clocks: [],
  },
  {
    id: 'D4',
    phase: 'upgrade-day',
    manualStepNumber: '4',
    title: 'Verify that data collection on NEW is active for all ACDs; the outage window ends',
    manual: [MANUAL.dayOf, MANUAL.administerSwitch],
    target: 'NEW',
    kind: 'automated',
    prerequisites: ['D3'],
    tapesIn: [],
    tapesOut: [],
    migrations: [],
    checklist: [{ id: 'data-collection-new', text: 'Data collection is on for every ACD on NEW.' }],
    guards: [
      prerequisitesPassed,
      { id: 'data-collection-on', text: 'Every ACD link of NEW reports data collection on.' },
    ],
    notes: [
      {
        kind: 'note',
        text: 'Be sure to verify that data collection is active on all ACD links before you begin the next procedure.',
        source: MANUAL.administerSwitch,
      },
    ],
    skippable: { refused: 'data collection on NEW must be verified before the outage window ends' },
    clocks: [{ clock: 'outage-window', edge: 'end' }],
  },
  {
    id: 'D5',
    phase: 'upgrade-day',
    manualStepNumber: '5',
    title: 'Incremental maintenance backup of ORIG, then turn it off for the CUE upgrade',
    manual: [MANUAL.dayOf, MANUAL.incrementalBackup],
    target: 'ORIG',
    kind: 'guided',
    prerequisites: ['D4'],
    tapesIn: [],
    tapesOut: ['INCR-ORIG'],
    migrations: [],
    checklist: [
      {
        id: 'incremental-backup-run',
        text: "Maintenance > Back Up Data as on the manual's screen: all ACDs; ACD-specific administration data, historical data incremental, non-CMS data. Run.",
        selections: INCREMENTAL_MAINTENANCE_BACKUP,
      },
      { id: 'incremental-br-check', text: 'br_check lists the tape: historical tables, incremental.' },
      {
        id: 'incremental-labelled',
        text: 'The tape carries the CMS volume label, the date and the CMS version.',
      },
      {
        id: 'orig-turned-off',
        text: 'ORIG turned off; the CUE pre-upgrade procedures of the kit booklet done.',
      },
    ],
    guards: [prerequisitesPassed, volumeLabelMatches],
    notes: [
      {
        kind: 'discrepancy',
        text: 'The text says to select only Historical data > incremental ("historical data only"); the example screen of the same page also selects ACD-specific administration data and non-CMS data. The app prescribes the screen (a superset that still carries the incremental historical data step 7 migrates) and accepts either label.',
        source: MANUAL.incrementalBackup,
      },
      {
        kind: 'note',
        text: 'Begin the server upgrade immediately after the backup is complete.',
        source: MANUAL.incrementalBackup,
      },
    ],
    skippable: true,
    clocks: [],
  },
  {
    id: 'D6',
    phase: 'upgrade-day',
    manualStepNumber: '6',
    title: 'CUE upgrade of ORIG, CMS setup as on NEW, restart data collection and verify all ACDs',
    manual: [MANUAL.dayOf, MANUAL.upgradeOriginal, MANUAL.cmsSetup],
    target: 'ORIG',
    kind: 'manual',
    prerequisites: ['D5'],
    tapesIn: [],
    tapesOut: [],
    migrations: [],
    checklist: [
      {
        id: 'cue-upgrade-done',
        text: 'CUE upgrade done following the platform booklet of the CUE kit.',
        act: { kind: 'cue-upgrade' },
      },
      {
        id: 'cms-setup-orig',
        responsible: 'tsc',
        lasting: true,
        text: 'Setting up CMS on an HA server: all nine items done on ORIG.',
      },
      { id: 'same-version-as-new', text: 'ORIG now has the same CMS version and base load as NEW.' },
      { id: 'data-collection-orig', text: 'Data collection restarted on ORIG and on for every ACD.' },
    ],
    guards: [
      prerequisitesPassed,
      { id: 'data-collection-on', text: 'Every ACD link of ORIG reports data collection on.' },
    ],
    notes: [
      {
        kind: 'note',
        text: 'By the time the upgrade of the original server is complete and data collection is turned on, the new HA server should be fully operational.',
        source: MANUAL.upgradeOriginal,
      },
      {
        kind: 'note',
        text: 'If the CUE upgrade fails, ORIG can be restored from its CMSADM tape and its full maintenance tape of the day before (rollback path).',
        source: MANUAL.cmsadmBackup,
      },
    ],
    skippable: { refused: 'ORIG must run the same CMS version as NEW before data is migrated back' },
    clocks: [],
  },
  {
    id: 'D7',
    phase: 'upgrade-day',
    manualStepNumber: '7',
    title: 'Migrate historical data to NEW: first the incremental tape, then the full tape of the day before',
    manual: [MANUAL.dayOf, MANUAL.migrateHistorical],
    target: 'NEW',
    kind: 'guided',
    prerequisites: ['D4', 'D5', 'P4b'],
    tapesIn: ['INCR-ORIG', 'FULL-ORIG'],
    tapesOut: [],
    migrations: [
      { server: 'NEW', dataType: 'historical', fromTape: 'INCR-ORIG' },
      { server: 'NEW', dataType: 'historical', fromTape: 'FULL-ORIG' },
    ],
    checklist: [
      { id: 'incremental-tape-inserted', text: 'The incremental tape of step 5 is in the drive of NEW.' },
      {
        id: 'migrate-historical-incremental',
        text: 'System Setup > R3 Migrate Data: Historical data, All ACDs. Run; the Status field reports success.',
        selections: MIGRATE_HISTORICAL,
      },
      {
        id: 'full-tape-inserted',
        text: 'Incremental tape removed; the full maintenance tape of the day before inserted.',
      },
      {
        id: 'migrate-historical-full',
        text: 'System Setup > R3 Migrate Data again: Historical data, All ACDs. Run; the Status field reports success.',
        selections: MIGRATE_HISTORICAL,
      },
      printMigrationLog,
    ],
    guards: [
      prerequisitesPassed,
      tapeRoleMatches,
      volumeLabelMatches,
      migrateAtMostOnce,
      { id: 'migration-order', text: 'The incremental tape is migrated before the full tape.' },
    ],
    notes: [migrationWarning(MANUAL.migrateHistorical), wrongTapeCaution],
    skippable: { refused: 'it migrates the historical data to NEW' },
    clocks: [],
  },
  {
    id: 'D8',
    phase: 'upgrade-day',
    manualStepNumber: '8',
    title: 'Migrate the administration data back to ORIG from the admin-only tape',
    manual: [MANUAL.dayOf, MANUAL.migrateAdminBack],
    target: 'ORIG',
    kind: 'guided',
    prerequisites: ['D6', 'D1'],
    tapesIn: ['ADMIN-ORIG'],
    tapesOut: [],
    migrations: [
      { server: 'ORIG', dataType: 'system-admin', fromTape: 'ADMIN-ORIG' },
      { server: 'ORIG', dataType: 'agent-call-center-admin', fromTape: 'ADMIN-ORIG' },
    ],
    checklist: [
      { id: 'admin-tape-inserted', text: 'The admin-only tape from step 1 is back in the drive of ORIG.' },
      {
        id: 'single-user-mode',
        text: 'System Setup > CMS State: Single User Mode.',
        act: { kind: 'cms-state', mode: 'single-user' },
      },
      {
        id: 'migrate-admin-back',
        text: 'System Setup > R3 Migrate Data: CMS administration data and Agent/Call center admin data, All ACDs. Run; the Status field reports success.',
        selections: MIGRATE_ADMIN_BACK,
      },
      {
        id: 'multi-user-mode',
        text: 'System Setup > CMS State: Multi User Mode.',
        act: { kind: 'cms-state', mode: 'multi-user' },
      },
      { id: 'data-collection-orig', text: 'Data collection is on for all ACD links of ORIG.' },
      printMigrationLog,
    ],
    guards: [
      prerequisitesPassed,
      tapeRoleMatches,
      volumeLabelMatches,
      migrateAtMostOnce,
      { id: 'single-user-mode', text: 'CMS is in single user mode before the migration.' },
    ],
    notes: [migrationWarning(MANUAL.migrateAdminBack)],
    skippable: { refused: 'it migrates the admin data back to ORIG' },
    clocks: [],
  },
  {
    id: 'D9',
    phase: 'upgrade-day',
    manualStepNumber: '9',
    title: 'Full maintenance backup on NEW: the first archive tape of the HA system',
    manual: [MANUAL.dayOf, MANUAL.fullBackupNew, MANUAL.fullBackup],
    target: 'NEW',
    kind: 'guided',
    prerequisites: ['D7'],
    tapesIn: [],
    tapesOut: ['FULL-NEW'],
    migrations: [],
    checklist: fullBackupChecklist,
    guards: [prerequisitesPassed, volumeLabelMatches],
    notes: [
      {
        kind: 'note',
        text: 'Assuming that the new HA server is used as the HA primary server, this backup is the first tape to be archived for the new HA system. The other backup tapes used during the upgrade may now be reused for nightly maintenance backups.',
        source: MANUAL.fullBackupNew,
      },
    ],
    skippable: { refused: "its tape is the HA system's first archive and the source of D10's restore" },
    clocks: [],
  },
  {
    id: 'D10',
    phase: 'upgrade-day',
    manualStepNumber: '10',
    title: "Restore historical and non-CMS data on ORIG from NEW's full backup; the admin freeze ends",
    manual: [MANUAL.dayOf, MANUAL.restoreHistorical],
    target: 'ORIG',
    kind: 'guided',
    prerequisites: ['D9', 'D8'],
    tapesIn: ['FULL-NEW'],
    tapesOut: [],
    migrations: [],
    checklist: [
      {
        id: 'full-new-inserted',
        text: 'The full maintenance tape made on NEW in step 9 is in the drive of ORIG.',
      },
      {
        id: 'restore-run',
        text: 'Maintenance > Restore Data: Historical data and Non-CMS data. Run.',
        selections: RESTORE_HISTORICAL_AND_NON_CMS,
      },
      {
        id: 'restore-errors-checked',
        text: 'Maintenance > Error Log read; only the expected non-CMS message (no custom tables) is present.',
      },
      {
        id: 'users-may-resume',
        text: 'CMS users told they may resume administrative changes, on the primary server.',
      },
    ],
    guards: [prerequisitesPassed, tapeRoleMatches, volumeLabelMatches],
    notes: [
      {
        kind: 'note',
        text: 'Without custom report tables set up by PSO the window shows "Errors: Initialization errors. See Error Log." and the Error Log reads "Restore process startup failed. Cannot restore non-CMS data because there are not tables in the database for that group." These messages can be ignored; the app records them.',
        source: MANUAL.restoreHistorical,
      },
      wrongTapeCaution,
    ],
    skippable: true,
    clocks: [{ clock: 'admin-freeze', edge: 'end' }],
  },
  {
    id: 'D11',
    phase: 'upgrade-day',
    manualStepNumber: '11',
    title: 'CMSADM backups on both servers',
    manual: [MANUAL.dayOf, MANUAL.cmsadmFinal, MANUAL.cmsadmBackup],
    target: 'both',
    kind: 'automated',
    prerequisites: ['D10'],
    tapesIn: [],
    tapesOut: ['CMSADM-NEW', 'CMSADM-ORIG-FINAL'],
    migrations: [],
    checklist: [
      { id: 'cmsadm-new', text: 'CMSADM backup of NEW done and verified.' },
      { id: 'cmsadm-orig', text: 'CMSADM backup of ORIG done and verified.' },
      {
        id: 'cmsadm-labelled',
        text: 'Every tape labelled with its number, the date and the current CMS version; write-protect switch set to read-only; stored in a safe place.',
      },
    ],
    guards: [prerequisitesPassed],
    notes: [
      {
        kind: 'important',
        text: 'When both servers are fully operative, CMSADM backups must be performed as soon as possible on each server, and stored in a safe place for a restore after a major system failure.',
        source: MANUAL.cmsadmFinal,
      },
      labelTapesCaution,
    ],
    skippable: true,
    clocks: [],
  },
];
