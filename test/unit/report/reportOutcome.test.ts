import { describe, expect, it } from 'vitest';
import { outcomeSentences } from '../../../shared/report/reportOutcome.ts';
import { tapeChecklist } from '../../../shared/report/tapeChecklist.ts';
import { reduceSession } from '../../../shared/session/reduceSession.ts';
import { buildUpgradeReport } from '../../../shared/report/upgradeReport.ts';
import type { SessionEvent } from '../../../shared/session/sessionEvents.ts';
import { recordedTrainingEvents } from '../../support/recordedEvents.ts';

const events = recordedTrainingEvents();
const outcome = (list: SessionEvent[]) => outcomeSentences(buildUpgradeReport(list, 'f'.repeat(64)));

describe("the report's outcome, in sentences", () => {
  it('says the recorded run is complete, how long the windows lasted, what deviated, which tapes the customer keeps', () => {
    const sentences = outcome(events);
    expect(sentences[0]).toMatch(
      /^The upgrade is complete: all 17 steps are done, the last at 2026-11-23 \d\d:\d\d/,
    );
    expect(sentences[1]).toMatch(
      /^The outage window \(busy-out to data collection on NEW\) lasted \d+ h \d\d min|^The outage window .* lasted /,
    );
    expect(sentences[2]).toMatch(/^The admin freeze lasted /);
    expect(sentences).toContainEqual(
      expect.stringMatching(
        /^Deviations \(each listed with its reason under Deviations\): .*1 failed or interrupted attempt/,
      ),
    );
    expect(sentences).toContain('Run again until they passed: D2 (2 attempts).');
    expect(sentences).toContainEqual(
      expect.stringMatching(/^The customer keeps DDS4-01 \(CMSADM-ORIG, .*DDS4-05 \(FULL-NEW, /),
    );
    expect(sentences.at(-1)).toBe('The customer has not signed off yet.');
    expect(sentences.join(' ')).not.toMatch(/WARNING/);
  });

  it('does not list an overwritten tape as one to keep, and says so', () => {
    const overwritten = {
      type: 'tape-corrected',
      tapeId: 'DDS4-01',
      correction: 'overwritten',
      reason: 'a maintenance backup was written on it by mistake',
      by: 'R. Tech',
      at: events.at(-1)!.at,
    } as SessionEvent;
    const sentences = outcome([...events, overwritten]);
    expect(sentences.find((s) => s.startsWith('The customer keeps'))).not.toContain('DDS4-01');
    expect(sentences).toContain(
      'DDS4-01 (CMSADM-ORIG) is recorded as OVERWRITTEN: it is not a backup to keep.',
    );
    const keep = tapeChecklist(reduceSession([...events, overwritten])).keep.find(
      (t) => t.role === 'CMSADM-ORIG',
    )!;
    expect(keep.whereabouts).toEqual([
      expect.stringMatching(/^DDS4-01: .* \(OVERWRITTEN: not a backup to keep\)$/),
    ]);
  });

  it('groups the deviations: judgements, refusals, failed attempts with their resolution, skips, the rest', () => {
    const report = buildUpgradeReport(
      [
        ...events,
        {
          type: 'note-added',
          stepId: null,
          text: 'Printer out of paper.',
          at: events.at(-1)!.at,
        } as SessionEvent,
      ],
      'f'.repeat(64),
    );
    const failed = report.deviations.filter((d) => d.group === 'failed-attempt');
    expect(failed).toEqual([
      expect.objectContaining({ stepId: 'D2', kind: 'failed', resolution: 'passed on attempt 2' }),
    ]);
    expect(report.deviations.find((d) => d.text === 'Printer out of paper.')).toMatchObject({
      group: 'other',
    });
    const unresolved = buildUpgradeReport(
      events.slice(
        0,
        events.findIndex((e) => e.type === 'step-passed' && e.stepId === 'D2'),
      ),
      'f'.repeat(64),
    );
    expect(unresolved.deviations.find((d) => d.group === 'failed-attempt')?.resolution).toBe(
      'not resolved yet',
    );
  });

  it("says on the first page what the app refused, and which steps rest on a technician's verdict", () => {
    const at = events.at(-1)!.at;
    const report = buildUpgradeReport(
      [
        ...events,
        {
          type: 'mistake-refused',
          stepId: 'D11',
          text: 'DDS4-02 holds the full maintenance backup of ORIG: not written over.',
          at,
        } as SessionEvent,
      ],
      'f'.repeat(64),
    );
    expect(outcomeSentences(report)).toContain(
      'Refused by the app (D11): DDS4-02 holds the full maintenance backup of ORIG: not written over.',
    );
    expect(report.steps.some((step) => step.judgedByTechnician)).toBe(false);

    const judged = buildUpgradeReport(
      [
        ...events,
        {
          type: 'evidence-recorded',
          stepId: 'D4',
          server: 'NEW',
          evidence: {
            kind: 'verdict',
            reading: { about: 'The Data Collection window of NEW', lookFor: 'every ACD on', raw: '…' },
            verdict: { verdict: 'looks-right', reason: 'every ACD shows on' },
          },
          at,
        } as SessionEvent,
      ],
      'f'.repeat(64),
    );
    const d4 = judged.steps.find((step) => step.id === 'D4')!;
    expect(d4.judgedByTechnician).toBe(true);
    expect(d4.evidence.map((item) => item.summary)).toContain(
      'The Data Collection window of NEW: the app could not read the output; judged by the technician as looking right (every ACD shows on).',
    );
    expect(judged.steps.filter((step) => step.judgedByTechnician).map((step) => step.id)).toEqual(['D4']);
  });

  it("gives every time on the site's clock with UTC beside, once the site's time zone is known", () => {
    const zoned = events.map((event) =>
      event.type === 'cut-off-set' ? { ...event, timeZone: 'Europe/Paris' } : event,
    );
    expect(zoned.some((event) => event.type === 'cut-off-set')).toBe(true);
    const sentences = outcome(zoned);
    expect(sentences[0]).toMatch(
      /the last at 2026-11-23 \d\d:\d\d:\d\d Europe\/Paris \(\d\d:\d\d:\d\d UTC\)\.$/,
    );
  });

  it('says how far an unfinished upgrade got', () => {
    const beforeD5 = events.slice(
      0,
      events.findIndex((e) => e.type === 'step-started' && e.stepId === 'D5'),
    );
    const sentences = outcome(beforeD5);
    expect(sentences[0]).toMatch(
      /^The upgrade is not complete: 10 of 17 steps are done; still open: D5 \(ready\), D6 \(pending\)/,
    );
  });
});
