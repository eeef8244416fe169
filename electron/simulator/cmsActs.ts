import type { ProgramContext } from './program.ts';
import { tablesForDataLetters, volumeLabel } from './maintenanceTables.ts';
import type { MaintenanceBackupSelections, MigrationDataType } from '../../shared/procedure/types.ts';
import type { SimHost, SimPairState, SimTape } from './simState.ts';
import {
  UNFAMILIAR_RESTORE_LOG,
  unfamiliarMigrationLogLine,
  unfamiliarRestoreLogLine,
} from './unfamiliarOutputs.ts';

/**
 * What Run does in the CMS windows the HA upgrade uses, on the simulated host: the tape contents,
 * status and error lines and log lines of a backup, a restore, a migration, and a change of CMS state.
 * The windows (electron/simulator/screens/) only choose; these write.
 */
export interface ActOutcome {
  /** Short enough for the Status and Errors lines (they end where the action list begins). */
  status: string;
  errors: string;
  /** The details, a row each. */
  notes?: string[];
}

export const NON_CMS_RESTORE_ERROR =
  'Restore process startup failed. Cannot restore non-CMS data because there are not tables in the database for that group.';

export function timestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getUTCMonth() + 1)}/${two(date.getUTCDate())}/${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
}

function appendFile(host: SimHost, file: string, line: string): void {
  host.files[file] = `${host.files[file] ?? ''}${line}\n`;
}

function tapeInDrive(state: SimPairState, host: SimHost): { tape?: SimTape; problem?: string } {
  const drive = host.drives[0]!;
  if (drive.offline || !drive.tapeId) return { problem: `${drive.device}: no tape loaded or drive offline` };
  return { tape: state.tapes[drive.tapeId] };
}

/** Maintenance backups this host wrote today (the window's "Backups completed today"). */
export async function backupsToday(context: ProgramContext): Promise<number> {
  const state = await context.store.read();
  const hostname = state.hosts[context.host].hostname;
  const today = context.now().toISOString().slice(0, 10);
  return Object.values(state.tapes).filter(
    (t) => t.content?.kind === 'maintenance' && t.content.host === hostname && t.content.date === today,
  ).length;
}

export async function runBackup(
  context: ProgramContext,
  selections: MaintenanceBackupSelections,
): Promise<ActOutcome> {
  const s = selections;
  const historical = s.historical !== 'none';
  const letters = `${s.localSystemAdmin ? 'L' : 'X'}${s.cmsSystemAdmin ? 'S' : 'X'}${s.acdSpecificAdmin && historical ? 'A' : s.acdSpecificAdmin ? 'M' : historical ? 'H' : 'X'}${s.nonCms ? 'C' : 'X'}`;
  const mode = s.historical === 'incremental' ? 'I' : 'F';
  const doneToday = await backupsToday(context);
  const now = context.now();
  const today = now.toISOString().slice(0, 10);
  const result = await context.store.update((state) => {
    const h = state.hosts[context.host];
    const { tape, problem } = tapeInDrive(state, h);
    if (!tape) return { error: problem! };
    if (tape.writeProtected) return { error: `${h.drives[0]!.device}: write protected or reserved.` };
    const label = volumeLabel(h.hostname, now, doneToday + 1, letters, mode);
    tape.content = {
      kind: 'maintenance',
      volumeLabel: label,
      host: h.hostname,
      cmsVersion: h.cmsVersion,
      date: today,
      acds: s.acds === 'all' ? h.acds.map((a) => a.number) : [h.acds[0]!.number],
      dataLetters: letters,
      mode,
      tables: tablesForDataLetters(letters),
    };
    return { label };
  });
  await context.delay(20_000);
  if ('error' in result) {
    await context.store.update((state) =>
      appendFile(
        state.hosts[context.host],
        '/cms/maint/backup/err_log',
        `${timestamp(now)} Backup failed: ${result.error}`,
      ),
    );
    return { status: 'Backup failed.', errors: 'See the Error Log.', notes: [result.error ?? ''] };
  }
  return {
    status: `Last backup finished ${timestamp(context.now())}.`,
    errors: '',
    notes: [`Volume label: ${result.label}`, 'Write the volume label on the cartridge.'],
  };
}

export async function runRestore(
  context: ProgramContext,
  wanted: { historical: boolean; nonCms: boolean; others: string[] },
): Promise<ActOutcome> {
  const { historical, nonCms, others } = wanted;
  const now = context.now();
  const outcome = await context.store.update((state) => {
    const h = state.hosts[context.host];
    const { tape, problem } = tapeInDrive(state, h);
    if (!tape) return { error: problem! };
    if (tape.content?.kind !== 'maintenance') return { error: 'the tape does not hold a CMS backup volume' };
    const content = tape.content;
    if (historical && !/[HA]/.test(content.dataLetters[2]!))
      return { error: `volume ${content.volumeLabel} holds no historical data` };
    if (state.outputs === 'unfamiliar')
      appendFile(
        h,
        UNFAMILIAR_RESTORE_LOG,
        unfamiliarRestoreLogLine(now, content.volumeLabel, historical, nonCms),
      );
    else
      appendFile(
        h,
        '/cms/maint/restore/restore.log',
        `${timestamp(now)} Restore from volume ${content.volumeLabel}: historical=${historical ? 'y' : 'n'} non-CMS=${nonCms ? 'y' : 'n'}${others.length ? ` also: ${others.join(', ')}` : ''}`,
      );
    const nonCmsFails = nonCms && !h.files['/cms/custom/tables'];
    if (nonCmsFails) appendFile(h, '/cms/maint/backup/err_log', `${timestamp(now)} ${NON_CMS_RESTORE_ERROR}`);
    return { nonCmsFails, label: content.volumeLabel };
  });
  await context.delay(20_000);
  if ('error' in outcome) return { status: 'Restore failed.', errors: '', notes: [outcome.error ?? ''] };
  return {
    status: `Restore finished ${timestamp(context.now())}.`,
    errors: outcome.nonCmsFails ? 'Initialization errors. See Error Log.' : '',
    notes: [`Restored from volume ${outcome.label}.`],
  };
}

const MIGRATION_TYPES: Record<MigrationDataType, { name: string; letter: number; accepts: RegExp }> = {
  'system-admin': { name: 'System Administration data', letter: 1, accepts: /S/ },
  'agent-call-center-admin': { name: 'Agent/Call Center Admin data', letter: 2, accepts: /[MA]/ },
  historical: { name: 'Historical data', letter: 2, accepts: /[HA]/ },
};

/** R3 Migrate Data, one data type after the other: each one's outcome, the errors kept. */
export async function runMigration(context: ProgramContext, types: MigrationDataType[]): Promise<ActOutcome> {
  if (types.length === 0) return { status: '', errors: 'Select at least one data type.' };
  type Line = { done: string } | { error: string; detail: string };
  const now = context.now();
  const lines = await context.store.update((state): Line[] => {
    const h = state.hosts[context.host];
    const { tape, problem } = tapeInDrive(state, h);
    const unfamiliar = state.outputs === 'unfamiliar';
    const log = (line: string) => {
      appendFile(
        h,
        '/cms/migrate/r3mig.log',
        unfamiliar ? unfamiliarMigrationLogLine(now, line) : `${timestamp(now)} ${line}`,
      );
      appendFile(
        h,
        '/cms/maint/r3mig/mig.log',
        `${timestamp(now)} [${h.hostname} ${h.cmsVersion} pid ${process.pid}] ${line}`,
      );
    };
    if (!tape) {
      log(`R3 Migrate failed: ${problem}`);
      return [{ error: 'No tape in the drive.', detail: problem! }];
    }
    if (tape.content?.kind !== 'maintenance') {
      log('R3 Migrate failed: the tape does not hold a CMS backup volume');
      return [{ error: 'Not a CMS backup volume.', detail: 'The tape does not hold a CMS backup volume.' }];
    }
    const content = tape.content;
    return types.map((id) => {
      const type = MIGRATION_TYPES[id];
      if (id !== 'historical' && h.cmsState !== 'single-user') {
        log(`R3 Migrate failed: ${type.name}: CMS must be in single-user mode`);
        return { error: 'CMS must be in single-user mode.', detail: `${type.name}: not migrated.` };
      }
      if (!type.accepts.test(content.dataLetters[type.letter]!)) {
        log(`R3 Migrate failed: volume ${content.volumeLabel} holds no ${type.name}`);
        return {
          error: 'The volume holds no such data.',
          detail: `${type.name}: not on volume ${content.volumeLabel}.`,
        };
      }
      const repeated = h.migrations.some(
        (m) => m.dataType === id && (id !== 'historical' || m.tapeId === tape.id),
      );
      if (repeated) {
        h.cmsDamaged = true;
        log(
          `R3 Migrate ERROR: ${type.name} already migrated into this CMS setup: duplicate rows, database left inconsistent`,
        );
        return {
          error: 'Duplicate data: the database is inconsistent.',
          detail: `${type.name} was migrated before. Turn CMS off and set it up again.`,
        };
      }
      h.migrations.push({ dataType: id, tapeId: tape.id, at: now.toISOString() });
      log(
        `R3 Migrate: ${type.name} migrated from volume ${content.volumeLabel} (ACDs ${content.acds.join(' ')}): completed, 0 errors`,
      );
      return { done: type.name };
    });
  });
  await context.delay(30_000);
  const failed = lines.flatMap((line) => ('error' in line ? [line] : []));
  const done = lines.flatMap((line) => ('done' in line ? [line.done] : []));
  return {
    status: failed.length === 0 ? 'Migration completed successfully.' : 'Migration failed.',
    errors: failed[0]?.error ?? '',
    notes: [...(done.length ? [`Migrated: ${done.join(', ')}.`] : []), ...failed.map((line) => line.detail)],
  };
}
