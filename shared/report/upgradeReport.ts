import { windowAtRunDeviates, windowAtRunText } from './windowAtRun.ts';
import { PLATFORM_NAMES } from '../procedure/platforms.ts';
import { PROCEDURE_STEPS } from '../procedure/steps.ts';
import { MAINTENANCE_SCHEDULE } from '../procedure/siteConsiderations.ts';
import { tapeFate, tapeRoleDefinition } from '../procedure/tapeRoles.ts';
import { rollbackBegun } from '../session/rollbackState.ts';
import { describePlace, describeWitness } from '../session/tapePlace.ts';
import { stepDefinition } from '../procedure/procedureGraph.ts';
import { rollbackPlan } from '../procedure/rollbackPlan.ts';
import { WAY_BACK } from '../procedure/wayBack.ts';
import type { Phase, ServerRole, StepId, StepKind, StepTarget } from '../procedure/types.ts';
import { RESPONSIBLE_PARTY_TITLES } from '../procedure/types.ts';
import { SERVER_ROLES } from '../procedure/types.ts';
import { reduceSession } from '../session/reduceSession.ts';
import type { SessionEvent, SessionEventOf } from '../session/sessionEvents.ts';
import type { Clock, MigrationOutcome, SessionState, StepStatus, Tape } from '../session/sessionState.ts';
import { stepTimeline, type StepAttempt } from '../session/stepTimeline.ts';
import { evidenceSentence, verdictSentence } from './evidenceSentence.ts';

export const REPORT_FORMAT = 'cms-ha-upgrade-report';
/** 2: evidence as sentences, the customer's sign-off. 3: deviations grouped, the rollback, the site's time zone. */
export const REPORT_VERSION = 3;

export interface ReportServer {
  role: ServerRole;
  host: string;
  port: number;
  user: string;
  platform: string | null;
  cmsVersion: string | null;
  haRole: 'primary' | 'secondary' | null;
  legacyAlgorithms: boolean;
  hostKeys: { algorithm: string; fingerprint: string; pinnedAt: string }[];
}

export interface ReportStep {
  id: StepId;
  title: string;
  phase: Phase;
  target: StepTarget;
  kind: StepKind;
  manual: string;
  status: StepStatus;
  attempts: number;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  reason: string | null;
  signOff: { initials: string; at: string } | null;
  /** Items signed off by the person the manual makes responsible for them. */
  itemSignOffs: { itemId: string; text: string; party: string; name: string; at: string }[];
  /** What to do if the step fails (the rollback: null). */
  wayBack: string | null;
  checklist: { id: string; text: string; ticked: boolean }[];
  evidence: { server: ServerRole | null; parser: string; summary: string; at: string }[];
  /** Whether the technician judged output of this step the app could not read, or a difference: its state rests on that. */
  judgedByTechnician: boolean;
  transcripts: { server: ServerRole | null; path: string }[];
  tapesLoaded: { tapeId: string; server: ServerRole; at: string }[];
}

export interface ReportTape extends Tape {
  /** Where it is now, in words, with who says so. */
  location: string;
  roleTitle: string;
  afterUpgrade: 'keep' | 'reusable';
  history: { at: string; text: string }[];
}

export interface ReportClock {
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
}

export type DeviationKind =
  | 'skipped'
  | 'failed'
  | 'interrupted'
  | 're-setup'
  | 'discrepancy'
  | 'note'
  /** Output the app could not read, judged by the technician. */
  | 'verdict'
  /** The technician corrected the tape register (overwritten, lost, moved…). */
  | 'correction'
  /** Run was activated on a CMS window whose selections differed from the step's, or could not be read. */
  | 'selections'
  /** The app refused something that would have been a mistake (a wrong tape, a backup tape to write on). */
  | 'refusal';

/**
 * How the report groups what deviated: the technician's judgements (output the app could not read,
 * differences judged, Run on other selections), refusals that prevented a mistake, failed or interrupted
 * attempts with how each was resolved, skipped steps with their reasons, and the other records.
 */
export type DeviationGroup = 'judgement' | 'refusal' | 'failed-attempt' | 'skip' | 'other';

export interface ReportDeviation {
  at: string | null;
  stepId: StepId | null;
  kind: DeviationKind;
  group: DeviationGroup;
  text: string;
  /** For a failed or interrupted attempt: what came of the step after it. */
  resolution?: string;
}

/** The rollback, when the technician decided one: why, its window, what it restored and who signed what. */
export interface ReportRollback {
  decidedAt: string | null;
  reason: string | null;
  /** The upgrade steps not done when it was decided, the last failed one first if any. */
  stoppedAt: string | null;
  status: StepStatus;
  window: ReportClock;
  parts: { needed: boolean; why: string }[];
  tapesUsed: { tapeId: string; role: string; at: string }[];
  versionAfterRestore: string | null;
  switchSignedOffBy: string | null;
}

/** Everything the customer and the support centre keep of an upgrade, derived from the journal alone. */
export interface UpgradeReport {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  session: {
    site: string;
    technician: string;
    customerContact: string;
    training: boolean;
    createdAt: string;
    /** The site's time zone (IANA), as given with the cut-off: the report's times are on its clock, UTC beside. */
    siteTimeZone: string | null;
  };
  complete: boolean;
  /** The rollback, when one was decided (null: none). */
  rollback: ReportRollback | null;
  /** The customer representative's sign-off, when recorded (null: not yet). */
  customerSignOff: { name: string; role: string; at: string } | null;
  servers: ReportServer[];
  steps: ReportStep[];
  tapes: ReportTape[];
  migrations: {
    stepId: StepId;
    server: ServerRole;
    dataType: string;
    tapeId: string;
    /** When the technician ran it (recorded then, before any log was read). */
    at: string;
    outcome: MigrationOutcome;
    outcomeDetail: string | null;
    /** The CMS setup of the server it went into (0: the first; a re-setup counts up). */
    setupGeneration: number;
  }[];
  clocks: {
    cutOff: string | null;
    adminFreeze: ReportClock;
    outageWindow: ReportClock;
    rollbackWindow: ReportClock;
  };
  deviations: ReportDeviation[];
  maintenanceSchedule: { task: string; server: string; frequency: string }[];
  timeline: StepAttempt[];
  /** `problem`: where the journal stopped being trustworthy; the report covers only what came before. */
  journal: { events: number; chainFingerprint: string; problem: string | null };
}

const duration = (start: string | null, end: string | null) =>
  start && end ? Date.parse(end) - Date.parse(start) : null;

const clock = (value: Clock): ReportClock => ({
  ...value,
  durationMs: duration(value.startedAt, value.endedAt),
});

/**
 * The upgrade report of a session, complete or not, built from its journal's events and the chain
 * fingerprint that ties it to them (`cms-ha verify` rebuilds it and compares).
 */
export function buildUpgradeReport(
  events: readonly SessionEvent[],
  chainFingerprint: string,
  journalProblem: string | null = null,
): UpgradeReport {
  const state = reduceSession(events);
  if (!state.session) throw new Error('The journal does not start with the session it belongs to.');
  const upgradeSteps = PROCEDURE_STEPS.map((step) => reportStep(state, step.id));
  const steps = state.steps.RB.attempts > 0 ? [...upgradeSteps, reportStep(state, 'RB')] : upgradeSteps;
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    session: { ...state.session, siteTimeZone: state.siteTimeZone },
    complete: upgradeSteps.every((step) => step.status === 'passed' || step.status === 'skipped'),
    rollback: reportRollback(state),
    customerSignOff: state.customerSignOff,
    servers: SERVER_ROLES.flatMap((role) => reportServer(state, events, role)),
    steps,
    tapes: Object.values(state.tapes).map((tape) => ({
      ...tape,
      location: `${describePlace(tape.place)} (${describeWitness(tape.placeSaidBy)})`,
      roleTitle: tapeRoleDefinition(tape.role).title,
      afterUpgrade: tapeFate(tape.role, rollbackBegun(state)),
      history: tapeHistory(events, tape.id),
    })),
    migrations: state.migrations.map(
      ({ stepId, server, dataType, tapeId, at, outcome, outcomeDetail, setupGeneration }) => ({
        stepId,
        server,
        dataType,
        tapeId,
        at,
        outcome,
        outcomeDetail,
        setupGeneration,
      }),
    ),
    clocks: {
      cutOff: state.cutOff,
      adminFreeze: clock(state.clocks['admin-freeze']),
      outageWindow: clock(state.clocks['outage-window']),
      rollbackWindow: clock(state.clocks['rollback-window']),
    },
    deviations: deviations(events, state),
    maintenanceSchedule: MAINTENANCE_SCHEDULE.map((task) => ({
      task: task.task,
      server: serverWithHaRole(state, task.server),
      frequency: task.frequency,
    })),
    timeline: stepTimeline(events),
    journal: { events: events.length, chainFingerprint, problem: journalProblem },
  };
}

function reportStep(state: SessionState, id: StepId): ReportStep {
  const step = stepDefinition(id);
  const run = state.steps[id];
  return {
    id,
    title: step.title,
    phase: step.phase,
    target: step.target,
    kind: step.kind,
    manual: step.manual.map((ref) => `${ref.section} (p. ${ref.page})`).join('; '),
    status: run.status,
    attempts: run.attempts,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    durationMs: duration(run.startedAt, run.endedAt),
    reason: run.reason,
    signOff: run.signOff,
    itemSignOffs: run.itemSignOffs.map((signOff) => ({
      itemId: signOff.itemId,
      text: step.checklist.find((item) => item.id === signOff.itemId)?.text ?? signOff.itemId,
      party: RESPONSIBLE_PARTY_TITLES[signOff.party],
      name: signOff.name,
      at: signOff.at,
    })),
    wayBack: id === 'RB' ? null : WAY_BACK[id].text,
    checklist: step.checklist.map((item) => ({
      id: item.id,
      text: item.text,
      ticked: run.checkedItems.includes(item.id),
    })),
    evidence: run.evidence.flatMap((evidence) =>
      evidence.kind === 'parsed'
        ? [
            {
              server: evidence.server,
              parser: evidence.parser,
              summary: evidenceSentence(evidence.parser, evidence.result, evidence.server),
              at: evidence.at,
            },
          ]
        : evidence.kind === 'window-at-run'
          ? [
              {
                server: evidence.server,
                parser: 'CMS window at Run',
                summary: windowAtRunText(evidence),
                at: evidence.at,
              },
            ]
          : evidence.kind === 'verdict'
            ? [
                {
                  server: evidence.server,
                  parser: "technician's verdict",
                  summary: verdictSentence(evidence.reading, evidence.verdict),
                  at: evidence.at,
                },
              ]
            : [],
    ),
    judgedByTechnician: run.evidence.some((evidence) => evidence.kind === 'verdict'),
    transcripts: run.evidence.flatMap((evidence) =>
      evidence.kind === 'transcript' ? [{ server: evidence.server, path: evidence.path }] : [],
    ),
    tapesLoaded: [...run.tapesLoaded],
  };
}

function reportServer(
  state: SessionState,
  events: readonly SessionEvent[],
  role: ServerRole,
): ReportServer[] {
  const server = state.servers[role];
  if (!server) return [];
  return [
    {
      role,
      host: server.host,
      port: server.port,
      user: server.user,
      platform: server.platform ? PLATFORM_NAMES[server.platform] : null,
      cmsVersion: latestCmsVersion(state, events, role),
      haRole: server.haRole,
      legacyAlgorithms: server.legacyAlgorithms,
      hostKeys: state.hostKeys
        .filter((key) => key.server === role)
        .map(({ algorithm, fingerprint, pinnedAt }) => ({ algorithm, fingerprint, pinnedAt })),
    },
  ];
}

/** The newest CMS version the session saw on a server: a version check, else the newest tape written there. */
function latestCmsVersion(
  state: SessionState,
  events: readonly SessionEvent[],
  role: ServerRole,
): string | null {
  for (const event of [...events].reverse()) {
    if (event.type === 'evidence-recorded' && event.evidence.kind === 'parsed') {
      if (event.evidence.parser === 'cms-versions') {
        const version = (event.evidence.result as Partial<Record<ServerRole, unknown>>)[role];
        if (typeof version === 'string') return version;
      }
    }
    if (event.type === 'tape-registered' && event.server === role) return event.cmsVersion;
  }
  return state.servers[role]?.cmsVersion ?? null;
}

/** A correction of the register as the report says it: what, where or which label, why, and who said so. */
function correctionText(event: SessionEventOf<'tape-corrected'>): string {
  const detail = event.detail?.trim();
  const what =
    event.correction === 'moved'
      ? `moved: now ${detail}`
      : event.correction === 'relabelled'
        ? `relabelled: the cartridge now reads "${detail}"`
        : `${event.correction}${detail ? ` (${detail})` : ''}`;
  return `${what}. Reason: ${event.reason} (corrected by ${event.by})`;
}

function tapeHistory(events: readonly SessionEvent[], tapeId: string): { at: string; text: string }[] {
  const history: { at: string; text: string }[] = [];
  for (const event of events) {
    if (!('tapeId' in event) || event.tapeId !== tapeId) continue;
    switch (event.type) {
      case 'tape-registered':
        history.push({
          at: event.at,
          text: `written by ${event.producedBy} on ${event.server} (tape ${event.sequence.number} of ${event.sequence.of}, ${event.verified ? 'verified' : 'not verified'})`,
        });
        break;
      case 'tape-updated': {
        const changes = [
          event.labelled === undefined ? null : event.labelled ? 'label written' : 'label not written',
          event.writeProtected === undefined
            ? null
            : event.writeProtected
              ? 'write-protected'
              : 'write-protect off',
          event.verified === undefined ? null : event.verified ? 'verified' : 'not verified',
          event.location === undefined ? null : `now ${event.location}`,
        ].filter((change) => change !== null);
        history.push({ at: event.at, text: changes.join(', ') });
        break;
      }
      case 'tape-loaded':
        history.push({ at: event.at, text: `loaded on ${event.server} for ${event.stepId}` });
        break;
      case 'tape-moved':
        history.push({
          at: event.at,
          text: `now ${describePlace(event.to)} (${describeWitness(event.by)}${event.stepId ? `, during ${event.stepId}` : ''})`,
        });
        break;
      case 'tape-corrected':
        history.push({ at: event.at, text: correctionText(event) });
        break;
      case 'migration-recorded':
        history.push({
          at: event.at,
          text: `${event.dataType} data migrated from it on ${event.server} (${event.stepId})`,
        });
        break;
      default:
        break;
    }
  }
  return history;
}

function deviations(events: readonly SessionEvent[], state: SessionState): ReportDeviation[] {
  const found: ReportDeviation[] = [];
  events.forEach((event, index) => {
    switch (event.type) {
      case 'step-skipped':
        found.push({
          at: event.at,
          stepId: event.stepId,
          kind: 'skipped',
          group: 'skip',
          text: event.reason,
        });
        break;
      case 'step-failed':
      case 'step-interrupted':
        found.push({
          at: event.at,
          stepId: event.stepId,
          kind: event.type === 'step-failed' ? 'failed' : 'interrupted',
          group: 'failed-attempt',
          text: event.reason,
          resolution: resolutionAfter(events, index, event.stepId),
        });
        break;
      case 'mistake-refused':
        found.push({
          at: event.at,
          stepId: event.stepId,
          kind: 'refusal',
          group: 'refusal',
          text: event.text,
        });
        break;
      case 'cms-resetup-confirmed':
        found.push({
          at: event.at,
          stepId: null,
          kind: 're-setup',
          group: 'other',
          text: `CMS on ${event.server} turned off and set up again before a re-migration (confirmed by ${event.confirmedBy}): ${event.note}`,
        });
        break;
      case 'note-added':
        found.push({ at: event.at, stepId: event.stepId, kind: 'note', group: 'other', text: event.text });
        break;
      case 'tape-corrected':
        found.push({
          at: event.at,
          stepId: null,
          kind: 'correction',
          group: 'other',
          text: `Tape ${event.tapeId}: ${correctionText(event)}`,
        });
        break;
      case 'evidence-recorded':
        if (event.evidence.kind === 'window-at-run' && windowAtRunDeviates(event.evidence))
          found.push({
            at: event.at,
            stepId: event.stepId,
            kind: 'selections',
            // Run held on a window that was not the step's: a mistake prevented. Run chosen anyway: a judgement.
            group: event.evidence.wentAheadDespite ? 'judgement' : 'refusal',
            text: windowAtRunText(event.evidence),
          });
        if (event.evidence.kind === 'verdict') {
          const { reading, verdict } = event.evidence;
          found.push({
            at: event.at,
            stepId: event.stepId,
            kind: 'verdict',
            group: 'judgement',
            text: verdictSentence(reading, verdict),
          });
        }
        break;
      default:
        break;
    }
  });
  for (const step of PROCEDURE_STEPS) {
    if (state.steps[step.id].attempts === 0) continue;
    for (const note of step.notes.filter((candidate) => candidate.kind === 'discrepancy'))
      found.push({ at: null, stepId: step.id, kind: 'discrepancy', group: 'other', text: note.text });
  }
  return found;
}

/** What came of a step after an attempt of it failed or was interrupted: the next ending the journal records. */
function resolutionAfter(events: readonly SessionEvent[], index: number, stepId: StepId): string {
  let attempts = 1;
  for (const event of events.slice(0, index))
    if (event.type === 'step-started' && event.stepId === stepId) attempts++;
  for (const event of events.slice(index + 1)) {
    if (!('stepId' in event) || event.stepId !== stepId) continue;
    if (event.type === 'step-started') attempts++;
    if (event.type === 'step-passed') return `passed on attempt ${attempts - 1}`;
    if (event.type === 'step-skipped') return `skipped: ${event.reason}`;
    if (event.type === 'step-failed' || event.type === 'step-interrupted')
      return `attempt ${attempts - 1} ended too (listed below)`;
  }
  return stepId !== 'RB' &&
    events.some((event) => event.type === 'checklist-item-ticked' && event.itemId === 'rollback-decided')
    ? 'not resolved: the upgrade was rolled back'
    : 'not resolved yet';
}

function reportRollback(state: SessionState): ReportRollback | null {
  const run = state.steps.RB;
  if (run.attempts === 0) return null;
  const decided = state.notes.find(
    (note) => note.stepId === 'RB' && note.text.startsWith('Rollback decided: '),
  );
  const open = PROCEDURE_STEPS.filter(
    (step) => !['passed', 'skipped'].includes(state.steps[step.id].status),
  ).map((step) => `${step.id} (${state.steps[step.id].status})`);
  const version = run.evidence.findLast(
    (evidence) => evidence.kind === 'parsed' && evidence.parser === 'cms-version-after-restore',
  );
  const result = version?.kind === 'parsed' ? (version.result as { version?: unknown }) : null;
  const signOff = run.itemSignOffs.find((candidate) => candidate.itemId === 'switch-back');
  return {
    decidedAt: state.clocks['rollback-window'].startedAt,
    reason: decided ? decided.text.slice('Rollback decided: '.length) : null,
    stoppedAt: open.length > 0 ? open.join(', ') : null,
    status: run.status,
    window: clock(state.clocks['rollback-window']),
    parts: Object.values(rollbackPlan(state)),
    tapesUsed: run.tapesLoaded.map((load) => ({
      tapeId: load.tapeId,
      role: state.tapes[load.tapeId]?.role ?? 'unregistered',
      at: load.at,
    })),
    versionAfterRestore: typeof result?.version === 'string' ? result.version : null,
    switchSignedOffBy: signOff ? `${signOff.name} (${RESPONSIBLE_PARTY_TITLES[signOff.party]})` : null,
  };
}

function serverWithHaRole(state: SessionState, haRole: 'primary' | 'secondary'): string {
  const server = SERVER_ROLES.find((role) => state.servers[role]?.haRole === haRole);
  return server ? `${haRole} (${server})` : `${haRole} (not agreed yet)`;
}
