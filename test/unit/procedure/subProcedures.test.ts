import { describe, expect, it } from 'vitest';
import { CMS_SETUP_ITEMS } from '../../../shared/procedure/cmsSetup.ts';
import {
  PLATFORM_IDS,
  SUPPORTED_PLATFORM_PAIRS,
  isSupportedPlatformPair,
  recommendPrimary,
} from '../../../shared/procedure/platforms.ts';
import { ROLLBACK_STEP } from '../../../shared/procedure/rollbackStep.ts';
import { SOFTWARE_EXCEPTIONS } from '../../../shared/procedure/siteConsiderations.ts';
import {
  DRIVE_REPLACEMENT_CASES,
  DRIVE_VERIFICATIONS,
  findDriveReplacementCase,
} from '../../../shared/procedure/tapeDrives.ts';

describe('supported platform combinations', () => {
  it('lists the ten pairs of the manual', () => {
    expect(SUPPORTED_PLATFORM_PAIRS).toHaveLength(10);
    expect(isSupportedPlatformPair('e3000', 'e3500')).toBe(true);
    expect(isSupportedPlatformPair('ultra5', 'blade100')).toBe(true);
    expect(isSupportedPlatformPair('ultra5', 'blade150')).toBe(false);
    expect(isSupportedPlatformPair('e3000', 'v880')).toBe(false);
  });

  it("recommends the manual's examples as primary: 3500 over 3000, V880 over 3500, Blade 100 over Ultra 5, Blade 150 over Blade 100", () => {
    expect(recommendPrimary({ platform: 'e3000' }, { platform: 'e3500' })).toMatchObject({
      supported: true,
      primary: 'second',
    });
    expect(recommendPrimary({ platform: 'v880' }, { platform: 'e3500' })).toMatchObject({ primary: 'first' });
    expect(recommendPrimary({ platform: 'ultra5' }, { platform: 'blade100' })).toMatchObject({
      primary: 'second',
    });
    expect(recommendPrimary({ platform: 'blade150' }, { platform: 'blade100' })).toMatchObject({
      primary: 'first',
    });
  });

  it('prefers an Ultra 5 Series 3 or later over Series 1 and 2, and lets equal platforms be either', () => {
    expect(
      recommendPrimary({ platform: 'ultra5', ultra5Series: 2 }, { platform: 'ultra5', ultra5Series: 3 }),
    ).toMatchObject({
      primary: 'second',
    });
    expect(recommendPrimary({ platform: 'ultra5' }, { platform: 'ultra5' })).toMatchObject({
      primary: 'either',
    });
    expect(recommendPrimary({ platform: 'v880' }, { platform: 'v880' })).toMatchObject({ primary: 'either' });
  });

  it('refuses every pair the manual does not list, naming the platforms', () => {
    for (const a of PLATFORM_IDS) {
      for (const b of PLATFORM_IDS) {
        const result = recommendPrimary({ platform: a }, { platform: b });
        expect(result.supported, `${a}+${b}`).toBe(isSupportedPlatformPair(a, b));
      }
    }
    const refused = recommendPrimary({ platform: 'ultra5' }, { platform: 'v880' });
    expect(refused).toEqual({
      supported: false,
      reason: expect.stringContaining('Sun Ultra 5 with Sun Fire V880'),
    });
  });
});

describe('tape drive verification', () => {
  it("keeps the manual's expected mt status outputs for Mammoth and DDS-4", () => {
    expect(DRIVE_VERIFICATIONS.map((v) => v.drive)).toEqual(['mammoth', 'dds4']);
    expect(DRIVE_VERIFICATIONS[0]!.expectedOutput).toContain('Mammoth EXB-8900 8mm Helical Scan tape drive:');
    expect(DRIVE_VERIFICATIONS[1]!.expectedOutput).toContain("Vendor 'HP'   Product 'C5683A'   tape drive:");
  });

  it('finds the four replacement cases and warns to discard old tapes only for the E3000', () => {
    expect(DRIVE_REPLACEMENT_CASES).toHaveLength(4);
    expect(
      findDriveReplacementCase(
        { platform: 'e3000', drive: '14gb-8mm' },
        { platform: 'e3500', drive: 'mammoth' },
      ),
    ).toMatchObject({ replaceOrigDriveWith: 'mammoth', discardOldTapes: true });
    expect(
      findDriveReplacementCase(
        { platform: 'ultra5', drive: 'slr5' },
        { platform: 'blade100', drive: 'dds4' },
      ),
    ).toMatchObject({ replaceOrigDriveWith: 'dds4', discardOldTapes: false });
    expect(
      findDriveReplacementCase({ platform: 'v880', drive: 'dds4' }, { platform: 'v880', drive: 'dds4' }),
    ).toBeUndefined();
  });
});

describe('the other sub-procedures', () => {
  it('has the nine items of "Setting up CMS on an HA server"', () => {
    expect(CMS_SETUP_ITEMS.map((item) => item.id)).toEqual([
      'authorizations',
      'storage-parameters',
      'switch-lan',
      'cms-application',
      'feature-packages',
      'remote-console',
      'aom',
      'nts',
      'alternate-boot-device',
    ]);
  });

  it('names the five software exceptions and the rollback tapes', () => {
    expect(SOFTWARE_EXCEPTIONS.map((e) => e.id)).toEqual([
      'x25',
      'internet-call-center',
      'nts',
      'isql',
      'odbc',
    ]);
    expect(ROLLBACK_STEP.tapesIn).toEqual(['CMSADM-ORIG', 'FULL-ORIG']);
  });
});
