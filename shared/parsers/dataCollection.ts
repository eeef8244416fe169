import { unrecognised, type Unrecognised } from './parseResult.ts';

export type DataCollection =
  { kind: 'recognised'; acds: { acd: string; on: boolean }[]; allOn: boolean; raw: string } | Unrecognised;

/** Parses the "System Setup: Data Collection" window: one row per ACD, on or off. */
export function parseDataCollection(raw: string): DataCollection {
  const text = raw.replace(/\r/g, '');
  const start = text.indexOf('ACD       Data collection\n');
  if (start < 0) return unrecognised(raw, 'no "Data collection" window');
  const acds: { acd: string; on: boolean }[] = [];
  for (const line of text.slice(start).split('\n').slice(1)) {
    const row = /^(\S+)\s+(on|off)\s*$/.exec(line);
    if (!row) break;
    acds.push({ acd: row[1]!, on: row[2] === 'on' });
  }
  if (acds.length === 0) return unrecognised(raw, 'the window lists no ACD');
  return { kind: 'recognised', acds, allOn: acds.every((a) => a.on), raw };
}
