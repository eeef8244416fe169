import type { PlatformId } from '../procedure/platforms.ts';
import type { TapeCorrection } from './sessionEvents.ts';
import type {
  ClockName,
  MigrationDataType,
  ResponsibleParty,
  ServerRole,
  StepId,
  TapeRole,
} from '../procedure/types.ts';
import { ALL_STEP_IDS } from '../procedure/types.ts';
import type { Reading, StepQuestionDetail, Verdict } from './sessionEvents.ts';
import type { TapePlace, TapeWitness } from './tapePlace.ts';

export const STEP_STATUSES = [
  'pending',
  'ready',
  'running',
  'awaiting-technician',
  'passed',
  'failed',
  'interrupted',
  'skipped',
] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export interface SessionInfo {
  site: string;
  technician: string;
  customerContact: string;
  training: boolean;
  createdAt: string;
}

export interface ServerState {
  role: ServerRole;
  host: string;
  port: number;
  user: string;
  platform: PlatformId | null;
  cmsVersion: string | null;
  tapeDevice: string | null;
  legacyAlgorithms: boolean;
  /** `su`: root logins are refused; the app logs in as `user` and becomes root with `su -`. */
  rootAccess: 'login' | 'su';
  /** Log files the manual does not name; null: the default (`serverLogs.ts`). */
  restoreLog: string | null;
  errorLog: string | null;
  storageDef: string | null;
  haRole: 'primary' | 'secondary' | null;
}

/** A host key the technician confirmed; a different key on that host:port is refused. */
export interface PinnedHostKey {
  server: ServerRole;
  host: string;
  port: number;
  algorithm: string;
  fingerprint: string;
  pinnedAt: string;
}

export type Evidence =
  | { kind: 'transcript'; server: ServerRole | null; path: string; at: string }
  | { kind: 'parsed'; server: ServerRole | null; parser: string; result: unknown; at: string }
  /** Output no parser recognised, judged by the technician: a deviation in the report. */
  | { kind: 'verdict'; server: ServerRole | null; reading: Reading; verdict: Verdict; at: string }
  /** A CMS window's selections when Run was activated on it (the watch on the terminal). */
  | {
      kind: 'window-at-run';
      server: ServerRole | null;
      window: string;
      requirement: string;
      differences: string[] | null;
      unreadable: string | null;
      wentAheadDespite: boolean;
      at: string;
    };

/** A question a step asked and the technician has not answered yet. */
export interface OpenQuestion extends StepQuestionDetail {
  text: string;
  askedAt: string;
}

export interface StepRun {
  id: StepId;
  status: StepStatus;
  /** How many times the step was started. */
  attempts: number;
  startedAt: string | null;
  endedAt: string | null;
  /** Why the step failed, was interrupted or skipped. */
  reason: string | null;
  /** The questions the step waits on (awaiting the technician while there is one), oldest first. */
  openQuestions: readonly OpenQuestion[];
  checkedItems: readonly string[];
  tapesLoaded: readonly { tapeId: string; server: ServerRole; at: string }[];
  evidence: readonly Evidence[];
  signOff: { initials: string; at: string } | null;
  /** Items signed off by the person the manual makes responsible for them, by name. */
  itemSignOffs: readonly ItemSignOff[];
}

export interface ItemSignOff {
  itemId: string;
  party: ResponsibleParty;
  name: string;
  at: string;
}

export interface Tape {
  id: string;
  role: TapeRole;
  producedBy: StepId;
  server: ServerRole;
  labelText: string;
  sequence: { number: number; of: number };
  backupDate: string;
  cmsVersion: string;
  writeProtected: boolean;
  writeProtectSaidBy: TapeWitness;
  verified: boolean;
  /** Ticked in the labelling checklist once the label is written on the cartridge. */
  labelled: boolean;
  /** Where the cartridge is now, and who said so last. */
  place: TapePlace;
  placeSaidBy: TapeWitness;
  registeredAt: string;
  /** What the tape holds now: its backup, or not any more (the technician's corrections say why). */
  condition: 'intact' | 'overwritten' | 'lost' | 'discarded';
  corrections: {
    correction: TapeCorrection;
    detail: string | null;
    reason: string;
    by: string;
    at: string;
  }[];
}

export interface TapeWhereabouts {
  place: TapePlace;
  by: TapeWitness;
  at: string;
}

export interface MigrationRecord {
  stepId: StepId;
  server: ServerRole;
  dataType: MigrationDataType;
  tapeId: string;
  tapeRole: TapeRole;
  at: string;
  /** The CMS setup the migration went into: 0 for the first setup, +1 for every recorded re-setup of that server. */
  setupGeneration: number;
  /**
   * The migration is recorded when the technician runs it, before any log is read: `unconfirmed` until
   * the log (succeeded, failed) or the technician (judged-right, judged-wrong) says how it ended.
   */
  outcome: MigrationOutcome;
  /** The log line or the technician's reason behind the outcome. */
  outcomeDetail: string | null;
}

export type MigrationOutcome = 'unconfirmed' | 'succeeded' | 'failed' | 'judged-right' | 'judged-wrong';

export interface ResetupRecord {
  server: ServerRole;
  confirmedBy: string;
  note: string;
  at: string;
}

export interface Clock {
  startedAt: string | null;
  endedAt: string | null;
}

export interface SessionState {
  session: SessionInfo | null;
  servers: Readonly<Partial<Record<ServerRole, ServerState>>>;
  hostKeys: readonly PinnedHostKey[];
  cutOff: string | null;
  /** How long the outage window (busy-out to data collection on NEW) was planned to last, as agreed at P3b. */
  outagePlannedMinutes: number | null;
  /** The site's time zone as given with the cut-off (IANA name), for times shown on the site's clock. */
  siteTimeZone: string | null;
  /** The customer representative's sign-off of the finished upgrade (the latest, if given again). */
  customerSignOff: { name: string; role: string; at: string } | null;
  steps: Readonly<Record<StepId, StepRun>>;
  tapes: Readonly<Record<string, Tape>>;
  /** Where every tape the journal has seen move is, registered or not (a blank one too). */
  tapePlaces: Readonly<Record<string, TapeWhereabouts>>;
  /** The latest seal of each transcript: its length and SHA-256 when it last closed. */
  transcriptSeals: Readonly<Record<string, { bytes: number; sha256: string; at: string }>>;
  migrations: readonly MigrationRecord[];
  resetups: readonly ResetupRecord[];
  notes: readonly { stepId: StepId | null; text: string; at: string }[];
  clocks: Readonly<Record<ClockName, Clock>>;
  eventCount: number;
}

function emptyStepRun(id: StepId): StepRun {
  return {
    id,
    status: 'pending',
    attempts: 0,
    startedAt: null,
    endedAt: null,
    reason: null,
    openQuestions: [],
    checkedItems: [],
    tapesLoaded: [],
    evidence: [],
    signOff: null,
    itemSignOffs: [],
  };
}

export function initialSessionState(): SessionState {
  const steps = Object.fromEntries(ALL_STEP_IDS.map((id) => [id, emptyStepRun(id)])) as Record<
    StepId,
    StepRun
  >;
  return {
    session: null,
    servers: {},
    hostKeys: [],
    cutOff: null,
    outagePlannedMinutes: null,
    siteTimeZone: null,
    customerSignOff: null,
    steps,
    tapes: {},
    tapePlaces: {},
    transcriptSeals: {},
    migrations: [],
    resetups: [],
    notes: [],
    clocks: {
      'admin-freeze': { startedAt: null, endedAt: null },
      'outage-window': { startedAt: null, endedAt: null },
      'rollback-window': { startedAt: null, endedAt: null },
    },
    eventCount: 0,
  };
}

/** The step running now, as the journal says (running, or waiting on the technician). */
export function runningStepOf(state: SessionState): StepId | null {
  return (
    ALL_STEP_IDS.find((id) => ['running', 'awaiting-technician'].includes(state.steps[id].status)) ?? null
  );
}
