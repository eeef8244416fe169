import type { DriveFamily, MtStatus } from '../parsers/mtStatus.ts';
import { PLATFORM_NAMES, type PlatformId } from './platforms.ts';
import {
  DISCARD_OLD_TAPES_WARNING,
  findDriveReplacementCase,
  TAPE_DRIVE_NAMES,
  type DriveReplacementCase,
  type ProcedureTapeDrive,
} from './tapeDrives.ts';

export type DriveVerdict =
  | { verdict: 'compatible'; family: DriveFamily; message: string }
  | {
      verdict: 'replace-orig-drive';
      replacement: DriveReplacementCase;
      message: string;
      warning: string | null;
    }
  | { verdict: 'incompatible'; message: string }
  | { verdict: 'cannot-judge'; message: string };

/** The manual's drive names for the families `mt` reports; other families are not in the manual's cases. */
function procedureDrive(family: DriveFamily): ProcedureTapeDrive | null {
  switch (family) {
    case 'mammoth':
      return 'mammoth';
    case 'exabyte-8mm':
      return '14gb-8mm';
    case 'slr5':
      return 'slr5';
    case 'dds4':
      return 'dds4';
    default:
      return null;
  }
}

/**
 * P2: can tapes move between ORIG and NEW? Same drive family: yes. One of the manual's four cases:
 * ORIG's drive must be replaced before the upgrade (with the E3000 discard warning). Other mixes:
 * incompatible. A drive that reported no status, or an unknown one, cannot be judged.
 */
export function judgeDriveCompatibility(
  orig: { platform: PlatformId | null; mt: MtStatus },
  newServer: { platform: PlatformId | null; mt: MtStatus },
): DriveVerdict {
  const origReady = readyFamily('ORIG', orig.mt);
  if ('verdict' in origReady) return origReady;
  const newReady = readyFamily('NEW', newServer.mt);
  if ('verdict' in newReady) return newReady;
  const origFamily = origReady.family;
  const newFamily = newReady.family;
  const origDrive = procedureDrive(origFamily);
  const newDrive = procedureDrive(newFamily);
  if (orig.platform && newServer.platform && origDrive && newDrive) {
    const replacement = findDriveReplacementCase(
      { platform: orig.platform, drive: origDrive },
      { platform: newServer.platform, drive: newDrive },
    );
    if (replacement) {
      return {
        verdict: 'replace-orig-drive',
        replacement,
        message: `${PLATFORM_NAMES[orig.platform]} with a ${TAPE_DRIVE_NAMES[origDrive]} and a new ${PLATFORM_NAMES[newServer.platform]} with a ${TAPE_DRIVE_NAMES[newDrive]}: the drive of ORIG must be replaced by a ${TAPE_DRIVE_NAMES[replacement.replaceOrigDriveWith]} (by a Sun technician) before the upgrade starts.`,
        warning: replacement.discardOldTapes ? DISCARD_OLD_TAPES_WARNING : null,
      };
    }
  }
  if (origFamily === newFamily) {
    return {
      verdict: 'compatible',
      family: origFamily,
      message: `Both servers have ${origFamily} drives: tapes can be exchanged.`,
    };
  }
  return {
    verdict: 'incompatible',
    message: `ORIG has a ${origFamily} drive and NEW a ${newFamily} drive: tapes cannot be exchanged. Replace the older drive${newFamily === 'dds4' ? ' of ORIG with a DDS-4 drive' : ''} before the upgrade.`,
  };
}

function readyFamily(label: 'ORIG' | 'NEW', mt: MtStatus): { family: DriveFamily } | DriveVerdict {
  if (mt.kind !== 'recognised')
    return { verdict: 'cannot-judge', message: `${label}: the mt output was not recognised (${mt.reason}).` };
  if (mt.status === 'condition') {
    return {
      verdict: 'cannot-judge',
      message: `${label}: ${mt.message}. Check the drive and the tape in it (a cleaning cartridge, another tape) and check again.`,
    };
  }
  if (mt.status !== 'ready') {
    return {
      verdict: 'cannot-judge',
      message: `${label}: ${mt.message}. Insert a tape of the drive's type and check again.`,
    };
  }
  if (mt.drive.family === 'unknown') {
    return {
      verdict: 'cannot-judge',
      message: `${label}: the drive "${mt.drive.name}" is not one the procedure knows; compare the drives by hand.`,
    };
  }
  return { family: mt.drive.family };
}
