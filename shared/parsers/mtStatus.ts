import { unrecognised, type Unrecognised } from './parseResult.ts';

/** Drive families the procedure tells apart (the manual's four drives and what else a CMS server may have). */
export const DRIVE_FAMILIES = [
  'mammoth',
  'exabyte-8mm',
  'dds4',
  'dds3',
  'dat',
  'slr5',
  'qic',
  'dlt',
  'lto',
  'ait',
  'unknown',
] as const;
export type DriveFamily = (typeof DRIVE_FAMILIES)[number];

/**
 * Sense keys as Solaris's `mt` names them: the SCSI keys 0x0-0xf, then Sun's pseudo-keys for
 * conditions the st driver reports itself (sys/scsi/targets/stdef.h: SUN_KEY_FATAL … SUN_KEY_WRONGMEDIA).
 */
export const SENSE_KEYS: readonly string[] = [
  'No Additional Sense',
  'Soft Error',
  'Not Ready',
  'Media Error',
  'Hardware Error',
  'Illegal Request',
  'Unit Attention',
  'Write Protected',
  'Blank Check',
  'Vendor Unique',
  'Copy Aborted',
  'Aborted Command',
  'Equal Error',
  'Volume Overflow',
  'Miscompare Error',
  'Reserved',
  'fatal',
  'timeout',
  'EOF',
  'EOT',
  'length error',
  'BOT',
  'wrong tape media',
];

/**
 * The sense keys after which a drive is ready for tape work: nothing to report, an error the drive
 * recovered from itself, and the positions Sun's driver reports (EOF, EOT, BOT). Every other key, and
 * any code outside the table, is a condition the technician must see (SCSI SPC sense keys; stdef.h).
 */
const READY_SENSE_KEYS: ReadonlySet<number> = new Set([0x0, 0x1, 0x12, 0x13, 0x15]);

export interface TapeDrive {
  /** As printed: the st driver's name, or `Vendor 'HP' Product 'C5683A'` for drives it has no entry for. */
  name: string;
  vendor: string | null;
  product: string | null;
  family: DriveFamily;
}

export type MtStatusError = 'no-tape' | 'write-protected' | 'busy' | 'no-device' | 'error';

/** What the status lines say about the drive and the tape in it. */
export interface DriveReport {
  drive: TapeDrive;
  senseKey: { code: number; text: string; pseudo: boolean };
  residual: number;
  retries: number;
  fileNo: number;
  blockNo: number;
  raw: string;
}

export type MtStatus =
  | ({ kind: 'recognised'; status: 'ready' } & DriveReport)
  /** The drive answered, but its sense key reports a condition (Not Ready, Media Error, Unit Attention…). */
  | ({ kind: 'recognised'; status: 'condition'; message: string } & DriveReport)
  | { kind: 'recognised'; status: MtStatusError; device: string; message: string; raw: string }
  | Unrecognised;

const ERROR_LINES: readonly { pattern: RegExp; status: MtStatusError }[] = [
  { pattern: /^(?:mt: )?(\S+): no tape loaded or drive offline\s*$/, status: 'no-tape' },
  { pattern: /^(?:mt: )?(\S+): write protected or reserved\.?\s*$/, status: 'write-protected' },
  { pattern: /^(?:mt: )?(\S+): Device busy\s*$/, status: 'busy' },
  { pattern: /^(?:mt: )?(\S+): No such (?:file or directory|device or address)\s*$/, status: 'no-device' },
  { pattern: /^(?:mt: )?(\/dev\/\S+): (I\/O error|Permission denied|.+)\s*$/, status: 'error' },
];

/** Parses the output of Solaris `mt -f <device> status`. */
export function parseMtStatus(raw: string): MtStatus {
  const text = raw.replace(/\r/g, '');
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return unrecognised(raw, 'no output');

  if (lines.length === 1) {
    for (const { pattern, status } of ERROR_LINES) {
      const match = pattern.exec(lines[0]!);
      if (match) return { kind: 'recognised', status, device: match[1]!, message: lines[0]!.trim(), raw };
    }
  }

  const header = /^\s*(.+?)\s+tape drive:\s*$/.exec(lines[0]!);
  if (!header) return unrecognised(raw, 'no "… tape drive:" line');
  const body = lines.slice(1).join(' ').replace(/\s+/g, ' ');
  const sense = /sense key\(0x([0-9a-fA-F]+)\)= ?(.+?) residual= ?(-?\d+)/.exec(body);
  const retries = /retries= ?(\d+)/.exec(body);
  const fileNo = /file no= ?(-?\d+)/.exec(body);
  const blockNo = /block no= ?(-?\d+)/.exec(body);
  if (!sense || !retries || !fileNo || !blockNo) {
    return unrecognised(raw, 'the sense key, residual, retries, file or block number is missing');
  }
  const code = parseInt(sense[1]!, 16);
  const text_ = sense[2]!.trim();
  if (SENSE_KEYS[code] !== undefined && SENSE_KEYS[code] !== text_) {
    return unrecognised(raw, `sense key 0x${sense[1]} is "${SENSE_KEYS[code]}", not "${text_}"`);
  }
  const report: DriveReport = {
    drive: identifyDrive(header[1]!),
    senseKey: { code, text: text_, pseudo: code >= 0x10 },
    residual: Number(sense[3]),
    retries: Number(retries[1]),
    fileNo: Number(fileNo[1]),
    blockNo: Number(blockNo[1]),
    raw,
  };
  if (READY_SENSE_KEYS.has(code)) return { kind: 'recognised', status: 'ready', ...report };
  return {
    kind: 'recognised',
    status: 'condition',
    message: `the drive reports "${text_}" (sense key 0x${code.toString(16)})`,
    ...report,
  };
}

const VENDOR_PRODUCT = /^Vendor '([^']*)'\s+Product '([^']*)'$/;

const FAMILY_RULES: readonly { family: DriveFamily; pattern: RegExp }[] = [
  { family: 'mammoth', pattern: /mammoth|EXB-?89\d\d|EXB-?M2/i },
  { family: 'exabyte-8mm', pattern: /exabyte|EXB-?8\d{3}|\b8mm\b/i },
  { family: 'dds4', pattern: /DDS-?4|C5683A|C5686A|SDT-1[01]000|DAT40/i },
  { family: 'dds3', pattern: /DDS-?3|C1537A|C1557A|SDT-9000|DAT24/i },
  { family: 'dat', pattern: /\bDDS\b|DDS-?[1256]|\bDAT\b|DAT72|C1533A|4mm/i },
  // Solaris's st driver names the SLR5 by its capacity, not its model: "Tandberg 4/8 Gig QIC"
  // (standard firmware) and "Tandberg 8 Gig QIC" (Sun firmware) in st_conf.c of Solaris 8; its
  // "Tandberg 2.5 Gig QIC" is the older TDC 4200, a plain QIC drive.
  { family: 'slr5', pattern: /SLR-?5\b|Tandberg (?:4\/8|8) Gig QIC/i },
  { family: 'qic', pattern: /\bSLR|QIC|Tandberg|Archive|Viper|Wangtek|MLR/i },
  { family: 'dlt', pattern: /\bS?DLT|DLT\d|Quantum DLT|TZ8\d/i },
  { family: 'lto', pattern: /LTO|Ultrium|ULT3580|ULTRIUM/i },
  { family: 'ait', pattern: /\bAIT|SDX-\d/i },
];

/** The drive as mt names it, and its family; a name no rule knows is family `unknown`, never a guess. */
export function identifyDrive(name: string): TapeDrive {
  const vendorProduct = VENDOR_PRODUCT.exec(name.trim());
  const vendor = vendorProduct ? vendorProduct[1]!.trim() : null;
  const product = vendorProduct ? vendorProduct[2]!.trim() : null;
  const haystack = vendorProduct ? `${vendor} ${product}` : name;
  const family = FAMILY_RULES.find((rule) => rule.pattern.test(haystack))?.family ?? 'unknown';
  return { name: name.trim(), vendor, product, family };
}

/** What a person needs from an `mt status` reading at a glance: the drive, its family and its state. */
export interface TapeDriveSummary {
  status: 'ready' | 'condition' | MtStatusError | 'unrecognised';
  /** The family the procedure knows it by (null when no drive line was read). */
  family: DriveFamily | null;
  name: string | null;
  /** Why it is not ready (the error line, the sense key's condition, or why the output was not read). */
  message: string | null;
}

export function summariseMtStatus(mt: MtStatus): TapeDriveSummary {
  if (mt.kind === 'unrecognised')
    return { status: 'unrecognised', family: null, name: null, message: mt.reason };
  if (mt.status === 'ready')
    return { status: 'ready', family: mt.drive.family, name: mt.drive.name, message: null };
  if (mt.status === 'condition')
    return { status: 'condition', family: mt.drive.family, name: mt.drive.name, message: mt.message };
  return { status: mt.status, family: null, name: null, message: mt.message };
}
