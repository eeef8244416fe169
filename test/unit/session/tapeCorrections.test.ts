import { testReportSigning } from '../../support/installationKey.ts';
import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../../shared/procedure/types.ts';
import { buildUpgradeReport } from '../../../shared/report/upgradeReport.ts';
import { renderReportHtml } from '../../../shared/report/reportHtml.ts';
import { reduceSession } from '../../../shared/session/reduceSession.ts';
import { registeredTapeRefusal } from '../../../shared/session/tapeCustody.ts';
import { describePlace } from '../../../shared/session/tapePlace.ts';
import { ScenarioBuilder } from '../../support/sessionScenario.ts';

/** P1 to P4b done: the CMSADM and full maintenance tapes of ORIG registered. */
const upToP4b = () => {
  const scenario = new ScenarioBuilder().created();
  for (const stepId of ['P1', 'P2', 'P3a', 'P3b', 'P4a', 'P4b'] as const) scenario.completeStep(stepId);
  return scenario;
};

describe("the technician's corrections of the tape register", () => {
  it('refuse writing on a registered tape, naming it and its role, until it is recorded as no longer holding its backup', () => {
    const scenario = upToP4b();
    const before = reduceSession(scenario.events);
    expect(registeredTapeRefusal(before, 'CMSADM-ORIG-1', 'Full maintenance backup of ORIG tape')).toMatch(
      /^CMSADM-ORIG-1 holds the CMSADM backup of ORIG .*still needs: do not write on it\. Remove it/,
    );
    expect(registeredTapeRefusal(before, 'DDS4-99', 'anything')).toBeNull();
    scenario.add({
      type: 'tape-corrected',
      tapeId: 'CMSADM-ORIG-1',
      correction: 'overwritten',
      reason: 'the full backup of P4b was run on it by mistake',
      by: 'R. Tech',
    });
    const after = reduceSession(scenario.events);
    expect(after.tapes['CMSADM-ORIG-1']).toMatchObject({
      condition: 'overwritten',
      corrections: [{ correction: 'overwritten', detail: null, by: 'R. Tech' }],
    });
    // It may be written again, under a new id: the old one stays the overwritten backup's.
    expect(registeredTapeRefusal(after, 'CMSADM-ORIG-1', 'anything')).toBe(
      'CMSADM-ORIG-1 is in the register already, as the CMSADM backup of ORIG (day before) (now overwritten): one id names one backup in the record. Write a new id on this cartridge (for example CMSADM-ORIG-1-B) and give that one.',
    );
  });

  it('move a tape only with where it is now, and say so in the report: history, deviations and the tape table', async () => {
    const scenario = upToP4b();
    expect(() =>
      reduceSession([
        ...scenario.events,
        {
          type: 'tape-corrected',
          tapeId: 'FULL-ORIG-1',
          correction: 'moved',
          reason: 'found',
          by: 'RT',
          at: '2026-11-23T09:00:00Z',
        },
      ]),
    ).toThrow('Say where FULL-ORIG-1 is now.');
    scenario
      .add({
        type: 'tape-corrected',
        tapeId: 'FULL-ORIG-1',
        correction: 'moved',
        detail: 'drive of NEW',
        reason: 'found there after D1',
        by: 'RT',
      })
      .add({
        type: 'tape-corrected',
        tapeId: 'CMSADM-ORIG-1',
        correction: 'lost',
        reason: 'not in the case after lunch',
        by: 'RT',
      });
    const state = reduceSession(scenario.events);
    expect(state.tapes['FULL-ORIG-1']).toMatchObject({
      place: { kind: 'drive', server: 'NEW' },
      placeSaidBy: 'technician',
      condition: 'intact',
    });
    const report = buildUpgradeReport(scenario.events, 'f'.repeat(64));
    expect(report.deviations.filter((d) => d.kind === 'correction').map((d) => d.text)).toEqual([
      'Tape FULL-ORIG-1: moved: now drive of NEW. Reason: found there after D1 (corrected by RT)',
      'Tape CMSADM-ORIG-1: lost. Reason: not in the case after lunch (corrected by RT)',
    ]);
    expect(report.tapes.find((tape) => tape.id === 'CMSADM-ORIG-1')!.history.at(-1)!.text).toBe(
      'lost. Reason: not in the case after lunch (corrected by RT)',
    );
    const html = renderReportHtml(report, {}, '2026-11-23T10:00:00Z', await testReportSigning(report));
    expect(html).toMatch(
      /<th scope="row" class="nowrap">CMSADM-ORIG-1<\/th>.*<strong>LOST<\/strong>: no longer holds this backup/,
    );
  });
});

describe('where a tape is, as the app reads the drives', () => {
  it('puts a tape read in a drive there, and takes the one recorded there before out of it', () => {
    const scenario = new ScenarioBuilder().created();
    for (const stepId of STEP_IDS.slice(0, STEP_IDS.indexOf('D7'))) scenario.completeStep(stepId);
    const afterD2 = reduceSession(scenario.events);
    expect(describePlace(afterD2.tapes['ADMIN-ORIG-1']!.place)).toBe('drive of NEW');
    scenario
      .add({ type: 'step-started', stepId: 'D7' })
      .add({ type: 'tape-loaded', stepId: 'D7', server: 'NEW', tapeId: 'INCR-ORIG-1' });
    const state = reduceSession(scenario.events);
    expect(state.tapes['INCR-ORIG-1']).toMatchObject({
      place: { kind: 'drive', server: 'NEW' },
      placeSaidBy: 'drive',
    });
    expect(describePlace(state.tapes['ADMIN-ORIG-1']!.place)).toBe(
      'out of the drive of NEW (where it went is not recorded)',
    );
    expect(describePlace(state.tapes['CMSADM-ORIG-1']!.place)).toBe('technician case');
  });
});

describe('a tape moved by the technician or the training box', () => {
  it('keeps the place of a tape moved before it was registered, and says who put it there', () => {
    const scenario = new ScenarioBuilder().created();
    for (const stepId of ['P1', 'P2', 'P3a', 'P3b'] as const) scenario.completeStep(stepId);
    scenario
      .add({
        type: 'tape-moved',
        tapeId: 'BLANK-9',
        to: { kind: 'drive', server: 'ORIG' },
        by: 'training-box',
        stepId: null,
      })
      .add({ type: 'tape-moved', tapeId: 'BLANK-9', to: { kind: 'desk' }, by: 'training-box', stepId: null });
    scenario.completeStep('P4a');
    const state = reduceSession(scenario.events);
    // The unregistered tape has a place too; the CMSADM tape registered with a place no move contradicts.
    expect(state.tapePlaces['BLANK-9']).toMatchObject({ place: { kind: 'desk' }, by: 'training-box' });
    expect(state.tapes['CMSADM-ORIG-1']).toMatchObject({ placeSaidBy: 'technician' });

    scenario.add({
      type: 'tape-moved',
      tapeId: 'CMSADM-ORIG-1',
      to: { kind: 'drive', server: 'NEW' },
      by: 'training-box',
      stepId: null,
    });
    scenario.add({
      type: 'tape-moved',
      tapeId: 'BLANK-9',
      to: { kind: 'drive', server: 'NEW' },
      by: 'technician',
      stepId: 'P4b',
    });
    const moved = reduceSession(scenario.events);
    // One cartridge per drive: the tape recorded there before is no longer said to be in it.
    expect(describePlace(moved.tapes['CMSADM-ORIG-1']!.place)).toBe(
      'out of the drive of NEW (where it went is not recorded)',
    );
    scenario.add({
      type: 'tape-moved',
      tapeId: 'CMSADM-ORIG-1',
      to: { kind: 'customer' },
      by: 'technician',
      stepId: null,
    });
    const report = buildUpgradeReport(scenario.events, 'f'.repeat(64));
    const tape = report.tapes.find((candidate) => candidate.id === 'CMSADM-ORIG-1')!;
    expect(tape.location).toBe("handed to the customer (technician's answer)");
    expect(tape.history.map((entry) => entry.text).slice(-2)).toEqual([
      'now drive of NEW (training tape box)',
      "now handed to the customer (technician's answer)",
    ]);
  });

  it("registers a tape at the place a move already gave it, not the step's guess", () => {
    const scenario = new ScenarioBuilder().created();
    for (const stepId of ['P1', 'P2', 'P3a', 'P3b'] as const) scenario.completeStep(stepId);
    scenario.add({
      type: 'tape-moved',
      tapeId: 'CMSADM-ORIG-1',
      to: { kind: 'desk' },
      by: 'training-box',
      stepId: null,
    });
    scenario.completeStep('P4a');
    expect(reduceSession(scenario.events).tapes['CMSADM-ORIG-1']).toMatchObject({
      place: { kind: 'desk' },
      placeSaidBy: 'training-box',
    });
  });
});
