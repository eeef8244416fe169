import { assertNever } from '../assertNever.ts';
import { stepDefinition } from '../procedure/procedureGraph.ts';
import { tapeRoleDefinition } from '../procedure/tapeRoles.ts';
import type { ClockEdge, MigrationSpec, ServerRole, StepId } from '../procedure/types.ts';
import { ALL_STEP_IDS, ROLLBACK_STEP_ID, STEP_IDS } from '../procedure/types.ts';
import { rollbackBegun, rolledBack } from './rollbackState.ts';
import type { SessionEvent, SessionEventOf } from './sessionEvents.ts';
import { SessionGuardError } from './sessionGuardError.ts';
import { isDone } from './stepStatusGroups.ts';
import type {
  Evidence,
  MigrationRecord,
  OpenQuestion,
  SessionState,
  StepRun,
  StepStatus,
  Tape,
} from './sessionState.ts';
import { initialSessionState } from './sessionState.ts';
import { driveOf, placeOfText } from './tapePlace.ts';
import { moveTape } from './tapeWhereabouts.ts';

/** The session as the fold of its events. Throws SessionGuardError on the first event the rules refuse. */
export function reduceSession(events: Iterable<SessionEvent>): SessionState {
  const fold = new SessionFold();
  for (const event of events) fold.apply(event);
  return fold.state;
}

/** How a fold grows a list: the pure reducer copies it; a SessionFold grows the lists it made itself. */
interface ListGrowth {
  append<T>(list: readonly T[], item: T): T[];
}

const COPYING: ListGrowth = { append: (list, item) => [...list, item] };

/** Grows in place the lists it created; any other list (of a state it was given) is copied once first. */
class OwnedLists implements ListGrowth {
  private readonly owned = new WeakSet<readonly unknown[]>();

  append<T>(list: readonly T[], item: T): T[] {
    if (this.owned.has(list)) {
      (list as T[]).push(item);
      return list as T[];
    }
    const copy = [...list, item];
    this.owned.add(copy);
    return copy;
  }
}

/**
 * Folds many events in linear time: the lists a fold created itself (notes, evidence, tapes loaded)
 * grow in place instead of being copied for every event (which made reopening a 100,000-event journal
 * quadratic). So a state it hands out is a view: its lists may grow as later events are applied (copy
 * one to keep a snapshot). A refused event leaves the state as it was: every list grows only after the
 * event's checks passed. The lists of the state it starts from are never changed.
 */
export class SessionFold {
  private readonly lists = new OwnedLists();

  constructor(public state: SessionState = initialSessionState()) {}

  apply(event: SessionEvent): SessionState {
    this.state = applyWith(this.state, event, this.lists);
    return this.state;
  }
}

export type ApplyResult = { ok: true; state: SessionState } | { ok: false; error: SessionGuardError };

export function tryApplySessionEvent(state: SessionState, event: SessionEvent): ApplyResult {
  try {
    return { ok: true, state: applySessionEvent(state, event) };
  } catch (error) {
    if (error instanceof SessionGuardError) return { ok: false, error };
    throw error;
  }
}

/** Pure: returns a new state and never mutates `state`. */
export function applySessionEvent(state: SessionState, event: SessionEvent): SessionState {
  return applyWith(state, event, COPYING);
}

function applyWith(state: SessionState, event: SessionEvent, lists: ListGrowth): SessionState {
  if (event.type !== 'session-created' && state.session === null) {
    throw new SessionGuardError(
      'session-not-created',
      'The session must be created before anything else happens.',
    );
  }
  const next = applyChecked(state, event, lists);
  if (next === state) return { ...state, eventCount: state.eventCount + 1 };
  // Every case returns `state` itself or a new object made for this event, so completing the new object
  // here (one copy of the state per event, not two) changes nothing anyone holds.
  // Readiness changes only when a step did, or the session began (most events of a long session are
  // notes and evidence, which change no step).
  if (next.steps !== state.steps || event.type === 'session-created') next.steps = withReadiness(next.steps);
  next.eventCount = state.eventCount + 1;
  return next;
}

function applyChecked(state: SessionState, event: SessionEvent, lists: ListGrowth): SessionState {
  switch (event.type) {
    case 'session-created':
      if (state.session !== null) {
        throw new SessionGuardError('session-already-created', 'This session already exists.');
      }
      return {
        ...state,
        session: {
          site: event.site,
          technician: event.technician,
          customerContact: event.customerContact,
          training: event.training,
          createdAt: event.at,
        },
      };
    case 'server-configured': {
      const previous = state.servers[event.server];
      return {
        ...state,
        servers: {
          ...state.servers,
          [event.server]: {
            role: event.server,
            host: event.host,
            port: event.port,
            user: event.user,
            platform: event.platform,
            cmsVersion: event.cmsVersion,
            tapeDevice: event.tapeDevice,
            legacyAlgorithms: event.legacyAlgorithms,
            rootAccess: event.rootAccess ?? 'login',
            restoreLog: event.restoreLog ?? null,
            errorLog: event.errorLog ?? null,
            storageDef: event.storageDef ?? null,
            haRole: previous?.haRole ?? null,
          },
        },
      };
    }
    case 'ha-roles-assigned':
      return assignHaRoles(state, event.primary);
    case 'host-key-pinned': {
      const others = state.hostKeys.filter(
        (pin) => !(pin.host.toLowerCase() === event.host.toLowerCase() && pin.port === event.port),
      );
      const { server, host, port, algorithm, fingerprint } = event;
      return {
        ...state,
        hostKeys: [...others, { server, host, port, algorithm, fingerprint, pinnedAt: event.at }],
      };
    }
    case 'cut-off-set':
      return { ...state, cutOff: event.cutOff, siteTimeZone: event.timeZone ?? state.siteTimeZone };
    case 'outage-planned':
      return { ...state, outagePlannedMinutes: event.minutes };
    case 'step-started':
      return startStep(state, event);
    case 'step-awaiting-technician':
      // Two servers at work in one step (D11's backups) can each wait on a question at the same time.
      requireStatus(state, event.stepId, ['running', 'awaiting-technician'], 'wait for the technician');
      return updateStep(state, event.stepId, (run) => ({
        ...run,
        status: 'awaiting-technician',
        openQuestions: [...run.openQuestions, openQuestion(event, state.eventCount)],
      }));
    case 'step-resumed':
      requireStatus(state, event.stepId, ['awaiting-technician'], 'resume');
      return updateStep(state, event.stepId, (run) => {
        const openQuestions =
          event.questionId === undefined ? [] : run.openQuestions.filter((q) => q.id !== event.questionId);
        return {
          ...run,
          status: openQuestions.length > 0 ? 'awaiting-technician' : 'running',
          openQuestions,
        };
      });
    case 'step-passed':
      return passStep(state, event);
    case 'step-failed':
    case 'step-interrupted':
      requireStatus(
        state,
        event.stepId,
        ['running', 'awaiting-technician'],
        event.type === 'step-failed' ? 'fail' : 'interrupt',
      );
      return updateStep(state, event.stepId, (run) => ({
        ...run,
        status: event.type === 'step-failed' ? 'failed' : 'interrupted',
        reason: event.reason,
        openQuestions: [],
        endedAt: event.at,
      }));
    case 'step-skipped':
      return skipStep(state, event);
    case 'customer-signed-off': {
      const open = STEP_IDS.filter((id) => !isDone(state.steps[id].status));
      if (open.length > 0 && !rolledBack(state))
        throw new SessionGuardError(
          'upgrade-not-complete',
          `The customer signs off a finished upgrade: ${open.join(', ')} ${open.length === 1 ? 'is' : 'are'} not done.`,
        );
      return { ...state, customerSignOff: { name: event.name, role: event.role, at: event.at } };
    }
    case 'step-signed-off':
      requireStatus(state, event.stepId, ['passed', 'skipped'], 'sign off');
      return updateStep(state, event.stepId, (run) => ({
        ...run,
        signOff: { initials: event.initials, at: event.at },
      }));
    case 'checklist-item-ticked':
      return tickChecklistItem(state, event, lists);
    case 'item-signed-off': {
      const item = stepDefinition(event.stepId).checklist.find((candidate) => candidate.id === event.itemId);
      if (!item?.responsible)
        throw new SessionGuardError(
          'unknown-checklist-item',
          `${event.stepId} has no item "${event.itemId}" that someone other than the technician signs off.`,
        );
      if (!state.steps[event.stepId].checkedItems.includes(item.id))
        throw new SessionGuardError(
          'illegal-transition',
          `"${item.text}" is signed off once it is confirmed, not before.`,
        );
      const signOff = { itemId: item.id, party: item.responsible, name: event.name, at: event.at };
      return updateStep(state, event.stepId, (run) => ({
        ...run,
        itemSignOffs: [...run.itemSignOffs.filter((earlier) => earlier.itemId !== item.id), signOff],
      }));
    }
    case 'tape-registered':
      return registerTape(state, event);
    case 'tape-updated': {
      const tape = requireTape(state, event.tapeId);
      const updated: Tape = {
        ...tape,
        writeProtected: event.writeProtected ?? tape.writeProtected,
        writeProtectSaidBy:
          event.writeProtected === undefined
            ? tape.writeProtectSaidBy
            : (event.writeProtectSaidBy ?? 'technician'),
        verified: event.verified ?? tape.verified,
        labelled: event.labelled ?? tape.labelled,
      };
      const next = { ...state, tapes: { ...state.tapes, [tape.id]: updated } };
      return event.location === undefined
        ? next
        : moveTape(next, tape.id, placeOfText(event.location), 'technician', event.at);
    }
    case 'tape-moved':
      return moveTape(state, event.tapeId, event.to, event.by, event.at);
    case 'transcript-sealed':
      return {
        ...state,
        transcriptSeals: {
          ...state.transcriptSeals,
          [event.path]: { bytes: event.bytes, sha256: event.sha256, at: event.at },
        },
      };
    case 'tape-loaded':
      return loadTape(state, event, lists);
    case 'tape-corrected': {
      const tape = requireTape(state, event.tapeId);
      const detail = event.detail?.trim() ? event.detail.trim() : null;
      if (!detail && (event.correction === 'moved' || event.correction === 'relabelled'))
        throw new SessionGuardError(
          'correction-without-detail',
          event.correction === 'moved'
            ? `Say where ${tape.id} is now.`
            : `Say what the label on ${tape.id}'s cartridge says now.`,
        );
      const condition =
        event.correction === 'overwritten' || event.correction === 'lost' || event.correction === 'discarded'
          ? event.correction
          : tape.condition;
      const corrected: Tape = {
        ...tape,
        condition,
        corrections: [
          ...tape.corrections,
          { correction: event.correction, detail, reason: event.reason, by: event.by, at: event.at },
        ],
      };
      const next = { ...state, tapes: { ...state.tapes, [tape.id]: corrected } };
      return event.correction === 'moved' && detail
        ? moveTape(next, tape.id, placeOfText(detail), 'technician', event.at)
        : next;
    }
    case 'migration-recorded':
      return recordMigration(state, event);
    case 'migration-outcome-recorded':
      return recordMigrationOutcome(state, event);
    case 'cms-resetup-confirmed':
      return {
        ...state,
        resetups: [
          ...state.resetups,
          { server: event.server, confirmedBy: event.confirmedBy, note: event.note, at: event.at },
        ],
      };
    case 'evidence-recorded': {
      const evidence: Evidence = { ...event.evidence, server: event.server, at: event.at };
      return updateStep(state, event.stepId, (run) => ({
        ...run,
        evidence: lists.append(run.evidence, evidence),
      }));
    }
    case 'mistake-refused':
      return state;
    case 'note-added':
      return {
        ...state,
        notes: lists.append(state.notes, { stepId: event.stepId, text: event.text, at: event.at }),
      };
    default:
      return assertNever(event, 'session event');
  }
}

function assignHaRoles(state: SessionState, primary: ServerRole): SessionState {
  const servers = { ...state.servers };
  for (const role of ['ORIG', 'NEW'] as const) {
    const server = servers[role];
    if (server) servers[role] = { ...server, haRole: role === primary ? 'primary' : 'secondary' };
  }
  return { ...state, servers };
}

const RESTARTABLE: readonly StepStatus[] = ['ready', 'failed', 'interrupted'];

function startStep(state: SessionState, event: SessionEventOf<'step-started'>): SessionState {
  const definition = stepDefinition(event.stepId);
  if (event.stepId !== ROLLBACK_STEP_ID && rollbackBegun(state))
    throw new SessionGuardError(
      'rolled-back',
      `${event.stepId} cannot start: the upgrade was stopped and ORIG rolled back in this session. A new attempt starts a new session, with new backups of the day before.`,
    );
  if (event.stepId === ROLLBACK_STEP_ID && STEP_IDS.every((id) => isDone(state.steps[id].status)))
    throw new SessionGuardError(
      'upgrade-complete',
      'The upgrade is complete: there is nothing to roll back. After a major failure, restore a server from its CMSADM backup of step 11.',
    );
  const missing = definition.prerequisites.filter((id) => !isDone(state.steps[id].status));
  if (missing.length > 0) {
    throw new SessionGuardError(
      'prerequisites-not-met',
      `${event.stepId} cannot start before ${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} passed.`,
    );
  }
  requireStatus(state, event.stepId, RESTARTABLE, 'start');
  const started = updateStep(state, event.stepId, (run) => ({
    ...run,
    status: 'running',
    attempts: run.attempts + 1,
    startedAt: run.startedAt ?? event.at,
    endedAt: null,
    reason: null,
    // A new attempt is confirmed afresh (the tapes, the modes, the CMS work), except the lasting facts
    // the attempt before confirmed and this one says it keeps.
    checkedItems: run.checkedItems.filter(
      (id) =>
        event.keptItems?.includes(id) === true &&
        definition.checklist.some((item) => item.id === id && item.lasting === true),
    ),
    tapesLoaded: [],
  }));
  return applyClockEdges(started, definition.clocks, 'start', event.at);
}

function passStep(state: SessionState, event: SessionEventOf<'step-passed'>): SessionState {
  requireStatus(state, event.stepId, ['running', 'awaiting-technician'], 'pass');
  const definition = stepDefinition(event.stepId);
  const missingMigrations = definition.migrations.filter((spec) => !migrationAlreadyDone(state, spec));
  if (missingMigrations.length > 0) {
    throw new SessionGuardError(
      'migrations-incomplete',
      `${event.stepId} cannot pass: ${missingMigrations.map((m) => `${m.dataType} from ${m.fromTape} on ${m.server}`).join(', ')} not migrated yet.`,
    );
  }
  const unregistered = definition.tapesOut.filter(
    (role) =>
      !Object.values(state.tapes).some((tape) => tape.role === role && tape.producedBy === event.stepId),
  );
  if (unregistered.length > 0) {
    throw new SessionGuardError(
      'tapes-not-registered',
      `${event.stepId} cannot pass before its tapes are registered: ${unregistered.join(', ')}.`,
    );
  }
  const passed = updateStep(state, event.stepId, (run) => ({
    ...run,
    status: 'passed',
    openQuestions: [],
    endedAt: event.at,
  }));
  return applyClockEdges(passed, definition.clocks, 'end', event.at);
}

/** The question as a window shows it; a journal of an older version recorded its text only. */
function openQuestion(event: SessionEventOf<'step-awaiting-technician'>, eventCount: number): OpenQuestion {
  const detail = event.detail ?? {
    id: `question-${eventCount + 1}`,
    kind: 'ask',
    server: null,
    tape: null,
    checklistItem: null,
    secret: false,
  };
  return { ...detail, text: event.question, askedAt: event.at };
}

function skipStep(state: SessionState, event: SessionEventOf<'step-skipped'>): SessionState {
  const definition = stepDefinition(event.stepId);
  if (definition.skippable !== true) {
    throw new SessionGuardError(
      'skip-refused',
      `${event.stepId} cannot be skipped: ${definition.skippable.refused}.`,
    );
  }
  if (event.reason.trim() === '') {
    throw new SessionGuardError('skip-needs-reason', `Skipping ${event.stepId} needs a reason.`);
  }
  requireStatus(state, event.stepId, ['pending', 'ready', 'failed', 'interrupted'], 'skip');
  return updateStep(state, event.stepId, (run) => ({
    ...run,
    status: 'skipped',
    reason: event.reason.trim(),
    endedAt: event.at,
  }));
}

function tickChecklistItem(
  state: SessionState,
  event: SessionEventOf<'checklist-item-ticked'>,
  lists: ListGrowth,
): SessionState {
  const item = stepDefinition(event.stepId).checklist.find((candidate) => candidate.id === event.itemId);
  if (!item) {
    throw new SessionGuardError(
      'unknown-checklist-item',
      `${event.stepId} has no checklist item "${event.itemId}".`,
    );
  }
  requireStatus(state, event.stepId, ['running', 'awaiting-technician'], 'tick a checklist item of');
  const ticked = updateStep(state, event.stepId, (run) =>
    run.checkedItems.includes(item.id)
      ? run
      : { ...run, checkedItems: lists.append(run.checkedItems, item.id) },
  );
  return item.clock ? applyClockEdges(ticked, [item.clock], item.clock.edge, event.at) : ticked;
}

function registerTape(state: SessionState, event: SessionEventOf<'tape-registered'>): SessionState {
  if (state.tapes[event.tapeId]) {
    throw new SessionGuardError('duplicate-tape', `A tape with id ${event.tapeId} is already registered.`);
  }
  const producer = stepDefinition(event.producedBy);
  if (!producer.tapesOut.includes(event.role)) {
    throw new SessionGuardError(
      'tape-not-produced-by-step',
      `${event.producedBy} does not produce ${event.role} tapes (it produces ${producer.tapesOut.join(', ') || 'none'}).`,
    );
  }
  if (tapeRoleDefinition(event.role).server !== event.server) {
    throw new SessionGuardError(
      'tape-not-produced-by-step',
      `${event.role} tapes are written on ${tapeRoleDefinition(event.role).server}, not ${event.server}.`,
    );
  }
  const known = state.tapePlaces[event.tapeId];
  const tape: Tape = {
    id: event.tapeId,
    role: event.role,
    producedBy: event.producedBy,
    server: event.server,
    labelText: event.labelText,
    sequence: event.sequence,
    backupDate: event.backupDate,
    cmsVersion: event.cmsVersion,
    writeProtected: event.writeProtected,
    writeProtectSaidBy: event.writeProtectSaidBy ?? 'technician',
    verified: event.verified,
    labelled: false,
    place: known?.place ?? placeOfText(event.location),
    placeSaidBy: known?.by ?? 'technician',
    registeredAt: event.at,
    condition: 'intact',
    corrections: [],
  };
  const registered = { ...state, tapes: { ...state.tapes, [tape.id]: tape } };
  // Where a tape is, once said by a move, stays so: the registration's place is the step's own guess.
  return known ? registered : moveTape(registered, tape.id, tape.place, 'technician', event.at);
}

function loadTape(
  state: SessionState,
  event: SessionEventOf<'tape-loaded'>,
  lists: ListGrowth,
): SessionState {
  const tape = requireTape(state, event.tapeId);
  const definition = stepDefinition(event.stepId);
  if (!definition.tapesIn.includes(tape.role)) {
    throw new SessionGuardError(
      'wrong-tape-role',
      `${event.stepId} expects ${definition.tapesIn.join(' or ') || 'no tape'}; tape ${tape.id} is ${tape.role} ("${tape.labelText}").`,
    );
  }
  requireStatus(state, event.stepId, ['running', 'awaiting-technician'], 'load a tape for');
  const placed = moveTape(state, tape.id, driveOf(event.server), 'drive', event.at);
  return updateStep(placed, event.stepId, (run) => ({
    ...run,
    tapesLoaded: lists.append(run.tapesLoaded, { tapeId: tape.id, server: event.server, at: event.at }),
  }));
}

function recordMigration(state: SessionState, event: SessionEventOf<'migration-recorded'>): SessionState {
  const definition = stepDefinition(event.stepId);
  requireStatus(state, event.stepId, ['running', 'awaiting-technician'], 'migrate data in');
  const tape = requireTape(state, event.tapeId);
  const specIndex = definition.migrations.findIndex(
    (spec) => spec.server === event.server && spec.dataType === event.dataType && spec.fromTape === tape.role,
  );
  if (specIndex < 0) {
    const sameKind = definition.migrations.find(
      (s) => s.server === event.server && s.dataType === event.dataType,
    );
    if (sameKind) {
      throw new SessionGuardError(
        'wrong-tape-role',
        `${event.stepId} migrates ${event.dataType} data on ${event.server} from ${definition.migrations
          .filter((s) => s.server === event.server && s.dataType === event.dataType)
          .map((s) => s.fromTape)
          .join(' or ')}; tape ${tape.id} is ${tape.role}.`,
      );
    }
    throw new SessionGuardError(
      'migration-not-in-step',
      `${event.stepId} does not migrate ${event.dataType} data on ${event.server}.`,
    );
  }
  const lastLoad = [...state.steps[event.stepId].tapesLoaded]
    .reverse()
    .find((load) => load.server === event.server);
  if (lastLoad?.tapeId !== tape.id) {
    throw new SessionGuardError(
      'tape-not-loaded',
      `Tape ${tape.id} is not the tape loaded on ${event.server} for ${event.stepId}; load and check it first.`,
    );
  }
  const generation = setupGenerations(state)[event.server];
  const repeated = state.migrations.find(
    (m) =>
      m.server === event.server &&
      m.dataType === event.dataType &&
      (event.dataType !== 'historical' || m.tapeRole === tape.role) &&
      m.setupGeneration === generation,
  );
  if (repeated) {
    throw new SessionGuardError(
      'migration-repeated',
      `${event.dataType} data was already migrated on ${event.server} (${repeated.stepId}, tape ${repeated.tapeId}, ${repeated.at}). Migrating twice may cause catastrophic errors: turn CMS off, set it up again and record that before a re-migration.`,
    );
  }
  const earlier = definition.migrations.slice(0, specIndex).filter((spec) => spec.server === event.server);
  const notYet = earlier.filter((spec) => !migrationAlreadyDone(state, spec));
  if (notYet.length > 0) {
    throw new SessionGuardError(
      'migration-out-of-order',
      `${event.stepId}: migrate ${notYet.map((s) => `${s.dataType} from ${s.fromTape}`).join(', ')} first.`,
    );
  }
  return {
    ...state,
    migrations: [
      ...state.migrations,
      {
        stepId: event.stepId,
        server: event.server,
        dataType: event.dataType,
        tapeId: tape.id,
        tapeRole: tape.role,
        at: event.at,
        setupGeneration: generation,
        outcome: 'unconfirmed',
        outcomeDetail: null,
      },
    ],
  };
}

function recordMigrationOutcome(
  state: SessionState,
  event: SessionEventOf<'migration-outcome-recorded'>,
): SessionState {
  requireStatus(state, event.stepId, ['running', 'awaiting-technician'], 'record a migration outcome in');
  const generation = setupGenerations(state)[event.server];
  const index = state.migrations.findLastIndex(
    (m) =>
      m.server === event.server &&
      m.dataType === event.dataType &&
      m.tapeId === event.tapeId &&
      m.setupGeneration === generation,
  );
  if (index < 0) {
    throw new SessionGuardError(
      'migration-not-recorded',
      `No ${event.dataType} migration from tape ${event.tapeId} on ${event.server} was recorded as run in this CMS setup, so it has no outcome.`,
    );
  }
  const migrations = [...state.migrations];
  migrations[index] = { ...migrations[index]!, outcome: event.outcome, outcomeDetail: event.detail };
  return { ...state, migrations };
}

function setupGenerations(state: SessionState): Record<ServerRole, number> {
  const generations: Record<ServerRole, number> = { ORIG: 0, NEW: 0 };
  for (const resetup of state.resetups) generations[resetup.server] += 1;
  return generations;
}

function applyClockEdges(
  state: SessionState,
  edges: readonly ClockEdge[],
  edge: ClockEdge['edge'],
  at: string,
): SessionState {
  let clocks = state.clocks;
  for (const clockEdge of edges) {
    if (clockEdge.edge !== edge) continue;
    const clock = clocks[clockEdge.clock];
    if (edge === 'start' && clock.startedAt === null) {
      clocks = { ...clocks, [clockEdge.clock]: { ...clock, startedAt: at } };
    } else if (edge === 'end' && clock.endedAt === null) {
      clocks = { ...clocks, [clockEdge.clock]: { ...clock, endedAt: at } };
    }
  }
  return clocks === state.clocks ? state : { ...state, clocks };
}

function requireStatus(
  state: SessionState,
  stepId: StepId,
  allowed: readonly StepStatus[],
  action: string,
): void {
  const status = state.steps[stepId].status;
  if (!allowed.includes(status)) {
    throw new SessionGuardError(
      'illegal-transition',
      `Cannot ${action} ${stepId} while it is ${status} (only when ${allowed.join(' or ')}).`,
    );
  }
}

function requireTape(state: SessionState, tapeId: string): Tape {
  const tape = state.tapes[tapeId];
  if (!tape) throw new SessionGuardError('unknown-tape', `No tape ${tapeId} is registered in this session.`);
  return tape;
}

function updateStep(state: SessionState, stepId: StepId, update: (run: StepRun) => StepRun): SessionState {
  const current = state.steps[stepId];
  const updated = update(current);
  return updated === current ? state : { ...state, steps: { ...state.steps, [stepId]: updated } };
}

/** `pending` and `ready` are derived: a step is ready once all its prerequisites are done. */
function withReadiness(steps: SessionState['steps']): SessionState['steps'] {
  let result = steps;
  for (const id of ALL_STEP_IDS) {
    const run = result[id];
    if (run.status !== 'pending' && run.status !== 'ready') continue;
    const ready = stepDefinition(id).prerequisites.every((p) => isDone(result[p].status));
    const status: StepStatus = ready ? 'ready' : 'pending';
    if (status !== run.status) result = { ...result, [id]: { ...run, status } };
  }
  return result;
}

/** Whether a migration is already in the server's current CMS setup, so it must not be run again. */
export function migrationAlreadyDone(state: SessionState, spec: MigrationSpec): boolean {
  return migrationRecordOf(state, spec) !== undefined;
}

/** The record of a migration run into the server's current CMS setup, if it ran. */
export function migrationRecordOf(state: SessionState, spec: MigrationSpec): MigrationRecord | undefined {
  const generation = setupGenerations(state)[spec.server];
  return state.migrations.findLast(
    (m) =>
      m.server === spec.server &&
      m.dataType === spec.dataType &&
      m.tapeRole === spec.fromTape &&
      m.setupGeneration === generation,
  );
}
