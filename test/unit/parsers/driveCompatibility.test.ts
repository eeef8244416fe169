import { describe, expect, it } from 'vitest';
import { parseMtStatus } from '../../../shared/parsers/mtStatus.ts';
import { judgeDriveCompatibility } from '../../../shared/procedure/driveCompatibility.ts';
import type { PlatformId } from '../../../shared/procedure/platforms.ts';

const drive = (name: string) =>
  parseMtStatus(
    `${name} tape drive:\n   sense key(0x0)= No Additional Sense   residual= 0   retries= 0\n   file no= 0   block no= 0\n`,
  );
const MAMMOTH = 'Mammoth EXB-8900 8mm Helical Scan';
const EXB_14GB = 'Exabyte EXB-8505 8mm Helical Scan';
const DDS4 = "Vendor 'HP'   Product 'C5683A'";
const SLR5 = 'Tandberg SLR5 4/8GB';
/** How Solaris 8's st driver itself names an SLR5 (st_conf.c): by capacity, not by model. */
const SLR5_AS_SOLARIS_NAMES_IT = 'Tandberg 4/8 Gig QIC';
const side = (platform: PlatformId, name: string) => ({ platform, mt: drive(name) });

describe('the P2 drive verdict', () => {
  it('accepts the same drive family on both servers', () => {
    expect(judgeDriveCompatibility(side('blade100', DDS4), side('blade150', DDS4))).toMatchObject({
      verdict: 'compatible',
      family: 'dds4',
    });
  });

  it.each([
    ['e3000', EXB_14GB, 'e3500', MAMMOTH, 'mammoth', true],
    ['e3500', MAMMOTH, 'v880', DDS4, 'dds4', false],
    ['ultra5', SLR5, 'ultra5', DDS4, 'dds4', false],
    ['ultra5', SLR5, 'blade100', DDS4, 'dds4', false],
    ['ultra5', SLR5_AS_SOLARIS_NAMES_IT, 'ultra5', DDS4, 'dds4', false],
  ] as const)(
    'finds the manual case %s %s + %s %s: replace ORIG with %s',
    (origPlatform, origDrive, newPlatform, newDrive, replaceWith, discard) => {
      const verdict = judgeDriveCompatibility(side(origPlatform, origDrive), side(newPlatform, newDrive));
      expect(verdict).toMatchObject({
        verdict: 'replace-orig-drive',
        replacement: { replaceOrigDriveWith: replaceWith },
      });
      expect(verdict.verdict === 'replace-orig-drive' && verdict.warning !== null).toBe(discard);
    },
  );

  it('refuses to judge a drive whose sense key reports a condition, and says which', () => {
    const failing = parseMtStatus(
      `${DDS4} tape drive:\n   sense key(0x4)= Hardware Error   residual= 0   retries= 0\n   file no= 0   block no= 0\n`,
    );
    expect(
      judgeDriveCompatibility({ platform: 'blade100', mt: failing }, side('blade150', DDS4)),
    ).toMatchObject({
      verdict: 'cannot-judge',
      message: expect.stringContaining('ORIG: the drive reports "Hardware Error" (sense key 0x4)'),
    });
  });

  it('calls other mixes incompatible, and refuses to judge without a tape or with an unknown drive', () => {
    expect(
      judgeDriveCompatibility(side('blade100', SLR5), side('blade150', 'Quantum DLT7000')),
    ).toMatchObject({ verdict: 'incompatible' });
    expect(
      judgeDriveCompatibility(
        { platform: 'blade100', mt: parseMtStatus('/dev/rmt/0: no tape loaded or drive offline\n') },
        side('blade150', DDS4),
      ),
    ).toMatchObject({
      verdict: 'cannot-judge',
      message: expect.stringContaining('ORIG: /dev/rmt/0: no tape loaded or drive offline'),
    });
    expect(
      judgeDriveCompatibility(side('blade100', DDS4), side('blade150', "Vendor 'ACME' Product 'X1'")),
    ).toMatchObject({ verdict: 'cannot-judge' });
  });
});
