import { describe, expect, it } from 'vitest';
import { stepDefinition } from '../../../shared/procedure/procedureGraph.ts';
import { STEP_IDS } from '../../../shared/procedure/types.ts';
import type { SessionEvent } from '../../../shared/session/sessionEvents.ts';
import { SessionGuardError } from '../../../shared/session/sessionGuardError.ts';
import { applySessionEvent, reduceSession } from '../../../shared/session/reduceSession.ts';
import { ScenarioBuilder } from '../../support/sessionScenario.ts';

function refusal(events: SessionEvent[]): SessionGuardError {
  try {
    reduceSession(events);
  } catch (error) {
    if (error instanceof SessionGuardError) return error;
    throw error;
  }
  throw new Error('expected the reducer to refuse an event');
}

/** D7's historical migration on NEW from the given tape. */
function historicalMigrationOnNew(tapeId: string) {
  return { type: 'migration-recorded', stepId: 'D7', server: 'NEW', dataType: 'historical', tapeId } as const;
}

/** The session up to the point where D7 (historical migration to NEW) is running. */
function upToD7Running(): ScenarioBuilder {
  const scenario = new ScenarioBuilder().created();
  for (const id of ['P1', 'P2', 'P3a', 'P3b', 'P4a', 'P4b', 'D1', 'D2', 'D3', 'D4', 'D5'] as const) {
    scenario.completeStep(id);
  }
  return scenario.add({ type: 'step-started', stepId: 'D7' });
}

describe('reduceSession', () => {
  it('folds a complete run of the procedure to every step passed, with the clocks and tapes recorded', () => {
    const state = reduceSession(new ScenarioBuilder().created().completeAll().events);
    expect(STEP_IDS.every((id) => state.steps[id].status === 'passed')).toBe(true);
    // The way back stays unused: ready since the day-before backups exist, never started.
    expect(state.steps.RB).toMatchObject({ status: 'ready', attempts: 0 });
    expect(Object.keys(state.tapes)).toHaveLength(7);
    expect(state.migrations.map((m) => `${m.server}:${m.dataType}:${m.tapeRole}`)).toEqual([
      'NEW:system-admin:ADMIN-ORIG',
      'NEW:agent-call-center-admin:ADMIN-ORIG',
      'NEW:historical:INCR-ORIG',
      'NEW:historical:FULL-ORIG',
      'ORIG:system-admin:ADMIN-ORIG',
      'ORIG:agent-call-center-admin:ADMIN-ORIG',
    ]);
    expect(state.clocks['rollback-window']).toEqual({ startedAt: null, endedAt: null });
    for (const clock of [state.clocks['admin-freeze'], state.clocks['outage-window']]) {
      expect(clock.startedAt).not.toBeNull();
      expect(Date.parse(clock.endedAt!)).toBeGreaterThan(Date.parse(clock.startedAt!));
    }
  });

  it('marks steps ready once their prerequisites are done and pending before', () => {
    const state = reduceSession(new ScenarioBuilder().created().completeStep('P2').events);
    expect(state.steps.P4a.status).toBe('ready');
    expect(state.steps.D1.status).toBe('pending');
    expect(state.steps.P1.status).toBe('ready');
  });

  it('refuses anything before the session is created', () => {
    const events = new ScenarioBuilder().add({ type: 'step-started', stepId: 'P1' }).events;
    expect(refusal(events).code).toBe('session-not-created');
  });

  it('refuses a step started before its prerequisites', () => {
    const error = refusal(new ScenarioBuilder().created().add({ type: 'step-started', stepId: 'D1' }).events);
    expect(error.code).toBe('prerequisites-not-met');
    expect(error.message).toContain('P1');
  });

  it('refuses a second historical migration on NEW without a re-setup record', () => {
    const scenario = upToD7Running()
      .add({ type: 'tape-loaded', stepId: 'D7', server: 'NEW', tapeId: 'INCR-ORIG-1' })
      .add(historicalMigrationOnNew('INCR-ORIG-1'))
      .add(historicalMigrationOnNew('INCR-ORIG-1'));
    expect(refusal(scenario.events).code).toBe('migration-repeated');
  });

  it('allows the re-migration once the technician records that CMS was turned off and set up again', () => {
    const scenario = upToD7Running()
      .add({ type: 'tape-loaded', stepId: 'D7', server: 'NEW', tapeId: 'INCR-ORIG-1' })
      .add(historicalMigrationOnNew('INCR-ORIG-1'))
      .add({
        type: 'cms-resetup-confirmed',
        server: 'NEW',
        confirmedBy: 'RT',
        note: 'CMS turned off and set up again after a failed migration',
      })
      .add(historicalMigrationOnNew('INCR-ORIG-1'));
    const state = reduceSession(scenario.events);
    expect(state.migrations.filter((m) => m.tapeRole === 'INCR-ORIG').map((m) => m.setupGeneration)).toEqual([
      0, 1,
    ]);
  });

  it('refuses the full tape before the incremental tape in D7', () => {
    const scenario = upToD7Running()
      .add({ type: 'tape-loaded', stepId: 'D7', server: 'NEW', tapeId: 'FULL-ORIG-1' })
      .add(historicalMigrationOnNew('FULL-ORIG-1'));
    const error = refusal(scenario.events);
    expect(error.code).toBe('migration-out-of-order');
    expect(error.message).toContain('INCR-ORIG');
  });

  it('refuses a step fed a tape of the wrong role', () => {
    const scenario = upToD7Running().add({
      type: 'tape-loaded',
      stepId: 'D7',
      server: 'NEW',
      tapeId: 'ADMIN-ORIG-1',
    });
    const error = refusal(scenario.events);
    expect(error.code).toBe('wrong-tape-role');
    expect(error.message).toContain('ADMIN-ORIG');
  });

  it('refuses a migration from a tape other than the one loaded', () => {
    const scenario = upToD7Running()
      .add({ type: 'tape-loaded', stepId: 'D7', server: 'NEW', tapeId: 'FULL-ORIG-1' })
      .add(historicalMigrationOnNew('INCR-ORIG-1'));
    expect(refusal(scenario.events).code).toBe('tape-not-loaded');
  });

  it('refuses to pass a migration step whose migrations are not all recorded', () => {
    const scenario = upToD7Running()
      .add({ type: 'tape-loaded', stepId: 'D7', server: 'NEW', tapeId: 'INCR-ORIG-1' })
      .add(historicalMigrationOnNew('INCR-ORIG-1'))
      .add({ type: 'step-passed', stepId: 'D7' });
    expect(refusal(scenario.events).code).toBe('migrations-incomplete');
  });

  it('refuses to pass a backup step before its tapes are registered', () => {
    const scenario = new ScenarioBuilder()
      .created()
      .completeStep('P2')
      .add({ type: 'step-started', stepId: 'P4a' })
      .add({ type: 'step-passed', stepId: 'P4a' });
    expect(refusal(scenario.events).code).toBe('tapes-not-registered');
  });

  it("lets skippable, and nothing else, decide a skip: a refusal says the step data's own reason", () => {
    for (const id of STEP_IDS) {
      const events = new ScenarioBuilder()
        .created()
        .add({ type: 'step-skipped', stepId: id, reason: 'no time' }).events;
      const rule = stepDefinition(id).skippable;
      if (rule === true) expect(reduceSession(events).steps[id].status, id).toBe('skipped');
      else
        expect(refusal(events), id).toMatchObject({
          code: 'skip-refused',
          message: `${id} cannot be skipped: ${rule.refused}.`,
        });
    }
  });

  it('refuses skipping a verification or a migration, and a skip without a reason', () => {
    expect(
      refusal(
        new ScenarioBuilder().created().add({ type: 'step-skipped', stepId: 'P2', reason: 'no time' }).events,
      ).code,
    ).toBe('skip-refused');
    expect(
      refusal(new ScenarioBuilder().created().add({ type: 'step-skipped', stepId: 'D7', reason: 'x' }).events)
        .code,
    ).toBe('skip-refused');
    expect(
      refusal(
        new ScenarioBuilder().created().add({ type: 'step-skipped', stepId: 'P1', reason: '  ' }).events,
      ).code,
    ).toBe('skip-needs-reason');
  });

  it('lets a skipped step count as done for the steps after it, keeping the reason', () => {
    const state = reduceSession(
      new ScenarioBuilder()
        .created()
        .add({ type: 'step-skipped', stepId: 'P1', reason: 'Switch already on R10' }).events,
    );
    expect(state.steps.P1).toMatchObject({ status: 'skipped', reason: 'Switch already on R10' });
  });

  it('refuses illegal transitions: passing a step that never started, restarting a passed step', () => {
    expect(
      refusal(new ScenarioBuilder().created().add({ type: 'step-passed', stepId: 'P1' }).events).code,
    ).toBe('illegal-transition');
    const restarted = new ScenarioBuilder()
      .created()
      .completeStep('P1')
      .add({ type: 'step-started', stepId: 'P1' });
    expect(refusal(restarted.events).code).toBe('illegal-transition');
  });

  it('lets an interrupted step be started again by the technician, counting the attempts', () => {
    const state = reduceSession(
      new ScenarioBuilder()
        .created()
        .add({ type: 'step-started', stepId: 'P2' })
        .add({ type: 'step-interrupted', stepId: 'P2', reason: 'connection to ORIG lost' })
        .add({ type: 'step-started', stepId: 'P2' }).events,
    );
    expect(state.steps.P2).toMatchObject({ status: 'running', attempts: 2, reason: null });
  });

  it('refuses a tape registered by a step that does not produce that role', () => {
    const scenario = new ScenarioBuilder().created().add({
      type: 'tape-registered',
      tapeId: 'T1',
      role: 'FULL-NEW',
      producedBy: 'P4b',
      server: 'NEW',
      labelText: 'x',
      sequence: { number: 1, of: 1 },
      backupDate: '2026-11-22',
      cmsVersion: 'r3v11',
      writeProtected: false,
      verified: false,
      location: 'drive',
    });
    expect(refusal(scenario.events).code).toBe('tape-not-produced-by-step');
  });

  it('never mutates the state it is given', () => {
    const before = reduceSession(new ScenarioBuilder().created().events);
    const frozen = structuredClone(before);
    applySessionEvent(before, { type: 'step-started', stepId: 'P1', at: '2026-11-23T08:00:00.000Z' });
    expect(before).toEqual(frozen);
  });
});

describe('pinned host keys in the session', () => {
  it('keeps one pin per host and port, the latest confirmation winning', () => {
    const fingerprint = (c: string) => `SHA256:${c.repeat(43)}`;
    const state = reduceSession(
      new ScenarioBuilder()
        .created()
        .add({
          type: 'host-key-pinned',
          server: 'ORIG',
          host: 'cms-orig',
          port: 22,
          algorithm: 'ssh-rsa',
          fingerprint: fingerprint('a'),
        })
        .add({
          type: 'host-key-pinned',
          server: 'NEW',
          host: 'cms-new',
          port: 22,
          algorithm: 'ssh-ed25519',
          fingerprint: fingerprint('b'),
        })
        .add({
          type: 'host-key-pinned',
          server: 'ORIG',
          host: 'CMS-ORIG',
          port: 22,
          algorithm: 'ssh-rsa',
          fingerprint: fingerprint('c'),
        }).events,
    );
    expect(state.hostKeys.map((pin) => [pin.server, pin.fingerprint])).toEqual([
      ['NEW', fingerprint('b')],
      ['ORIG', fingerprint('c')],
    ]);
  });
});

describe('a step started again', () => {
  it('asks for its checklist and tapes afresh, keeping the evidence of the earlier attempt', () => {
    const state = reduceSession(
      new ScenarioBuilder()
        .created()
        .add({ type: 'step-started', stepId: 'P1' })
        .add({ type: 'checklist-item-ticked', stepId: 'P1', itemId: 'switch-release' })
        .add({
          type: 'evidence-recorded',
          stepId: 'P1',
          server: null,
          evidence: { kind: 'parsed', parser: 'note', result: 1 },
        })
        .add({ type: 'step-failed', stepId: 'P1', reason: 'switch still on R7' })
        .add({ type: 'step-started', stepId: 'P1' }).events,
    );
    expect(state.steps.P1).toMatchObject({ status: 'running', attempts: 2, checkedItems: [], reason: null });
    expect(state.steps.P1.evidence).toHaveLength(1);
  });
});
