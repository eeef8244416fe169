import { beforeAll, describe, expect, it } from 'vitest';
import { readSessionRecord, type SessionRecord } from '../../../electron/report/sessionRecord.ts';
import { buildUpgradeReport, type UpgradeReport } from '../../../shared/report/upgradeReport.ts';
import { RECORDED_SESSION } from '../../support/recordTrainingSession.ts';

describe('the upgrade report of a recorded full training run', () => {
  let record: SessionRecord;
  let report: UpgradeReport;
  beforeAll(async () => {
    record = await readSessionRecord(RECORDED_SESSION);
    report = buildUpgradeReport(record.events, record.chainFingerprint, record.problem);
  });

  it('names the site, the people, and ties itself to the journal by its chain fingerprint', () => {
    expect(record.problem).toBeNull();
    expect(report.session).toMatchObject({
      site: 'Acme Contact Centre, Leeds',
      technician: 'R. Tech',
      customerContact: 'J. Admin, +44 113 496 0000',
      training: true,
    });
    expect(report.journal).toEqual({
      events: record.events.length,
      chainFingerprint: record.chainFingerprint,
      problem: null,
    });
    expect(record.chainFingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('describes both servers: platform, CMS version, HA role, pinned host key, legacy algorithms', () => {
    const pinned = record.events.filter((event) => event.type === 'host-key-pinned');
    expect(
      report.servers.map((s) => [s.role, s.platform, s.cmsVersion, s.haRole, s.legacyAlgorithms]),
    ).toEqual([
      ['ORIG', 'Sun Blade 100', 'r3v11ak.g', 'secondary', false],
      ['NEW', 'Sun Blade 150', 'r3v11ak.g', 'primary', false],
    ]);
    for (const server of report.servers) {
      const key = pinned.find((event) => event.server === server.role)!;
      expect(server.hostKeys).toEqual([
        { algorithm: key.algorithm, fingerprint: key.fingerprint, pinnedAt: key.at },
      ]);
    }
  });

  it("gives every step its state, times, sign-off and evidence, and the complete procedure's verdict", () => {
    expect(report.complete).toBe(true);
    expect(report.steps).toHaveLength(17);
    for (const step of report.steps) {
      expect(step.status, step.id).toBe('passed');
      expect(step.signOff?.initials, step.id).toBe('RT');
      expect(step.durationMs, step.id).toBe(Date.parse(step.endedAt!) - Date.parse(step.startedAt!));
    }
    const d2 = report.steps.find((step) => step.id === 'D2')!;
    expect(d2.attempts).toBe(2);
    expect(d2.transcripts.map((t) => t.path)).toEqual([
      'transcripts/D2-NEW-1.log',
      'transcripts/D2-NEW-2.log',
    ]);
    const p4a = report.steps.find((step) => step.id === 'P4a')!;
    expect(p4a.evidence.map((e) => e.parser)).toContain('cmsadm-backup');
    expect(p4a.evidence.find((e) => e.parser === 'cmsadm-backup')!.summary).toMatch(
      /^cmsadm on ORIG wrote 1 tape \(\d+ blocks\) of CMS r3v9ak\.g and verified \d+ blocks\.$/,
    );
  });

  it('says what the app read of every step in sentences, never as key/value text', () => {
    const sentences = report.steps.flatMap((step) => step.evidence.map((e) => e.summary));
    expect(sentences.length).toBeGreaterThan(10);
    for (const sentence of sentences) {
      expect(sentence).not.toMatch(/\b\w+(\.\w+)*: (recognised|unrecognised|true|false)\b|; \w+: \d+ items/);
      expect(sentence).not.toMatch(/the JSON record holds it/);
    }
    expect(sentences).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^mt status on ORIG: the .* drive is ready \(file \d+, block \d+\)\.$/),
        expect.stringMatching(
          /^br_check on ORIG lists volume CMSORIG-\d{6}-01-LSAC-00-F-01: \d+ tables .*, verified\.$/,
        ),
        expect.stringMatching(/^Data collection on NEW is on for all 2 ACDs\.$/),
        'CMS versions: ORIG r3v11ak.g, NEW r3v11ak.g.',
      ]),
    );
  });

  it('keeps every tape with its history, what to do with it after the upgrade, and the migrations from it', () => {
    expect(report.tapes.map((tape) => [tape.id, tape.role, tape.afterUpgrade])).toEqual([
      ['DDS4-01', 'CMSADM-ORIG', 'keep'],
      ['DDS4-02', 'FULL-ORIG', 'reusable'],
      ['DDS4-03', 'ADMIN-ORIG', 'reusable'],
      ['DDS4-04', 'INCR-ORIG', 'reusable'],
      ['DDS4-05', 'FULL-NEW', 'keep'],
      ['DDS4-06', 'CMSADM-NEW', 'keep'],
      ['DDS4-07', 'CMSADM-ORIG-FINAL', 'keep'],
    ]);
    const admin = report.tapes.find((tape) => tape.id === 'DDS4-03')!;
    expect(admin.history.map((entry) => entry.text)).toEqual([
      'written by D1 on ORIG (tape 1 of 1, verified)',
      'loaded on NEW for D2',
      'system-admin data migrated from it on NEW (D2)',
      'agent-call-center-admin data migrated from it on NEW (D2)',
      'loaded on ORIG for D8',
      'system-admin data migrated from it on ORIG (D8)',
      'agent-call-center-admin data migrated from it on ORIG (D8)',
    ]);
    const archive = report.tapes.find((tape) => tape.id === 'DDS4-05')!;
    expect(archive).toMatchObject({ labelled: true, location: "customer safe (technician's answer)" });
    expect(archive.history.at(-1)!.text).toBe('label written, now customer safe');
    expect(report.migrations).toHaveLength(6);
  });

  it('measures the cut-off, the admin freeze and the outage window', () => {
    const { cutOff, adminFreeze, outageWindow } = report.clocks;
    expect(cutOff).toBe('2026-11-24T06:00:00.000Z');
    for (const clock of [adminFreeze, outageWindow]) {
      expect(clock.durationMs).toBe(Date.parse(clock.endedAt!) - Date.parse(clock.startedAt!));
    }
  });

  it('lists every deviation: the failed attempt, the notes, and the discrepancies of the manual met on the way', () => {
    expect(report.deviations.map((d) => [d.kind, d.stepId])).toEqual([
      ['failed', 'D2'],
      ['note', 'D10'],
      ['note', 'D10'],
      ['discrepancy', 'D2'],
      ['discrepancy', 'D5'],
    ]);
    expect(report.deviations[0]!.text).toMatch(
      /^wrong tape in the drive of NEW .*ADMIN-ORIG must be XSMC-F$/,
    );
    expect(report.deviations[2]!.text).toBe('Customer asked for the restore log to be kept.');
  });

  it('gives the maintenance schedule with the servers in their HA roles, and the timeline of all 18 attempts', () => {
    expect(report.maintenanceSchedule.map((task) => task.server)).toEqual([
      'primary (NEW)',
      'secondary (ORIG)',
      'primary (NEW)',
    ]);
    expect(report.timeline).toHaveLength(18);
    expect(report.timeline.filter((a) => a.outcome === 'failed').map((a) => a.stepId)).toEqual(['D2']);
  });

  it('is a report of whatever was done, for a session just started', () => {
    const started = buildUpgradeReport(record.events.slice(0, 3), 'f'.repeat(64));
    expect(started.complete).toBe(false);
    expect(started.steps.every((step) => ['pending', 'ready'].includes(step.status))).toBe(true);
    expect(started.tapes).toEqual([]);
    expect(started.maintenanceSchedule[0]!.server).toBe('primary (not agreed yet)');
  });

  it('shows the selections seen when Run was activated as evidence, and as a deviation when they differed', () => {
    const at = '2026-11-23T10:00:00.000Z';
    const windowAtRun = (differences: string[] | null, wentAheadDespite: boolean) =>
      ({
        type: 'evidence-recorded',
        stepId: 'P1',
        server: 'ORIG',
        evidence: {
          kind: 'window-at-run',
          window: 'Maintenance: Backup Data',
          requirement: 'Back Up Data as the manual says.',
          differences,
          unreadable: differences === null ? 'no check box for Specific tables' : null,
          wentAheadDespite,
        },
        at,
      }) as const;
    const report = buildUpgradeReport(
      [
        ...record.events.slice(0, 3),
        windowAtRun([], false),
        windowAtRun(['Historical data is selected (full): this backup must exclude it.'], true),
      ],
      'f'.repeat(64),
    );
    expect(report.steps.find((step) => step.id === 'P1')!.evidence.map((e) => e.summary)).toEqual([
      'Run was activated on Maintenance: Backup Data with the selections the step requires.',
      "Run was activated on Maintenance: Backup Data with selections that differ from the step's: Historical data is selected (full): this backup must exclude it. The technician went ahead.",
    ]);
    expect(report.deviations.filter((d) => d.kind === 'selections')).toEqual([
      {
        at,
        stepId: 'P1',
        kind: 'selections',
        // Run chosen despite the hold: the technician's judgement, not a mistake prevented.
        group: 'judgement',
        text: "Run was activated on Maintenance: Backup Data with selections that differ from the step's: Historical data is selected (full): this backup must exclude it. The technician went ahead.",
      },
    ]);
  });
});
