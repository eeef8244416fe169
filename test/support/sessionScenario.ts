import { stepDefinition } from '../../shared/procedure/procedureGraph.ts';
import { tapeRoleDefinition } from '../../shared/procedure/tapeRoles.ts';
import type { StepId, TapeRole } from '../../shared/procedure/types.ts';
import { STEP_IDS } from '../../shared/procedure/types.ts';
import type { SessionEvent } from '../../shared/session/sessionEvents.ts';

/** Builds event sequences for tests, with a clock that advances a minute per event. */
export class ScenarioBuilder {
  readonly events: SessionEvent[] = [];
  private minute = 0;

  private at(): string {
    const time = new Date(Date.UTC(2026, 10, 23, 7, 0) + this.minute++ * 60_000);
    return time.toISOString();
  }

  add(event: DistributiveOmit<SessionEvent, 'at'>): this {
    this.events.push({ ...event, at: this.at() } as SessionEvent);
    return this;
  }

  created(): this {
    return this.add({
      type: 'session-created',
      site: 'Acme Contact Centre, Leeds',
      technician: 'R. Tech',
      customerContact: 'J. Admin',
      training: true,
    });
  }

  tape(role: TapeRole, id = `${role}-1`): this {
    const definition = tapeRoleDefinition(role);
    return this.add({
      type: 'tape-registered',
      tapeId: id,
      role,
      producedBy: definition.producedBy,
      server: definition.server,
      labelText: `${role} 1 of 1`,
      sequence: { number: 1, of: 1 },
      backupDate: '2026-11-23',
      cmsVersion: definition.server === 'NEW' ? 'r3v11aj.c' : 'r3v9ak.g',
      writeProtected: true,
      verified: true,
      location: 'technician case',
    });
  }

  /** Runs a step to passed the way the manual describes it: tapes loaded, migrations in order, tapes registered. */
  completeStep(id: StepId): this {
    const step = stepDefinition(id);
    this.add({ type: 'step-started', stepId: id });
    for (const item of step.checklist)
      this.add({ type: 'checklist-item-ticked', stepId: id, itemId: item.id });
    for (const migration of step.migrations) {
      this.add({
        type: 'tape-loaded',
        stepId: id,
        server: migration.server,
        tapeId: `${migration.fromTape}-1`,
      });
      this.add({
        type: 'migration-recorded',
        stepId: id,
        server: migration.server,
        dataType: migration.dataType,
        tapeId: `${migration.fromTape}-1`,
      });
    }
    for (const role of step.tapesIn) {
      if (!step.migrations.some((m) => m.fromTape === role)) {
        this.add({ type: 'tape-loaded', stepId: id, server: targetServer(id), tapeId: `${role}-1` });
      }
    }
    for (const role of step.tapesOut) this.tape(role);
    return this.add({ type: 'step-passed', stepId: id });
  }

  completeAll(): this {
    for (const id of STEP_IDS) this.completeStep(id);
    return this;
  }
}

function targetServer(id: StepId) {
  const target = stepDefinition(id).target;
  return target === 'NEW' ? 'NEW' : 'ORIG';
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
