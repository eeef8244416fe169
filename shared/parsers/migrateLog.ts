import { unrecognised, type Unrecognised } from './parseResult.ts';

export type MigrationLogEntry =
  | { outcome: 'success'; at: string; dataType: string; volume: string; line: string }
  | { outcome: 'failure'; at: string; message: string; line: string }
  | { outcome: 'catastrophic'; at: string; message: string; line: string }
  | { outcome: 'harmless'; at: string; message: string; line: string }
  | { outcome: 'unrecognised'; line: string };

export type MigrationLog =
  | {
      kind: 'recognised';
      entries: MigrationLogEntry[];
      successes: number;
      failures: number;
      /** Lines no rule knows: shown to the technician, never counted as success. */
      unrecognisedLines: number;
      raw: string;
    }
  | Unrecognised;

/** The restore error the manual says to ignore when the customer has no custom tables (D10). */
export const HARMLESS_NON_CMS_RESTORE =
  'Restore process startup failed. Cannot restore non-CMS data because there are not tables in the database for that group.';

const STAMP = /^(\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}) (?:\[[^\]]*\] )?(.*)$/;

/** Parses `/cms/migrate/r3mig.log`, `/cms/maint/r3mig/mig.log` and the CMS error log lines the steps read. */
export function parseMigrationLog(raw: string): MigrationLog {
  const lines = raw
    .replace(/\r/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '');
  if (lines.length === 0) return unrecognised(raw, 'the log is empty');
  const entries = lines.map((line): MigrationLogEntry => {
    const stamped = STAMP.exec(line);
    if (!stamped) return { outcome: 'unrecognised', line };
    const [, at, message] = stamped as unknown as [string, string, string];
    const success = /^R3 Migrate: (.+?) migrated from volume (\S+) .*: completed, 0 errors$/.exec(message);
    if (success) return { outcome: 'success', at, dataType: success[1]!, volume: success[2]!, line };
    const restored = /^Restore from volume (\S+): (.+)$/.exec(message);
    if (restored)
      return { outcome: 'success', at, dataType: `restore ${restored[2]}`, volume: restored[1]!, line };
    if (/^R3 Migrate ERROR: /.test(message)) return { outcome: 'catastrophic', at, message, line };
    if (/^R3 Migrate failed: |^Backup failed: /.test(message))
      return { outcome: 'failure', at, message, line };
    if (message === HARMLESS_NON_CMS_RESTORE) return { outcome: 'harmless', at, message, line };
    return { outcome: 'unrecognised', line };
  });
  return {
    kind: 'recognised',
    entries,
    successes: entries.filter((e) => e.outcome === 'success').length,
    failures: entries.filter((e) => e.outcome === 'failure' || e.outcome === 'catastrophic').length,
    unrecognisedLines: entries.filter((e) => e.outcome === 'unrecognised').length,
    raw,
  };
}
