import { describe, expect, it } from 'vitest';
import { judgeArchiveInterval, parseArchiveStatus } from '../../../shared/parsers/archiveStatus.ts';
import { parseBrCheck } from '../../../shared/parsers/brCheck.ts';
import { parseCmsadmBackup } from '../../../shared/parsers/cmsadmBackup.ts';
import { HARMLESS_NON_CMS_RESTORE, parseMigrationLog } from '../../../shared/parsers/migrateLog.ts';
import { parseVolumeLabel } from '../../../shared/parsers/volumeLabel.ts';
import { checkVolumeLabel } from '../../../shared/procedure/volumeLabelRule.ts';
import { CMS_KEYS } from '../../support/cmsKeys.ts';
import { freshPair, runCms, runSim } from '../../support/simProgramRunner.ts';

describe('parseVolumeLabel', () => {
  it('reads every field of SYSTEM-YYMMDD-NN-LLLL-AA-M-TT', () => {
    expect(parseVolumeLabel('CMSORIG-021123-02-XSMC-00-F-01')).toMatchObject({
      kind: 'recognised',
      system: 'CMSORIG',
      date: '2002-11-23',
      backupOfDay: 2,
      letters: 'XSMC',
      dataTypes: {
        localSystemAdmin: false,
        cmsSystemAdmin: true,
        acdAdmin: true,
        historical: false,
        custom: true,
      },
      acd: 0,
      mode: 'full',
      tape: 1,
    });
    expect(parseVolumeLabel('CMS-EAST-1-991231-01-XXAC-03-I-02')).toMatchObject({
      system: 'CMS-EAST-1',
      date: '1999-12-31',
      dataTypes: { acdAdmin: true, historical: true },
      acd: 3,
      mode: 'incremental',
      tape: 2,
    });
  });

  it('refuses malformed labels', () => {
    for (const label of [
      'CMSORIG-021323-01-XSMC-00-F-01',
      'CMSORIG-021123-01-ZSMC-00-F-01',
      'CMSORIG-021123-01-XSMC-00-Q-01',
      'nonsense',
    ]) {
      expect(parseVolumeLabel(label).kind, label).toBe('unrecognised');
    }
  });

  it('checks a label against the tape role the step expects', () => {
    const label = (text: string) => {
      const parsed = parseVolumeLabel(text);
      if (parsed.kind !== 'recognised') throw new Error(parsed.reason);
      return parsed;
    };
    expect(checkVolumeLabel(label('CMSORIG-261123-01-XSMC-00-F-01'), 'ADMIN-ORIG')).toEqual({
      matches: true,
    });
    expect(checkVolumeLabel(label('CMSORIG-261122-01-LSAC-00-F-01'), 'ADMIN-ORIG')).toEqual({
      matches: false,
      reasons: ['the tape holds LSAC-F; ADMIN-ORIG must be XSMC-F'],
    });
    expect(checkVolumeLabel(label('CMSORIG-261123-02-XXAC-00-I-01'), 'INCR-ORIG')).toEqual({ matches: true });
    expect(checkVolumeLabel(label('CMSORIG-261123-02-XXHX-00-I-01'), 'INCR-ORIG')).toEqual({ matches: true });
    expect(checkVolumeLabel(label('CMSORIG-261122-01-LSAC-01-F-01'), 'FULL-ORIG')).toMatchObject({
      matches: false,
      reasons: [expect.stringContaining('ACD 1 only')],
    });
    expect(checkVolumeLabel(label('CMSORIG-261122-01-LSAC-00-F-01'), 'CMSADM-ORIG')).toMatchObject({
      matches: false,
    });
  });
});

describe('parseBrCheck', () => {
  async function listing(letters: string, mode: 'F' | 'I', answer = 'l') {
    const store = freshPair();
    await runSim(store, 'simctl insert DDS4-01');
    await runSim(store, `simctl write-maintenance DDS4-01 ${letters} ${mode}`);
    return (await runSim(store, '/cms/bin/br_check', ['q', '/dev/rmt/0c', answer])).stdout;
  }

  it('reads the label, the ACDs and the tables, and classifies the data types', async () => {
    const result = parseBrCheck(await listing('XSMC', 'F'));
    expect(result).toMatchObject({
      status: 'listed',
      volumeLabel: { letters: 'XSMC', mode: 'full' },
      acds: [1, 2],
      dataTypes: ['cmsSystemAdmin', 'acdSpecificAdmin', 'nonCms'],
      unknownTables: [],
      verified: false,
    });
    expect(parseBrCheck(await listing('LSAC', 'F', 'v'))).toMatchObject({
      dataTypes: ['localSystemAdmin', 'cmsSystemAdmin', 'acdSpecificAdmin', 'historical', 'nonCms'],
      verified: true,
    });
  });

  it('recognises the error outcomes', async () => {
    const store = freshPair();
    expect(parseBrCheck((await runSim(store, 'br_check', ['q', '/dev/rmt/0c'])).stderr)).toMatchObject({
      status: 'no-tape',
      device: '/dev/rmt/0c',
    });
    await runSim(store, 'simctl insert DDS4-02');
    expect(parseBrCheck((await runSim(store, 'br_check', ['q', '/dev/rmt/0c'])).stderr)).toMatchObject({
      status: 'not-a-backup',
    });
    expect(parseBrCheck((await runSim(store, 'br_check', ['q', '/dev/rmt/4'])).stderr)).toMatchObject({
      status: 'no-device',
    });
  });

  it('keeps tables it cannot classify apart, and refuses output without a label', () => {
    const text =
      'Volume label: CMSORIG-261123-01-XSMC-00-F-01\nACD(s) backed up on this volume: 1\nTables on this volume:\n    agroups\n    zz_custom_report\n';
    expect(parseBrCheck(text)).toMatchObject({
      dataTypes: ['acdSpecificAdmin'],
      unknownTables: ['zz_custom_report'],
    });
    expect(parseBrCheck('Enter device path: ')).toMatchObject({ kind: 'unrecognised' });
  });
});

describe('parseArchiveStatus and the D3 judgement', () => {
  const manual = `Maintenance: Archiving Status: List All
ACD       Arch. type  Status     Date       Time        Next Scheduled
acd2      Interval    Finished   1/12/00    8:05 a.m.   8:30 a.m.
acd1      Interval    Finished   1/12/00    8:05 a.m.   8:30 a.m.
Successful
`;

  it("reads the manual's example", () => {
    const parsed = parseArchiveStatus(manual);
    expect(parsed).toMatchObject({
      kind: 'recognised',
      records: [
        {
          acd: 'acd2',
          type: 'Interval',
          status: 'Finished',
          finishedAt: { date: '2000-01-12', minutes: 485 },
          nextScheduledMinutes: 510,
        },
        { acd: 'acd1' },
      ],
    });
  });

  it('says busy out at 8:08, wait at 8:12 with the next archive due, with a configurable allowance', () => {
    const parsed = parseArchiveStatus(manual);
    if (parsed.kind !== 'recognised') throw new Error('not recognised');
    expect(judgeArchiveInterval(parsed.records, { date: '2000-01-12', minutes: 488 }).busyOutNow).toBe(true);
    const late = judgeArchiveInterval(parsed.records, { date: '2000-01-12', minutes: 492 });
    expect(late).toMatchObject({
      busyOutNow: false,
      perAcd: [{ minutesSinceFinished: 7, nextInMinutes: 18 }, {}],
    });
    expect(late.advice).toContain('due in 18 minutes');
    expect(judgeArchiveInterval(parsed.records, { date: '2000-01-12', minutes: 492 }, 10).busyOutNow).toBe(
      true,
    );
  });

  it('reads the simulated window, and refuses rows it does not understand', async () => {
    const window = (await runCms(freshPair(), CMS_KEYS.archiveListAll)).screens.at(-1)!.rows.join('\n');
    expect(parseArchiveStatus(window)).toMatchObject({
      kind: 'recognised',
      records: [{ acd: 'acd1' }, { acd: 'acd2' }],
    });
    expect(parseArchiveStatus(manual.replace('Successful', 'acd3  Interval  ???'))).toMatchObject({
      kind: 'unrecognised',
    });
  });
});

describe('parseMigrationLog', () => {
  it('tells success, failure, the catastrophic second migration and the harmless restore error apart', async () => {
    const store = freshPair();
    await runSim(store, 'simctl insert DDS4-01');
    await runSim(store, 'simctl write-maintenance DDS4-01 XSMC F');
    await runCms(store, CMS_KEYS.migrateSystemAdmin);
    await runCms(store, CMS_KEYS.singleUser);
    await runCms(store, CMS_KEYS.migrateAdminBack);
    await runCms(store, CMS_KEYS.migrateSystemAdmin);
    const log = parseMigrationLog((await runSim(store, 'cat /cms/migrate/r3mig.log')).stdout);
    expect(log).toMatchObject({ kind: 'recognised', successes: 2, failures: 2, unrecognisedLines: 0 });
    expect(log.kind === 'recognised' && log.entries.map((e) => e.outcome)).toEqual([
      'failure',
      'success',
      'success',
      'catastrophic',
    ]);

    const errorLog = parseMigrationLog(`11/23/2026 10:00:00 ${HARMLESS_NON_CMS_RESTORE}\nsomething else\n`);
    expect(errorLog).toMatchObject({
      successes: 0,
      failures: 0,
      unrecognisedLines: 1,
      entries: [{ outcome: 'harmless' }, { outcome: 'unrecognised' }],
    });
  });
});

describe('parseCmsadmBackup', () => {
  it('reads a single-tape backup, and a failed one', async () => {
    const store = freshPair();
    await runSim(store, 'simctl insert DDS4-01');
    const done = parseCmsadmBackup((await runSim(store, 'cmsadm', ['3', ''])).stdout);
    expect(done).toMatchObject({
      status: 'completed',
      tapes: 1,
      blocksWritten: 1843200,
      blocksVerified: 1843200,
      verified: true,
      cmsVersion: 'r3v9ak.g',
    });
    await runSim(store, 'simctl protect DDS4-01 on');
    const failed = parseCmsadmBackup((await runSim(store, 'cmsadm', ['3', ''])).stdout);
    expect(failed).toMatchObject({ status: 'failed', message: '/dev/rmt/0: write protected or reserved.' });
    expect(parseCmsadmBackup('Avaya Call Management System Administration Menu\n')).toMatchObject({
      kind: 'unrecognised',
    });
  });
});
