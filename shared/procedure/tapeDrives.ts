import { MANUAL } from './manualSections.ts';
import type { PlatformId } from './platforms.ts';
import type { ManualReference } from './types.ts';

export type ProcedureTapeDrive = '14gb-8mm' | 'mammoth' | 'slr5' | 'dds4';

export const TAPE_DRIVE_NAMES: Readonly<Record<ProcedureTapeDrive, string>> = {
  '14gb-8mm': '14-GB 8mm tape drive',
  mammoth: 'Mammoth (Exabyte EXB-8900) 8mm tape drive',
  slr5: 'SLR5 tape drive',
  dds4: 'DDS-4 (HP C5683A) tape drive',
};

/** What `mt -f /dev/rmt/0 status` prints once the right drive is installed, as the manual shows it. */
export interface DriveVerification {
  drive: ProcedureTapeDrive;
  cartridge: string;
  command: string;
  expectedOutput: string;
  source: ManualReference;
}

export const DRIVE_VERIFICATIONS: readonly DriveVerification[] = [
  {
    drive: 'mammoth',
    cartridge: '8mm 170m AME tape cartridge',
    command: 'mt -f /dev/rmt/0 status',
    expectedOutput: [
      'Mammoth EXB-8900 8mm Helical Scan tape drive:',
      'sense key(0x0)= No Additional Sense   residual= 0   retries= 0',
      'file no= 0   block no= 0',
    ].join('\n'),
    source: MANUAL.mammoth,
  },
  {
    drive: 'dds4',
    // The manual says "150mm"; DDS-4 cartridges are 150 m long. Kept as printed so the technician recognises it.
    cartridge: '150mm 20GB DAT cartridge',
    command: 'mt -f /dev/rmt/0 status',
    expectedOutput: [
      "Vendor 'HP'   Product 'C5683A'   tape drive:",
      '',
      'sense key(0x0)= No Additional Sense',
      'residual= 0   retries= 0   file no= 0   block no= 0',
    ].join('\n'),
    source: MANUAL.dds4,
  },
];

/** "Platform considerations" (p. 23): the four cases in which ORIG's drive must be replaced before the upgrade. */
export interface DriveReplacementCase {
  id: string;
  orig: { platform: PlatformId; drive: ProcedureTapeDrive };
  new: { platform: PlatformId; drive: ProcedureTapeDrive };
  replaceOrigDriveWith: ProcedureTapeDrive;
  /** After replacing an E3000's drive every tape used with the old drive must be discarded. */
  discardOldTapes: boolean;
  source: ManualReference;
}

export const DRIVE_REPLACEMENT_CASES: readonly DriveReplacementCase[] = [
  {
    id: 'e3000-14gb-with-e3500-mammoth',
    orig: { platform: 'e3000', drive: '14gb-8mm' },
    new: { platform: 'e3500', drive: 'mammoth' },
    replaceOrigDriveWith: 'mammoth',
    discardOldTapes: true,
    source: MANUAL.platformConsiderations,
  },
  {
    id: 'e3500-mammoth-with-v880-dds4',
    orig: { platform: 'e3500', drive: 'mammoth' },
    new: { platform: 'v880', drive: 'dds4' },
    replaceOrigDriveWith: 'dds4',
    discardOldTapes: false,
    source: MANUAL.platformConsiderations,
  },
  {
    id: 'ultra5-slr5-with-ultra5-dds4',
    orig: { platform: 'ultra5', drive: 'slr5' },
    new: { platform: 'ultra5', drive: 'dds4' },
    replaceOrigDriveWith: 'dds4',
    discardOldTapes: false,
    source: MANUAL.platformConsiderations,
  },
  {
    id: 'ultra5-slr5-with-blade100-dds4',
    orig: { platform: 'ultra5', drive: 'slr5' },
    new: { platform: 'blade100', drive: 'dds4' },
    replaceOrigDriveWith: 'dds4',
    discardOldTapes: false,
    source: MANUAL.platformConsiderations,
  },
];

export const DISCARD_OLD_TAPES_WARNING =
  'After the original tape drive on an Enterprise 3000 has been replaced, you must discard any tapes which were in use with the old drive. Re-use of old tapes on the replacement drive will damage the tape device.';

export function findDriveReplacementCase(
  orig: { platform: PlatformId; drive: ProcedureTapeDrive },
  newServer: { platform: PlatformId; drive: ProcedureTapeDrive },
): DriveReplacementCase | undefined {
  return DRIVE_REPLACEMENT_CASES.find(
    (c) =>
      c.orig.platform === orig.platform &&
      c.orig.drive === orig.drive &&
      c.new.platform === newServer.platform &&
      c.new.drive === newServer.drive,
  );
}
