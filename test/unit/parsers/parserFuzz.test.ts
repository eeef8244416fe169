import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArchiveStatus } from '../../../shared/parsers/archiveStatus.ts';
import { parseBrCheck } from '../../../shared/parsers/brCheck.ts';
import { parseCmsadmBackup } from '../../../shared/parsers/cmsadmBackup.ts';
import { parseDataCollection } from '../../../shared/parsers/dataCollection.ts';
import { parseMigrationLog } from '../../../shared/parsers/migrateLog.ts';
import { parseMtStatus } from '../../../shared/parsers/mtStatus.ts';
import { parseVolumeLabel } from '../../../shared/parsers/volumeLabel.ts';
import { plainTranscript } from '../../../shared/session/plainTranscript.ts';
import { RECORDED_SESSION } from '../../support/recordTrainingSession.ts';
import { CMS_KEYS } from '../../support/cmsKeys.ts';
import { freshPair, runCms, runSim } from '../../support/simProgramRunner.ts';

type AnyResult = { kind: string; raw?: string; reason?: string };

/** Every console parser, and what counts as a positive verdict (the one thing garbage must never yield). */
const PARSERS: Record<string, { parse: (raw: string) => AnyResult; passes: (result: never) => boolean }> = {
  'mt status': { parse: parseMtStatus, passes: (r: { status?: string }) => r.status === 'ready' },
  cmsadm: { parse: parseCmsadmBackup, passes: (r: { status?: string }) => r.status === 'completed' },
  br_check: { parse: parseBrCheck, passes: (r: { status?: string }) => r.status === 'listed' },
  'archive status': { parse: parseArchiveStatus, passes: (r: { kind: string }) => r.kind === 'recognised' },
  'data collection': { parse: parseDataCollection, passes: (r: { kind: string }) => r.kind === 'recognised' },
  'migration log': {
    parse: parseMigrationLog,
    passes: (r: { successes?: number }) => (r.successes ?? 0) > 0,
  },
  'volume label': { parse: parseVolumeLabel, passes: (r: { kind: string }) => r.kind === 'recognised' },
};

/** Real console output the parsers accept: the recorded training run's transcripts and the simulator's logs. */
const SEEDS: Record<string, string> = {};

const transcript = (name: string) => readFile(path.join(RECORDED_SESSION, 'transcripts', name), 'utf8');

beforeAll(async () => {
  SEEDS['mt status'] = (await transcript('P2-ORIG-1.log')).replace(/\r/g, '');
  SEEDS.cmsadm = await transcript('P4a-ORIG-1.log');
  SEEDS.br_check = plainTranscript(await transcript('D1-ORIG-1.log'));
  const store = freshPair();
  await runSim(store, 'simctl insert DDS4-01');
  await runSim(store, 'simctl write-maintenance DDS4-01 XSMC F');
  await runCms(store, CMS_KEYS.singleUser);
  await runCms(store, CMS_KEYS.migrateSystemAdmin);
  SEEDS['migration log'] = (await runSim(store, 'cat /cms/migrate/r3mig.log')).stdout;
  SEEDS['archive status'] = (await runCms(store, CMS_KEYS.archiveListAll)).screens.at(-1)!.rows.join('\n');
  SEEDS['data collection'] = (await runCms(store, CMS_KEYS.dataCollection)).screens.at(-1)!.rows.join('\n');
  SEEDS['volume label'] = 'CMSORIG-261123-02-XSMC-00-F-01';
  for (const [name, seed] of Object.entries(SEEDS)) {
    const parser = PARSERS[name]!;
    if (!parser.passes(parser.parse(seed) as never))
      throw new Error(`the ${name} seed does not pass its parser`);
  }
});

/** Lines a console could plausibly print: fragments of every dialect the parsers know, and near misses. */
const NEAR_MISS_LINES = [
  "Vendor 'HP' Product 'C5683A' tape drive:",
  'sense key(0x0)= No Additional Sense   residual= 0   retries= 0',
  'sense key(0x6)= No Additional Sense   residual= 0   retries= 0',
  'file no= 0   block no= 0',
  '/dev/rmt/0: no tape loaded or drive offline',
  '1843200 blocks',
  'Tape Verification',
  'Please label the backup tape(s) with the date and the current CMS',
  'version (r3v11ak.g)',
  'End of medium on "output".',
  'Volume label: CMSORIG-261123-02-XSMC-00-F-01',
  'Volume label: CMSORIG-999999-02-XSMC-00-F-01',
  'ACD(s) backed up on this volume: 1 2',
  'Tables on this volume:',
  '    cms_users',
  'Volume verified: 12 tables read without error.',
  '11/23/2026 10:00:00 R3 Migrate: System Administration data migrated from volume X: completed, 0 errors',
  '11/23/2026 10:00:00 R3 Migrate ERROR: catastrophic',
  'acd1  Interval  11/23/2026  10:15  Successful',
  'ACD    Data collection',
  'acd1   on',
  'acd2   off',
  '\u001b[2J\u001b[1;1H',
  '',
];
/** Runs of one character or fragment: what makes an unbounded `\S+` or `\r+\n` backtrack. */
const PATHOLOGICAL_UNITS = [
  'a',
  ':',
  '0',
  '(',
  '-',
  "'",
  'CMS',
  '\u001b[',
  '\u001b]',
  '\r',
  ' ',
  'x: ',
  '\t',
];
const nearMiss = fc
  .array(fc.oneof(fc.constantFrom(...NEAR_MISS_LINES), fc.string({ maxLength: 40 })), { maxLength: 30 })
  .map((lines) => lines.join(fc.sample(fc.constantFrom('\n', '\r\n'), 1)[0]!));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 2000 }), nearMiss);

/** Console output damaged the ways a real session damages it: cut short, a line lost, bytes garbled. */
function mutated(seed: string): fc.Arbitrary<string> {
  const lines = seed.split('\n');
  return fc.oneof(
    fc.nat({ max: seed.length }).map((cut) => seed.slice(0, cut)),
    fc.nat({ max: lines.length - 1 }).map((drop) => lines.filter((_, i) => i !== drop).join('\n')),
    fc
      .tuple(
        fc.nat({ max: Math.max(0, seed.length - 1) }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
      )
      .map(([at, garbage]) => seed.slice(0, at) + garbage + seed.slice(at + 1)),
    fc
      .tuple(fc.nat({ max: lines.length }), fc.constantFrom(...NEAR_MISS_LINES))
      .map(([at, line]) => [...lines.slice(0, at), line, ...lines.slice(at)].join('\n')),
  );
}

describe('every console parser on random and damaged output', () => {
  for (const [name, parser] of Object.entries(PARSERS)) {
    describe(name, () => {
      it('never throws, keeps the raw text and gives a reason when it does not recognise the text', () => {
        fc.assert(
          fc.property(anyText, (text) => {
            const result = parser.parse(text);
            expect(['recognised', 'unrecognised']).toContain(result.kind);
            if ('raw' in result && name !== 'volume label') expect(result.raw).toBe(text);
            if (result.kind === 'unrecognised') expect(result.reason).toBeTruthy();
          }),
          { numRuns: 400 },
        );
      });

      it('never passes random text', () => {
        fc.assert(
          fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
            expect(parser.passes(parser.parse(text) as never)).toBe(false);
          }),
          { numRuns: 400 },
        );
      });

      it('survives damaged real output without throwing', () => {
        fc.assert(
          fc.property(mutated(SEEDS[name]!), (text) => {
            const result = parser.parse(text);
            expect(['recognised', 'unrecognised']).toContain(result.kind);
          }),
          { numRuns: 300 },
        );
      });

      it(
        // A pattern that backtracks quadratically hangs the main process on crafted output: these inputs
        // took seconds before the patterns were bounded; the test's own timeout is the hang detector.
        'finishes on a megabyte of repeated near misses and on runs of single characters',
        { timeout: 15_000 },
        () => {
          for (const line of NEAR_MISS_LINES) {
            const big = `${line}\n`.repeat(Math.ceil(1_000_000 / (line.length + 1)));
            expect(['recognised', 'unrecognised']).toContain(parser.parse(big).kind);
            expect(['recognised', 'unrecognised']).toContain(parser.parse(line.repeat(20_000)).kind);
          }
          for (const unit of PATHOLOGICAL_UNITS)
            expect(['recognised', 'unrecognised']).toContain(
              parser.parse(unit.repeat(300_000 / unit.length)).kind,
            );
        },
      );
    });
  }

  it(
    'a transcript made readable takes linear time on runs of carriage returns and escapes',
    { timeout: 10_000 },
    () => {
      for (const unit of PATHOLOGICAL_UNITS)
        expect(typeof plainTranscript(unit.repeat(300_000 / unit.length))).toBe('string');
    },
  );

  it('a CMSADM transcript cut before its label instruction never reads as a completed backup', () => {
    const seed = SEEDS.cmsadm!;
    const labelAt = seed.indexOf('version (');
    fc.assert(
      fc.property(fc.nat({ max: labelAt }), (cut) => {
        expect(parseCmsadmBackup(seed.slice(0, cut))).not.toMatchObject({ status: 'completed' });
      }),
    );
  });

  it('an mt status without its sense key or position lines never reads as a ready drive', () => {
    const seed = SEEDS['mt status']!;
    const lines = seed.split('\n');
    for (const [index, line] of lines.entries()) {
      if (!/sense key|block no|file no|retries/.test(line)) continue;
      const without = lines.filter((_, i) => i !== index).join('\n');
      expect(parseMtStatus(without), line).not.toMatchObject({ status: 'ready' });
    }
  });

  it('a migration log line damaged anywhere is never counted as a success', () => {
    const success = SEEDS['migration log']!.split('\n').find((line) =>
      line.includes('migrated from volume'),
    )!;
    fc.assert(
      fc.property(
        fc.nat({ max: success.length - 1 }),
        fc.constantFrom('#', 'X', ' ', ''),
        (at, replacement) => {
          const damaged = success.slice(0, at) + replacement + success.slice(at + 1);
          fc.pre(damaged !== success && !/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} /.test(damaged) === false);
          const log = parseMigrationLog(damaged);
          const entry = log.kind === 'recognised' ? log.entries[0] : undefined;
          if (entry?.outcome === 'success') {
            // Only damage inside the free text (data type, volume, the part after the volume) may still read as a success.
            expect(damaged).toMatch(/R3 Migrate: .+ migrated from volume \S+ .*: completed, 0 errors$/);
          }
        },
      ),
    );
  });
});
