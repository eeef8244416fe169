import type { MaintenanceContent } from './simState.ts';

/**
 * The "unfamiliar" simulated pair: every output the manual does not pin down, printed another way than
 * the default pair (and the app's parsers) expect. All of it is invented, on purpose: it stands for a real
 * server whose wording nobody here has seen, so that training and tests show what the app does with
 * output it cannot read (it asks the technician). Nothing here is a claim about real CMS output.
 */

export function unfamiliarBrCheckHeader(content: MaintenanceContent): string {
  return `VOLUME ${content.volumeLabel}\n  system ${content.host}  release ${content.cmsVersion}  written ${content.date}\n  acds=${content.acds.join(',')}\n`;
}

export function unfamiliarBrCheckTables(content: MaintenanceContent): string {
  return `${content.tables.length} tables:\n${content.tables.join(' ')}\n`;
}

export function unfamiliarBrCheckVerified(content: MaintenanceContent): string {
  return `verify: ${content.tables.length}/${content.tables.length} ok\n`;
}

/** r3mig.log in other words: no stamp the app knows, no sentence it knows (success or failure). */
export function unfamiliarMigrationLogLine(at: Date, line: string): string {
  const outcome = /ERROR|failed/.test(line) ? 'NOT OK' : 'ok';
  return `${at.toISOString().replace('T', ' ').slice(0, 19)} r3mig ${outcome}: ${line.replace(/^R3 Migrate(?: failed| ERROR)?: /, '').toLowerCase()}`;
}

/** The restore's log kept under another name, in other words. */
export const UNFAMILIAR_RESTORE_LOG = '/cms/maint/restore/rs_hist.log';

export function unfamiliarRestoreLogLine(
  at: Date,
  volumeLabel: string,
  historical: boolean,
  nonCms: boolean,
): string {
  return `[${at.toISOString()}] restore vol=${volumeLabel} hist=${historical ? 1 : 0} noncms=${nonCms ? 1 : 0} rc=0`;
}

/** cmsadm's menu with the backup option at another number (the manual shows the menu only in part). */
export const UNFAMILIAR_CMSADM_MENU = `Avaya Call Management System Administration Menu
Select a command from the list below.
  1) acd_create      Define a new ACD
  2) acd_remove      Remove an ACD
  3) pkg_install     Install a feature package
  4) pkg_remove      Remove a feature package
  5) backup          Filesystem backup
  6) run_pkg         Turn a feature package on or off
  7) run_cms         Turn CMS on or off
  8) passwd_age      Set password aging
Enter choice (1-8) or q to quit:`;

export const UNFAMILIAR_CMSADM_BACKUP_CHOICE = '5';

/** cpio prints nothing for long stretches on a real tape: this long, before each tape's write ends (simulated time). */
export const UNFAMILIAR_CMSADM_SILENCE_MS = 20 * 60_000;

/** The CMS interface's function-key bar drawn another way: no window of it reads as the manual's. */
export const UNFAMILIAR_KEY_BAR =
  'F1=Help F2=Window F3=Commands F4=Keep F5=Exit F6=Scroll F7=Current F8=MainMenu';
