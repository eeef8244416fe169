import { unrecognised, type Unrecognised } from './parseResult.ts';

export type CmsadmBackup =
  | {
      kind: 'recognised';
      status: 'completed';
      tapes: number;
      blocksWritten: number;
      blocksVerified: number;
      verified: boolean;
      cmsVersion: string;
      raw: string;
    }
  | { kind: 'recognised'; status: 'failed'; message: string; raw: string }
  | Unrecognised;

/** Parses the console transcript of a `cmsadm` backup (manual pp. 25-26). */
export function parseCmsadmBackup(raw: string): CmsadmBackup {
  const text = raw.replace(/\r/g, '');
  // The device name is bounded: an unbounded \S+ here made crafted output take quadratic time.
  const problem = /(\S{1,255}: (?:write protected or reserved\.|no tape loaded or drive offline))/.exec(text);
  const label =
    /Please label the backup tape\(s\) with the date and the current CMS\s*\nversion \(([^)]+)\)/.exec(text);
  if (!label) {
    if (problem) return { kind: 'recognised', status: 'failed', message: problem[1]!, raw };
    return unrecognised(raw, 'the backup did not reach the label instruction');
  }
  const blocks = [...text.matchAll(/^(\d+) blocks$/gm)].map((m) => Number(m[1]));
  if (blocks.length !== 2 || !/Tape Verification/.test(text)) {
    return unrecognised(raw, 'expected the written and the verified block counts around "Tape Verification"');
  }
  const endOfMedium = [...text.matchAll(/insert tape number (\d+), and/g)].map((m) => Number(m[1]));
  const tapes = endOfMedium.length === 0 ? 1 : Math.max(...endOfMedium);
  return {
    kind: 'recognised',
    status: 'completed',
    tapes,
    blocksWritten: blocks[0]!,
    blocksVerified: blocks[1]!,
    verified: blocks[0] === blocks[1],
    cmsVersion: label[1]!,
    raw,
  };
}
