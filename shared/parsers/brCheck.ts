import { dataTypeOfTable, type CmsDataType } from '../procedure/cmsTables.ts';
import { unrecognised, type Unrecognised } from './parseResult.ts';
import { parseVolumeLabel, type VolumeLabel } from './volumeLabel.ts';

export type BrCheck =
  | {
      kind: 'recognised';
      status: 'listed';
      volumeLabel: VolumeLabel;
      acds: number[];
      tables: string[];
      /** Data types found among the tables; `unknownTables` lists what no rule classifies. */
      dataTypes: CmsDataType[];
      unknownTables: string[];
      verified: boolean;
      raw: string;
    }
  | {
      kind: 'recognised';
      status: 'no-tape' | 'not-a-backup' | 'no-device';
      device: string;
      message: string;
      raw: string;
    }
  | Unrecognised;

/** Parses the console output of `/cms/bin/br_check` (device type q, the device path, then l or v). */
export function parseBrCheck(raw: string): BrCheck {
  const text = raw.replace(/\r/g, '');
  const cannotOpen =
    /br_check: cannot open (\S+): (no tape loaded or drive offline|No such file or directory)/.exec(text);
  if (cannotOpen) {
    return {
      kind: 'recognised',
      status: cannotOpen[2] === 'No such file or directory' ? 'no-device' : 'no-tape',
      device: cannotOpen[1]!,
      message: cannotOpen[0],
      raw,
    };
  }
  const notBackup = /br_check: (\S+) does not hold a CMS backup volume/.exec(text);
  if (notBackup)
    return { kind: 'recognised', status: 'not-a-backup', device: notBackup[1]!, message: notBackup[0], raw };

  const labelLine = /^Volume label: (\S+)\s*$/m.exec(text);
  if (!labelLine) return unrecognised(raw, 'no "Volume label:" line');
  const volumeLabel = parseVolumeLabel(labelLine[1]!);
  if (volumeLabel.kind !== 'recognised')
    return unrecognised(raw, `the volume label "${labelLine[1]}" is ${volumeLabel.reason}`);
  const acdLine = /^ACD\(s\) backed up on this volume: ([\d ]+)$/m.exec(text);
  if (!acdLine) return unrecognised(raw, 'no "ACD(s) backed up on this volume:" line');
  const tablesStart = text.indexOf('Tables on this volume:\n');
  if (tablesStart < 0) return unrecognised(raw, 'no table listing (answer l or v at the prompt)');
  const tables: string[] = [];
  for (const line of text.slice(tablesStart).split('\n').slice(1)) {
    const table = /^ {2,}(\w+)\s*$/.exec(line);
    if (!table) break;
    tables.push(table[1]!);
  }
  if (tables.length === 0) return unrecognised(raw, 'the table listing is empty');
  const types = new Set<CmsDataType>();
  const unknownTables: string[] = [];
  for (const table of tables) {
    const type = dataTypeOfTable(table);
    if (type) types.add(type);
    else unknownTables.push(table);
  }
  return {
    kind: 'recognised',
    status: 'listed',
    volumeLabel,
    acds: acdLine[1]!.trim().split(/\s+/).map(Number),
    tables,
    dataTypes: [...types],
    unknownTables,
    verified: /^Volume verified: /m.test(text),
    raw,
  };
}
