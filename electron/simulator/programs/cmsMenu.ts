import type { Program, ProgramContext } from '../program.ts';
import { archiveStatus } from '../archiveSchedule.ts';
import { tablesForDataLetters, volumeLabel } from '../maintenanceTables.ts';
import type { SimHost, SimPairState, SimTape } from '../simState.ts';
import {
  UNFAMILIAR_RESTORE_LOG,
  unfamiliarMigrationLogLine,
  unfamiliarRestoreLogLine,
} from '../unfamiliarOutputs.ts';

/**
 * A line-oriented stand-in for the CMS character menus: the windows the HA upgrade uses, asked field
 * by field in the order the real window shows them, writing the same tape contents, status lines and
 * log lines the real CMS would (Maintenance: Back Up Data, Restore Data, Archiving Status, Error Log;
 * System Setup: CMS State, R3 Migrate Data, Data Collection).
 */
export const cmsMenu: Program = async (context) => {
  const { io } = context;
  for (;;) {
    const host = await currentHost(context);
    io.write(
      `\nAvaya CMS ${host.cmsVersion} on ${host.hostname}  (${host.cmsState} mode)\nMainMenu\n  1) Maintenance\n  2) System Setup\n  q) Exit\n`,
    );
    const choice = await ask(context, 'Enter choice:');
    if (choice === null || choice === 'q') return 0;
    if (choice === '1') {
      if ((await maintenanceMenu(context)) === null) return 0;
    } else if (choice === '2') {
      if ((await systemSetupMenu(context)) === null) return 0;
    } else io.write(`"${choice}" is not a choice.\n`);
  }
};

async function maintenanceMenu(context: ProgramContext): Promise<void | null> {
  for (;;) {
    context.io.write(
      '\nMaintenance\n  1) Back Up Data\n  2) Restore Data\n  3) Archiving Status\n  4) Error Log\n  b) Back\n',
    );
    const choice = await ask(context, 'Enter choice:');
    if (choice === null) return null;
    if (choice === 'b') return;
    if (choice === '1') await backUpData(context);
    else if (choice === '2') await restoreData(context);
    else if (choice === '3') await listArchivingStatus(context);
    else if (choice === '4') await showErrorLog(context);
  }
}

async function systemSetupMenu(context: ProgramContext): Promise<void | null> {
  for (;;) {
    context.io.write(
      '\nSystem Setup\n  1) CMS State\n  2) R3 Migrate Data\n  3) Data Collection\n  b) Back\n',
    );
    const choice = await ask(context, 'Enter choice:');
    if (choice === null) return null;
    if (choice === 'b') return;
    if (choice === '1') await cmsState(context);
    else if (choice === '2') await r3MigrateData(context);
    else if (choice === '3') await dataCollection(context);
  }
}

// ---- field prompts ------------------------------------------------------------------------------

async function ask(context: ProgramContext, prompt: string): Promise<string | null> {
  context.io.write(`${prompt} `);
  const line = await context.io.readLine();
  return line === null ? null : line.trim();
}

async function yesNo(context: ProgramContext, prompt: string, fallback: boolean): Promise<boolean | null> {
  for (;;) {
    const answer = await ask(context, `${prompt} (y,n) [${fallback ? 'y' : 'n'}]:`);
    if (answer === null) return null;
    if (answer === '') return fallback;
    if (answer === 'y' || answer === 'n') return answer === 'y';
  }
}

async function pick<T extends string>(
  context: ProgramContext,
  prompt: string,
  options: Record<string, T>,
  fallback: string,
): Promise<T | null> {
  for (;;) {
    const answer = await ask(context, `${prompt} [${fallback}]:`);
    if (answer === null) return null;
    const chosen = options[answer === '' ? fallback : answer];
    if (chosen) return chosen;
  }
}

async function currentHost(context: ProgramContext): Promise<SimHost> {
  return (await context.store.read()).hosts[context.host];
}

function timestamp(date: Date): string {
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

// ---- Maintenance: Back Up Data ------------------------------------------------------------------

async function backUpData(context: ProgramContext): Promise<void> {
  const { io } = context;
  const host = await currentHost(context);
  const today = context.now().toISOString().slice(0, 10);
  const doneToday = Object.values((await context.store.read()).tapes).filter(
    (t) => t.content?.kind === 'maintenance' && t.content.host === host.hostname && t.content.date === today,
  ).length;
  io.write(`\nMaintenance: Back Up Data\nBackups completed today: ${doneToday}\nDevice name: default\n`);
  const verify = await yesNo(context, 'Verify tape can be read after backup?', true);
  if (verify === null) return;
  const acds = await pick(
    context,
    'ACD(s) to back up: a) All ACDs  c) Current ACD',
    { a: 'all', c: 'current' },
    'a',
  );
  if (acds === null) return;
  const local = await yesNo(context, 'Local system administration data?', true);
  const system = local === null ? null : await yesNo(context, 'CMS system administration data?', true);
  const acdAdmin = system === null ? null : await yesNo(context, 'ACD-specific administration data?', true);
  const historical = acdAdmin === null ? null : await yesNo(context, 'Historical data?', true);
  if (local === null || system === null || acdAdmin === null || historical === null) return;
  let mode: 'F' | 'I' = 'F';
  if (historical) {
    const chosen = await pick(
      context,
      '  Select one: f) Full  i) Incremental',
      { f: 'F' as const, i: 'I' as const },
      'f',
    );
    if (chosen === null) return;
    mode = chosen;
  }
  const nonCms = await yesNo(context, 'Non-CMS data?', true);
  if (nonCms === null) return;
  const action = await pick(context, 'Action: r) Run  c) Cancel', { r: 'run', c: 'cancel' }, 'r');
  if (action !== 'run') return;

  const letters = `${local ? 'L' : 'X'}${system ? 'S' : 'X'}${acdAdmin && historical ? 'A' : acdAdmin ? 'M' : historical ? 'H' : 'X'}${nonCms ? 'C' : 'X'}`;
  io.write('Status: Backup started.\n');
  const now = context.now();
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
      acds: acds === 'all' ? h.acds.map((a) => a.number) : [h.acds[0]!.number],
      dataLetters: letters,
      mode,
      tables: tablesForDataLetters(letters),
    };
    return { label };
  });
  await context.delay(20_000);
  if ('error' in result) {
    io.write(`Errors: Backup failed: ${result.error}\n`);
    await context.store.update((state) =>
      appendFile(
        state.hosts[context.host],
        '/cms/maint/backup/err_log',
        `${timestamp(now)} Backup failed: ${result.error}`,
      ),
    );
    return;
  }
  if (verify) io.write('Status: Verifying the volume.\n');
  io.write(
    `Status: Last backup finished ${timestamp(context.now())}.\nVolume label: ${result.label}\nWrite the volume label on the cartridge.\n`,
  );
}

// ---- Maintenance: Restore Data ------------------------------------------------------------------

export const NON_CMS_RESTORE_ERROR =
  'Restore process startup failed. Cannot restore non-CMS data because there are not tables in the database for that group.';

async function restoreData(context: ProgramContext): Promise<void> {
  const { io } = context;
  io.write('\nMaintenance: Restore Data\nDevice name: default\n');
  const historical = await yesNo(context, 'Historical data?', false);
  const nonCms = historical === null ? null : await yesNo(context, 'Non-CMS data?', false);
  if (historical === null || nonCms === null) return;
  const action = await pick(context, 'Action: r) Run  c) Cancel', { r: 'run', c: 'cancel' }, 'r');
  if (action !== 'run') return;
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
        `${timestamp(now)} Restore from volume ${content.volumeLabel}: historical=${historical ? 'y' : 'n'} non-CMS=${nonCms ? 'y' : 'n'}`,
      );
    const nonCmsFails = nonCms && !h.files['/cms/custom/tables'];
    if (nonCmsFails) appendFile(h, '/cms/maint/backup/err_log', `${timestamp(now)} ${NON_CMS_RESTORE_ERROR}`);
    return { nonCmsFails, label: content.volumeLabel };
  });
  await context.delay(20_000);
  if ('error' in outcome) {
    io.write(`Errors: Restore failed: ${outcome.error}\n`);
    return;
  }
  if (outcome.nonCmsFails) io.write('Errors: Initialization errors. See Error Log.\n');
  io.write(`Status: Restore from ${outcome.label} finished ${timestamp(context.now())}.\n`);
}

async function showErrorLog(context: ProgramContext): Promise<void> {
  const log = (await currentHost(context)).files['/cms/maint/backup/err_log'] ?? '';
  context.io.write(`\nMaintenance: Error Log\n${log || '(no entries)\n'}`);
}

// ---- Maintenance: Archiving Status --------------------------------------------------------------

async function listArchivingStatus(context: ProgramContext): Promise<void> {
  const host = await currentHost(context);
  const rows = archiveStatus(host, context.now());
  const { io } = context;
  io.write('\nMaintenance: Archiving Status: List All\n');
  io.write('ACD       Arch. type  Status     Date       Time        Next Scheduled\n');
  for (const row of rows) {
    io.write(
      `${row.acd.padEnd(10)}${row.type.padEnd(12)}${row.status.padEnd(11)}${row.date.padEnd(11)}${row.time.padEnd(12)}${row.next}\n`,
    );
  }
  io.write('Successful\n');
}

// ---- System Setup -------------------------------------------------------------------------------

async function cmsState(context: ProgramContext): Promise<void> {
  const host = await currentHost(context);
  context.io.write(`\nSystem Setup: CMS State\nCurrent state: ${host.cmsState} mode\n`);
  const choice = await pick(
    context,
    's) Single User Mode  m) Multi User Mode  b) Back',
    { s: 'single-user' as const, m: 'multi-user' as const, b: 'back' as const },
    'b',
  );
  if (choice === null || choice === 'back') return;
  await context.store.update((state) => {
    state.hosts[context.host].cmsState = choice;
  });
  context.io.write(`Status: CMS is now in ${choice} mode.\n`);
}

async function dataCollection(context: ProgramContext): Promise<void> {
  const host = await currentHost(context);
  context.io.write('\nSystem Setup: Data Collection\nACD       Data collection\n');
  for (const acd of host.acds)
    context.io.write(`${acd.name.padEnd(10)}${acd.dataCollection ? 'on' : 'off'}\n`);
}

const MIGRATION_TYPES = {
  s: { id: 'system-admin', name: 'System Administration data', letter: 1, accepts: /S/ },
  g: { id: 'agent-call-center-admin', name: 'Agent/Call Center Admin data', letter: 2, accepts: /[MA]/ },
  h: { id: 'historical', name: 'Historical data', letter: 2, accepts: /[HA]/ },
} as const;

async function r3MigrateData(context: ProgramContext): Promise<void> {
  const { io } = context;
  io.write('\nSystem Setup: R3 Migrate Data\nDevice name: default\nACD(s): All ACDs\n');
  io.write(
    'Data types: s) System Administration data  g) Agent/Call Center Admin data  h) Historical data\n',
  );
  const answer = await ask(context, 'Migrate which data types (one or more letters, e.g. sg):');
  if (answer === null) return;
  const chosen = [...new Set(answer.split(''))].map(
    (letter) => MIGRATION_TYPES[letter as keyof typeof MIGRATION_TYPES],
  );
  if (chosen.length === 0 || chosen.some((type) => type === undefined)) {
    io.write('Errors: choose s, g and/or h.\n');
    return;
  }
  const action = await pick(context, 'Action: r) Run  c) Cancel', { r: 'run', c: 'cancel' }, 'r');
  if (action !== 'run') return;
  io.write('Status: Migration started.\n');
  const now = context.now();
  const lines = await context.store.update((state) => {
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
      return [`Errors: Migration failed: ${problem}`];
    }
    if (tape.content?.kind !== 'maintenance') {
      log('R3 Migrate failed: the tape does not hold a CMS backup volume');
      return ['Errors: Migration failed: the tape does not hold a CMS backup volume'];
    }
    const content = tape.content;
    const out: string[] = [];
    for (const type of chosen) {
      if (type!.id !== 'historical' && h.cmsState !== 'single-user') {
        log(`R3 Migrate failed: ${type!.name}: CMS must be in single-user mode`);
        out.push(`Errors: Migration of ${type!.name} failed: CMS must be in single-user mode.`);
        continue;
      }
      if (!type!.accepts.test(content.dataLetters[type!.letter]!)) {
        log(`R3 Migrate failed: volume ${content.volumeLabel} holds no ${type!.name}`);
        out.push(
          `Errors: Migration of ${type!.name} failed: volume ${content.volumeLabel} holds no such data.`,
        );
        continue;
      }
      const repeated = h.migrations.some(
        (m) => m.dataType === type!.id && (type!.id !== 'historical' || m.tapeId === tape.id),
      );
      if (repeated) {
        h.cmsDamaged = true;
        log(
          `R3 Migrate ERROR: ${type!.name} already migrated into this CMS setup: duplicate rows, database left inconsistent`,
        );
        out.push(
          `Errors: Migration of ${type!.name} failed: duplicate data. The CMS database is now inconsistent; turn CMS off and set it up again.`,
        );
        continue;
      }
      h.migrations.push({ dataType: type!.id, tapeId: tape.id, at: now.toISOString() });
      log(
        `R3 Migrate: ${type!.name} migrated from volume ${content.volumeLabel} (ACDs ${content.acds.join(' ')}): completed, 0 errors`,
      );
      out.push(`Status: Migration of ${type!.name} completed successfully.`);
    }
    return out;
  });
  await context.delay(30_000);
  for (const line of lines) io.write(`${line}\n`);
}
