import { describe, expect, it } from 'vitest';
import {
  producersOfConsumedTapes,
  stepDefinition,
  transitivePrerequisites,
} from '../../../shared/procedure/procedureGraph.ts';
import { PROCEDURE_STEPS } from '../../../shared/procedure/steps.ts';
import { TAPE_ROLE_DEFINITIONS, tapeRoleDefinition } from '../../../shared/procedure/tapeRoles.ts';
import { STEP_IDS, TAPE_ROLES } from '../../../shared/procedure/types.ts';
import { volumeLabelContentFor } from '../../../shared/procedure/volumeLabel.ts';

describe('the HA upgrade procedure as data', () => {
  it('has every step of DESIGN.md exactly once, day before first', () => {
    expect(PROCEDURE_STEPS.map((step) => step.id)).toEqual([...STEP_IDS]);
    const phases = PROCEDURE_STEPS.map((step) => step.phase);
    expect(phases.lastIndexOf('day-before')).toBeLessThan(phases.indexOf('upgrade-day'));
  });

  it('lists every prerequisite before the step that needs it, so the table order is a valid run order', () => {
    const position = new Map(PROCEDURE_STEPS.map((step, index) => [step.id, index]));
    for (const step of PROCEDURE_STEPS) {
      for (const prerequisite of step.prerequisites) {
        expect(position.get(prerequisite), `${prerequisite} before ${step.id}`).toBeLessThan(
          position.get(step.id)!,
        );
      }
    }
  });

  it('produces every tape role exactly once', () => {
    for (const role of TAPE_ROLES) {
      const producers = PROCEDURE_STEPS.filter((step) => step.tapesOut.includes(role)).map((step) => step.id);
      expect(producers, role).toHaveLength(1);
      expect(producers[0]).toBe(tapeRoleDefinition(role).producedBy);
    }
    expect(TAPE_ROLE_DEFINITIONS.map((definition) => definition.role).sort()).toEqual([...TAPE_ROLES].sort());
  });

  it('never consumes a tape before the step that produces it', () => {
    for (const step of PROCEDURE_STEPS) {
      const before = transitivePrerequisites(step.id);
      for (const producer of producersOfConsumedTapes(step.id)) {
        expect(before.has(producer), `${step.id} consumes a tape of ${producer}`).toBe(true);
      }
    }
  });

  it('migrates the admin data to NEW before any historical data', () => {
    const adminToNew = PROCEDURE_STEPS.filter((step) =>
      step.migrations.some((m) => m.server === 'NEW' && m.dataType !== 'historical'),
    );
    const historicalToNew = PROCEDURE_STEPS.filter((step) =>
      step.migrations.some((m) => m.server === 'NEW' && m.dataType === 'historical'),
    );
    expect(adminToNew.map((s) => s.id)).toEqual(['D2']);
    expect(historicalToNew.map((s) => s.id)).toEqual(['D7']);
    expect(transitivePrerequisites('D7').has('D2')).toBe(true);
  });

  it('migrates the incremental tape before the full tape, and system admin before agent/call center admin', () => {
    expect(stepDefinition('D7').migrations.map((m) => m.fromTape)).toEqual(['INCR-ORIG', 'FULL-ORIG']);
    expect(stepDefinition('D7').tapesIn).toEqual(['INCR-ORIG', 'FULL-ORIG']);
    expect(stepDefinition('D2').migrations.map((m) => m.dataType)).toEqual([
      'system-admin',
      'agent-call-center-admin',
    ]);
  });

  it('migrates the admin data from the admin-only tape of D1, never the full or CMSADM tape', () => {
    for (const id of ['D2', 'D8'] as const) {
      expect(
        stepDefinition(id).migrations.every((m) => m.fromTape === 'ADMIN-ORIG'),
        id,
      ).toBe(true);
    }
  });

  it('runs the CMSADM backups last: D11 comes after every other step', () => {
    const before = transitivePrerequisites('D11');
    for (const id of STEP_IDS) if (id !== 'D11') expect(before.has(id), id).toBe(true);
    expect(stepDefinition('D11').tapesOut).toEqual(['CMSADM-NEW', 'CMSADM-ORIG-FINAL']);
  });

  it('refuses skipping on every step that migrates data or is a verification', () => {
    for (const step of PROCEDURE_STEPS) {
      if (step.migrations.length > 0) expect(step.skippable, step.id).not.toBe(true);
    }
    for (const id of ['P2', 'D4', 'D6'] as const) expect(stepDefinition(id).skippable, id).not.toBe(true);
  });

  it('gives each maintenance backup the manual exact window selections', () => {
    const d1 = stepDefinition('D1').checklist.find((item) => item.selections)?.selections;
    expect(d1).toMatchObject({
      acds: 'all',
      localSystemAdmin: false,
      cmsSystemAdmin: true,
      acdSpecificAdmin: true,
      historical: 'none',
      nonCms: true,
    });
    const d8 = stepDefinition('D8').checklist.find((item) => item.selections)?.selections;
    expect(d8).toMatchObject({ dataTypes: ['system-admin', 'agent-call-center-admin'], acds: 'all' });
    const d10 = stepDefinition('D10').checklist.find((item) => item.selections)?.selections;
    expect(d10).toEqual({
      window: 'Maintenance: Restore Data',
      administration: false,
      historical: true,
      nonCms: true,
    });
  });

  it('computes the volume label letters DESIGN.md gives for each maintenance backup', () => {
    const label = (role: (typeof TAPE_ROLES)[number]) =>
      volumeLabelContentFor(tapeRoleDefinition(role).backupSelections!);
    expect(label('ADMIN-ORIG')).toEqual({ dataLetters: 'XSMC', acd: '00', mode: 'F' });
    expect(label('FULL-ORIG')).toEqual({ dataLetters: 'LSAC', acd: '00', mode: 'F' });
    expect(label('INCR-ORIG')).toEqual({ dataLetters: 'XXAC', acd: '00', mode: 'I' });
    expect(label('FULL-NEW')).toEqual({ dataLetters: 'LSAC', acd: '00', mode: 'F' });
  });

  it("shows the manual's two self-contradictions as discrepancy notes on D2 and D5", () => {
    const discrepancies = PROCEDURE_STEPS.flatMap((step) =>
      step.notes.filter((note) => note.kind === 'discrepancy').map(() => step.id),
    );
    expect(discrepancies).toEqual(['D2', 'D5']);
  });

  it('starts and ends the admin freeze and the outage window where the manual says', () => {
    expect(stepDefinition('D1').clocks).toContainEqual({ clock: 'admin-freeze', edge: 'start' });
    expect(stepDefinition('D10').clocks).toContainEqual({ clock: 'admin-freeze', edge: 'end' });
    expect(stepDefinition('D3').checklist.find((item) => item.id === 'links-busied-out')?.clock).toEqual({
      clock: 'outage-window',
      edge: 'start',
    });
    expect(stepDefinition('D4').clocks).toContainEqual({ clock: 'outage-window', edge: 'end' });
  });

  it('gives checklist items ids unique within their step', () => {
    for (const step of PROCEDURE_STEPS) {
      const ids = step.checklist.map((item) => item.id);
      expect(new Set(ids).size, step.id).toBe(ids.length);
    }
  });
});
