/** Vocabulary of the HA upgrade procedure (manual 585-215-514, chapter "Upgrading CMS to the High Availability option"). */

/** The upgrade's steps, in the manual's order. */
export const STEP_IDS = [
  'P1',
  'P2',
  'P3a',
  'P3b',
  'P4a',
  'P4b',
  'D1',
  'D2',
  'D3',
  'D4',
  'D5',
  'D6',
  'D7',
  'D8',
  'D9',
  'D10',
  'D11',
] as const;
/** The way back: the guided rollback of ORIG, available once the day-before backups exist (rollbackStep.ts). */
export const ROLLBACK_STEP_ID = 'RB';
/** Every step the journal knows: the upgrade's, then the rollback. */
export const ALL_STEP_IDS = [...STEP_IDS, ROLLBACK_STEP_ID] as const;
export type StepId = (typeof ALL_STEP_IDS)[number];
export type UpgradeStepId = (typeof STEP_IDS)[number];

/** ORIG: the server in service (older CMS). NEW: the new HA server (R3V11). */
export const SERVER_ROLES = ['ORIG', 'NEW'] as const;
export type ServerRole = (typeof SERVER_ROLES)[number];

/** Where a step is carried out. */
export type StepTarget = 'ORIG' | 'NEW' | 'both' | 'switch' | 'none';

/** automated: the app runs it over SSH. guided: the technician works in the CMS menus, the app checks the result. manual: checklist confirmed by the technician. */
export type StepKind = 'automated' | 'guided' | 'manual';

export type Phase = 'day-before' | 'upgrade-day' | 'rollback';

export const TAPE_ROLES = [
  'CMSADM-ORIG',
  'FULL-ORIG',
  'ADMIN-ORIG',
  'INCR-ORIG',
  'FULL-NEW',
  'CMSADM-NEW',
  'CMSADM-ORIG-FINAL',
] as const;
export type TapeRole = (typeof TAPE_ROLES)[number];

export interface ManualReference {
  section: string;
  page: number;
}

/** The selections of the CMS "Maintenance: Back Up Data" window. */
export interface MaintenanceBackupSelections {
  window: 'Maintenance: Back Up Data';
  acds: 'all' | 'current';
  verifyTape: boolean;
  localSystemAdmin: boolean;
  cmsSystemAdmin: boolean;
  acdSpecificAdmin: boolean;
  historical: 'full' | 'incremental' | 'none';
  nonCms: boolean;
  specificTables: boolean;
}

export type MigrationDataType = 'system-admin' | 'agent-call-center-admin' | 'historical';

/** The selections of the CMS "System Setup: R3 Migrate Data" window. */
export interface MigrateDataSelections {
  window: 'System Setup: R3 Migrate Data';
  acds: 'all';
  dataTypes: readonly MigrationDataType[];
}

/** The selections of the CMS "Maintenance: Restore Data" window. */
export interface RestoreDataSelections {
  window: 'Maintenance: Restore Data';
  /** Local system, CMS system and ACD-specific administration data (all three, or none). */
  administration: boolean;
  historical: boolean;
  nonCms: boolean;
}

export type MenuSelections = MaintenanceBackupSelections | MigrateDataSelections | RestoreDataSelections;

export interface ChecklistItem {
  id: string;
  text: string;
  /** The CMS window's selections, for an item that runs a backup, a migration or a restore there. */
  selections?: MenuSelections;
  /** An irreversible act the item asks for that no selections describe (see checklistActs.ts). */
  act?:
    | { kind: 'cms-state'; mode: 'single-user' | 'multi-user' }
    | { kind: 'cue-upgrade' }
    /** The Solaris system and CMS programs restored from a CMSADM backup, at the server's console. */
    | { kind: 'system-restore' };
  /** Ticking this item starts or ends one of the clocks the plan shows. */
  clock?: ClockEdge;
  /**
   * Someone other than the technician the manual makes responsible for the item (the switch
   * administrator for the switch's administration): once it is confirmed, they sign it off by name.
   */
  responsible?: ResponsibleParty;
  /**
   * A fact that stays true once confirmed (an agreement, the switch's release, a setup done): a run of
   * the step after a failure keeps its confirmation. Tapes in drives, CMS modes, CMS work and labels of
   * tapes a re-run writes anew are asked again.
   */
  lasting?: true;
}

export type ResponsibleParty = 'switch-administrator' | 'tsc';
export const RESPONSIBLE_PARTY_TITLES: Record<ResponsibleParty, string> = {
  'switch-administrator': 'switch administrator',
  tsc: 'TSC engineer',
};

export type ClockName = 'admin-freeze' | 'outage-window' | 'rollback-window';
export interface ClockEdge {
  clock: ClockName;
  edge: 'start' | 'end';
}

/** One data migration a step performs, in the order the manual gives. Each runs at most once per server (historical: once per tape). */
export interface MigrationSpec {
  server: ServerRole;
  dataType: MigrationDataType;
  fromTape: TapeRole;
}

export type GuardId =
  | 'prerequisites-passed'
  | 'tape-role-matches'
  | 'migrate-at-most-once'
  | 'migration-order'
  | 'tape-drives-compatible'
  | 'volume-label-matches'
  | 'archive-interval-fresh'
  | 'data-collection-on'
  | 'single-user-mode';

export interface Guard {
  id: GuardId;
  text: string;
}

export type NoteKind = 'note' | 'important' | 'caution' | 'warning' | 'discrepancy';
export interface StepNote {
  kind: NoteKind;
  text: string;
  source: ManualReference;
}

export interface StepDefinition {
  id: StepId;
  phase: Phase;
  /** The step's number in the manual's overview list for its day. */
  manualStepNumber: string;
  title: string;
  manual: readonly ManualReference[];
  target: StepTarget;
  kind: StepKind;
  prerequisites: readonly StepId[];
  tapesIn: readonly TapeRole[];
  tapesOut: readonly TapeRole[];
  migrations: readonly MigrationSpec[];
  checklist: readonly ChecklistItem[];
  guards: readonly Guard[];
  notes: readonly StepNote[];
  /** Whether the technician may skip the step (with a reason). Migrations and verifications may not be skipped. */
  /** The one rule for skipping: true, or why the step cannot be skipped (the reducer refuses with it). */
  skippable: true | { refused: string };
  /** The clocks the step itself starts or ends: 'start' edges fire when it starts, 'end' edges when it passes. */
  clocks: readonly ClockEdge[];
}
