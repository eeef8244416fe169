import { groupedHex } from '../../../shared/report/signedHead.ts';
import { testReportSigning } from '../../support/installationKey.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSessionRecord, type SessionRecord } from '../../../electron/report/sessionRecord.ts';
import { renderLabelSheet } from '../../../shared/report/labelSheet.ts';
import { stepsCsv, tapesCsv } from '../../../shared/report/reportCsv.ts';
import { csvField } from '../../../shared/report/reportFormat.ts';
import { renderReportHtml } from '../../../shared/report/reportHtml.ts';
import { tapeChecklist } from '../../../shared/report/tapeChecklist.ts';
import { buildUpgradeReport, type UpgradeReport } from '../../../shared/report/upgradeReport.ts';
import { reduceSession } from '../../../shared/session/reduceSession.ts';
import type { SessionEvent } from '../../../shared/session/sessionEvents.ts';
import { RECORDED_SESSION } from '../../support/recordTrainingSession.ts';

/** Splits RFC 4180 CSV into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += char;
    }
  }
  return rows;
}

describe('the report in each of its forms', () => {
  let record: SessionRecord;
  let report: UpgradeReport;
  beforeAll(async () => {
    record = await readSessionRecord(RECORDED_SESSION);
    report = buildUpgradeReport(record.events, record.chainFingerprint);
  });

  it('HTML: self-contained, with the plan, the tapes, the timeline picture and the fingerprint', async () => {
    const html = renderReportHtml(
      report,
      { 'transcripts/P4a-ORIG-1.log': '1843200 blocks' },
      '2026-11-24T12:00:00Z',
      await testReportSigning(report),
    );
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(|@import/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect((html.match(/<rect [^>]*fill="#e53e3e"/g) ?? []).length).toBe(1);
    for (const text of [
      'Acme Contact Centre, Leeds',
      'DDS4-07',
      'Sun Blade 150',
      groupedHex(record.chainFingerprint),
      '1843200 blocks',
      '<h2>Sign-off</h2>',
      'Customer representative',
      '<svg class="qr"',
    ])
      expect(html).toContain(text);
    expect(html).toContain('Every step of the procedure is done.');
    expect((html.match(/<section class="step"/g) ?? []).length).toBe(17);
  });

  it('HTML: text from the session is escaped, never markup', async () => {
    const hostile: SessionEvent[] = [
      {
        type: 'session-created',
        site: '<script>alert(1)</script>',
        technician: '"><img src=x onerror=alert(2)>',
        customerContact: '',
        training: false,
        at: '2026-11-23T08:00:00Z',
      },
    ];
    const hostileReport = buildUpgradeReport(hostile, 'a'.repeat(64));
    const html = renderReportHtml(
      hostileReport,
      {},
      '2026-11-23T09:00:00Z',
      await testReportSigning(hostileReport),
    );
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('The upgrade is not complete');
  });

  it('CSV: one row per step and per tape, quoted where needed, formulas neutralised', () => {
    const steps = parseCsv(stepsCsv(report));
    expect(steps[0]).toEqual([
      'step',
      'title',
      'phase',
      'where',
      'kind',
      'state',
      'attempts',
      'started',
      'ended',
      'duration_s',
      'signed_off_by',
      'signed_off_at',
      'reason',
      'evidence',
    ]);
    expect(steps.slice(1).map((row) => `${row[0]} ${row[5]} ${row[6]}`)).toContain('D2 passed 2');
    expect(steps).toHaveLength(18);
    const tapes = parseCsv(tapesCsv(report));
    expect(tapes).toHaveLength(8);
    expect(tapes.find((row) => row[0] === 'DDS4-03')![14]).toContain('loaded on ORIG for D8');
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField('a,b')).toBe('"a,b"');
  });

  it('labels: one per tape written with its n of N, date, CMS version and volume label, and the write-protect reminder', async () => {
    const state = reduceSession(record.events);
    const sheet = renderLabelSheet(
      state,
      { ORIG: 'cms-orig', NEW: 'cms-new' },
      await testReportSigning(report),
    );
    expect(sheet).toContain(
      `Made from the session's journal after ${report.journal.events} events, journal head fingerprint ${groupedHex(report.journal.chainFingerprint)}, signed by installation key SHA256:`,
    );
    expect((sheet.match(/<div class="label" data-tape=/g) ?? []).length).toBe(7);
    expect(sheet).not.toContain('class="label blank"');
    expect((sheet.match(/WRITE-PROTECT: switch set to read-only/g) ?? []).length).toBe(7);
    const admin = /<div class="label" data-tape="DDS4-03">[\s\S]*?<\/div>\n<\/div>/.exec(sheet)![0];
    expect(admin).toContain('tape 1 of 1');
    expect(admin).toMatch(/CMS volume label: CMSORIG-\d{6}-\d{2}-XSMC-00-F-01/);
    expect(admin).toContain('Server cms-orig (ORIG)');
    expect(sheet).toContain('grid-template-columns: repeat(2, 99.1mm)');
    // Before anything is written, a blank label for each tape the procedure needs.
    const empty = renderLabelSheet(reduceSession(record.events.slice(0, 3)), {});
    expect((empty.match(/class="label blank"/g) ?? []).length).toBe(7);
  });

  it('tape checklist: what each day writes and brings, and what is kept or reused afterwards', () => {
    const checklist = tapeChecklist(reduceSession(record.events));
    const [dayBefore, upgradeDay] = checklist.days;
    expect(dayBefore!.toWrite.map((t) => t.role)).toEqual(['CMSADM-ORIG', 'FULL-ORIG']);
    expect(dayBefore!.toBring).toEqual([]);
    expect(upgradeDay!.toWrite.map((t) => t.role)).toEqual([
      'ADMIN-ORIG',
      'INCR-ORIG',
      'FULL-NEW',
      'CMSADM-NEW',
      'CMSADM-ORIG-FINAL',
    ]);
    expect(upgradeDay!.toBring.map((t) => [t.role, t.usedBy, t.tapeIds])).toEqual([
      ['FULL-ORIG', ['D7'], ['DDS4-02']],
    ]);
    expect(checklist.keep.map((t) => t.role)).toEqual([
      'CMSADM-ORIG',
      'FULL-NEW',
      'CMSADM-NEW',
      'CMSADM-ORIG-FINAL',
    ]);
    expect(checklist.reusable.map((t) => t.role)).toEqual(['FULL-ORIG', 'ADMIN-ORIG', 'INCR-ORIG']);
  });
});
