import { parseArchiveStatus } from '../../shared/parsers/archiveStatus.ts';
import { parseBrCheck } from '../../shared/parsers/brCheck.ts';
import { parseCmsadmBackup } from '../../shared/parsers/cmsadmBackup.ts';
import { parseMigrationLog } from '../../shared/parsers/migrateLog.ts';
import { parseMtStatus } from '../../shared/parsers/mtStatus.ts';
import { parseVolumeLabel } from '../../shared/parsers/volumeLabel.ts';

/** The parsers `cms-ha parse <kind>` offers, by the names support staff type. */
export const PARSERS = {
  'mt-status': parseMtStatus,
  'br-check': parseBrCheck,
  'cmsadm-backup': parseCmsadmBackup,
  'archive-status': parseArchiveStatus,
  'migrate-log': parseMigrationLog,
  'volume-label': parseVolumeLabel,
} as const satisfies Record<string, (raw: string) => { kind: string }>;

export type ParserName = keyof typeof PARSERS;

export function isParserName(name: string): name is ParserName {
  return Object.hasOwn(PARSERS, name);
}

/** Runs one parser; exit code 0 when it recognised the text, 3 when not (the JSON says why). */
export function parseCommand(name: ParserName, text: string): { json: string; exitCode: number } {
  const result = PARSERS[name](text);
  return { json: `${JSON.stringify(result, null, 2)}\n`, exitCode: result.kind === 'recognised' ? 0 : 3 };
}
