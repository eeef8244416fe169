import { stepDefinition } from '../../shared/procedure/procedureGraph.ts';
import { tapeRoleDefinition } from '../../shared/procedure/tapeRoles.ts';
import { STEP_IDS } from '../../shared/procedure/types.ts';
import type { SessionEvent } from '../../shared/session/sessionEvents.ts';
import type { SessionState } from '../../shared/session/sessionState.ts';

export type Candidate = DistributiveOmit<SessionEvent, 'at'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Events a technician could plausibly send in `state`: for each step that is not pending or finished,
 * every transition, checklist tick, tape and migration it knows, legal or not. Property tests pick from
 * these so random runs get deep into the procedure while still hitting the guards.
 */
export function eventCandidates(state: SessionState): Candidate[] {
  if (state.session === null) {
    return [
      { type: 'session-created', site: 'Prop site', technician: 'Prop', customerContact: '', training: true },
    ];
  }
  const candidates: Candidate[] = [
    { type: 'note-added', stepId: null, text: 'a note' },
    { type: 'cms-resetup-confirmed', server: 'NEW', confirmedBy: 'RT', note: 'CMS set up again' },
    { type: 'ha-roles-assigned', primary: 'NEW' },
  ];
  for (const stepId of STEP_IDS) {
    const run = state.steps[stepId];
    if (run.status === 'pending' || run.status === 'passed') continue;
    const step = stepDefinition(stepId);
    candidates.push(
      { type: 'step-started', stepId },
      { type: 'step-passed', stepId },
      { type: 'step-failed', stepId, reason: 'tape error' },
      { type: 'step-interrupted', stepId, reason: 'connection lost' },
      { type: 'step-skipped', stepId, reason: 'done by the customer' },
      { type: 'step-awaiting-technician', stepId, question: 'insert tape 2' },
      { type: 'step-resumed', stepId },
    );
    for (const item of step.checklist)
      candidates.push({ type: 'checklist-item-ticked', stepId, itemId: item.id });
    for (const role of step.tapesOut) {
      const definition = tapeRoleDefinition(role);
      candidates.push({
        type: 'tape-registered',
        tapeId: `${role}-${run.attempts}`,
        role,
        producedBy: stepId,
        server: definition.server,
        labelText: `${role} tape`,
        sequence: { number: 1, of: 1 },
        backupDate: '2026-11-23',
        cmsVersion: 'r3v11',
        writeProtected: true,
        verified: false,
        location: 'drive',
      });
    }
    for (const tape of Object.values(state.tapes)) {
      candidates.push({
        type: 'tape-loaded',
        stepId,
        server: step.target === 'NEW' ? 'NEW' : 'ORIG',
        tapeId: tape.id,
      });
      for (const migration of step.migrations) {
        candidates.push({
          type: 'migration-recorded',
          stepId,
          server: migration.server,
          dataType: migration.dataType,
          tapeId: tape.id,
        });
      }
    }
  }
  return candidates;
}

/** The next sensible event for each active step, as a technician following the manual would send it. */
export function progressCandidates(state: SessionState): Candidate[] {
  if (state.session === null) return eventCandidates(state);
  const progress: Candidate[] = [];
  for (const stepId of STEP_IDS) {
    const run = state.steps[stepId];
    const step = stepDefinition(stepId);
    if (run.status === 'ready' || run.status === 'failed' || run.status === 'interrupted') {
      progress.push({ type: 'step-started', stepId });
      continue;
    }
    if (run.status !== 'running') continue;
    const unticked = step.checklist.find((item) => !run.checkedItems.includes(item.id));
    if (unticked) {
      progress.push({ type: 'checklist-item-ticked', stepId, itemId: unticked.id });
      continue;
    }
    const pendingMigration = step.migrations.find(
      (m) =>
        !state.migrations.some(
          (done) =>
            done.stepId === stepId &&
            done.server === m.server &&
            done.dataType === m.dataType &&
            done.tapeRole === m.fromTape,
        ),
    );
    const tapeFor = (role: string) => Object.values(state.tapes).find((tape) => tape.role === role);
    if (pendingMigration) {
      const tape = tapeFor(pendingMigration.fromTape);
      if (!tape) continue;
      const loaded = run.tapesLoaded.filter((load) => load.server === pendingMigration.server).at(-1);
      progress.push(
        loaded?.tapeId === tape.id
          ? {
              type: 'migration-recorded',
              stepId,
              server: pendingMigration.server,
              dataType: pendingMigration.dataType,
              tapeId: tape.id,
            }
          : { type: 'tape-loaded', stepId, server: pendingMigration.server, tapeId: tape.id },
      );
      continue;
    }
    const missingTape = step.tapesOut.find((role) => !tapeFor(role));
    if (missingTape) {
      const candidate = eventCandidates(state).find(
        (c) => c.type === 'tape-registered' && c.role === missingTape,
      );
      if (candidate) progress.push(candidate);
      continue;
    }
    progress.push({ type: 'step-passed', stepId });
  }
  return progress;
}
