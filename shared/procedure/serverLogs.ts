/**
 * The files the steps read on a server. The manual names the customer's migration log
 * (`lp /cms/migrate/r3mig.log`, R3 Migrate Data); it names no file for a restore's progress or for the
 * CMS error log, and names `storage.def` (the data storage parameters, "Setting up data storage
 * parameters", p. 32) without its folder, so those three are per-server settings, and these defaults
 * are assumptions (where the simulator keeps them), shown beside the setting.
 */
export const MIGRATION_LOG = '/cms/migrate/r3mig.log';

export const DEFAULT_LOG_PATHS = {
  restoreLog: '/cms/maint/restore/restore.log',
  errorLog: '/cms/maint/backup/err_log',
  storageDef: '/cms/db/storage.def',
} as const;

export type SettableLog = keyof typeof DEFAULT_LOG_PATHS;

/** An absolute path of plain characters: it goes into a remote command (quoted as well). */
export const REMOTE_LOG_PATH = /^\/(?:[A-Za-z0-9._-]+\/)*[A-Za-z0-9._-]+$/;

export function isSafeLogPath(path: string): boolean {
  return REMOTE_LOG_PATH.test(path) && path.length <= 200 && !path.split('/').includes('..');
}

/** The path of `log` on this server: its setting, or the default. */
export function logPathOf(
  server: { readonly [log in SettableLog]: string | null } | undefined,
  log: SettableLog,
): string {
  return server?.[log] ?? DEFAULT_LOG_PATHS[log];
}
