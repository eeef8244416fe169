import { compareBothServers } from './compareServers.ts';
import { HARMLESS_NON_CMS_RESTORE } from '../../shared/parsers/migrateLog.ts';
import { logPathOf, MIGRATION_LOG } from '../../shared/procedure/serverLogs.ts';
import { migrationAlreadyDone, migrationRecordOf } from '../../shared/session/reduceSession.ts';
import type { MigrationDataType, MigrationSpec, ServerRole } from '../../shared/procedure/types.ts';
import { describeSelections } from './backupSteps.ts';
import { verifyDataCollection } from './cmsChecks.ts';
import { StepFailure, type StepContext } from './stepContext.ts';
import {
  checkTapeInDrive,
  errorLines,
  logForJudging,
  logLinesDuring,
  readLogFile,
  type LogGrowth,
} from './tapeWork.ts';

/** How r3mig.log names each data type. */
const LOG_NAMES: Readonly<Record<MigrationDataType, string>> = {
  'system-admin': 'System Administration data',
  'agent-call-center-admin': 'Agent/Call Center Admin data',
  historical: 'Historical data',
};

/**
 * What the manual gives the technician to see how a migration ended: "The Status: field reports the
 * progress of the migration, and when the migration ends, indicates success or failure" (R3 Migrate Data).
 */
const MIGRATION_LOOK_FOR =
  'the Status: field of the R3 Migrate Data window: when the migration ends it says success or failure. In r3mig.log, a line for each data type migrated and no error line.';

/** What the manual says a restore on ORIG shows when the customer has no custom report tables (D10). */
const RESTORE_LOOK_FOR = `the Status: field of the Maintenance: Restore Data window says the restore ended. Without custom report tables the manual expects "Errors: Initialization errors. See Error Log." and in the error log only "${HARMLESS_NON_CMS_RESTORE}", which can be ignored; any other error is a failure.`;

const RESETUP_NEEDED =
  'Migrating it again into this CMS setup may cause catastrophic errors: turn CMS off, set it up again and record that (cms-ha resetup) before migrating again.';

const names = (specs: readonly MigrationSpec[]) =>
  specs.map((spec) => LOG_NAMES[spec.dataType]).join(' and ');

/**
 * One R3 Migrate Data run the technician makes in the CMS menu. The run is journaled the moment the
 * technician says it was selected, before any log is read: the at-most-once rule keys on that record.
 * r3mig.log is then evidence of how it ended: an error line anywhere fails it, a success line for a data
 * type confirms it, and whatever the log does not say is judged by the technician from the raw text.
 */
async function migrateRun(
  context: StepContext,
  server: ServerRole,
  specs: readonly MigrationSpec[],
  tapeId: string,
  itemId: string,
) {
  await settleEarlierRuns(context, server, specs);
  const pending = specs.filter((spec) => !migrationAlreadyDone(context.state, spec));
  if (pending.length === 0) {
    await context.record({ type: 'checklist-item-ticked', stepId: context.stepId, itemId });
    return;
  }
  const item = context.definition.checklist.find((candidate) => candidate.id === itemId)!;
  context.technician.tell(`On ${server}, in the CMS menu:\n${describeSelections(item.selections!)}`);
  if (pending.length < specs.length) {
    context.technician.tell(
      `Select ONLY ${names(pending)}: the rest was already migrated in this CMS setup and must not be migrated again.`,
    );
  }
  const log = await logLinesDuring(context, server, MIGRATION_LOG, async () => {
    await context.confirmChecklist([itemId]);
    for (const spec of pending) {
      await context.record({
        type: 'migration-recorded',
        stepId: context.stepId,
        server,
        dataType: spec.dataType,
        tapeId,
      });
    }
  });
  const errors = errorLines(log);
  if (errors.length > 0) {
    for (const spec of pending)
      await recordOutcome(context, server, spec, tapeId, 'failed', errors.join(' | '));
    throw new StepFailure(
      `${names(pending)} ran on ${server} and r3mig.log shows an error: ${errors.join(' | ')}. ${RESETUP_NEEDED}`,
    );
  }
  const unconfirmed: MigrationSpec[] = [];
  for (const spec of pending) {
    const success = log.entries.find(
      (entry) => entry.outcome === 'success' && entry.dataType === LOG_NAMES[spec.dataType],
    );
    if (success) await recordOutcome(context, server, spec, tapeId, 'succeeded', success.line);
    else unconfirmed.push(spec);
  }
  if (unconfirmed.length > 0)
    await judgeMigration(
      context,
      server,
      unconfirmed,
      tapeId,
      `R3 Migrate of ${names(unconfirmed)} on ${server}`,
      logForJudging(log),
    );
}

/**
 * Before a run: what of it already ran into this CMS setup is said, never asked for again. A run that
 * failed stops the step (only a re-setup allows another); one whose outcome was never settled (the step
 * stopped before) is judged now from the log as it stands.
 */
async function settleEarlierRuns(context: StepContext, server: ServerRole, specs: readonly MigrationSpec[]) {
  for (const spec of specs) {
    const ran = migrationRecordOf(context.state, spec);
    if (!ran) continue;
    const when = `${ran.stepId}, tape ${ran.tapeId}, ${ran.at}`;
    if (ran.outcome === 'unconfirmed') {
      const log = await readLogFile(context, server, MIGRATION_LOG);
      await judgeMigration(
        context,
        server,
        [spec],
        ran.tapeId,
        `R3 Migrate of ${LOG_NAMES[spec.dataType]} on ${server} (run in ${when}; how it ended was never confirmed)`,
        log.unreadable ? `(${log.unreadable})` : log.text,
      );
    }
    const settled = migrationRecordOf(context.state, spec)!;
    if (settled.outcome === 'failed' || settled.outcome === 'judged-wrong') {
      throw new StepFailure(
        `${LOG_NAMES[spec.dataType]} ran on ${server} (${when}) and did not succeed (${settled.outcomeDetail}). ${RESETUP_NEEDED}`,
      );
    }
    context.technician.tell(
      `${LOG_NAMES[spec.dataType]} already migrated on ${server} in this CMS setup: do NOT migrate again (${when}; ${settled.outcome}).`,
    );
  }
}

/** The technician judges how migrations the log does not confirm ended; "looks wrong" fails the step. */
async function judgeMigration(
  context: StepContext,
  server: ServerRole,
  specs: readonly MigrationSpec[],
  tapeId: string,
  about: string,
  raw: string,
) {
  const { verdict, reason } = await context.judge(server, about, MIGRATION_LOOK_FOR, raw);
  const outcome = verdict === 'looks-right' ? 'judged-right' : 'judged-wrong';
  for (const spec of specs) await recordOutcome(context, server, spec, tapeId, outcome, reason);
  if (outcome === 'judged-wrong') {
    throw new StepFailure(
      `${names(specs)} ran on ${server} and was judged wrong by the technician (${reason}). ${RESETUP_NEEDED}`,
    );
  }
}

function recordOutcome(
  context: StepContext,
  server: ServerRole,
  spec: MigrationSpec,
  tapeId: string,
  outcome: 'succeeded' | 'failed' | 'judged-right' | 'judged-wrong',
  detail: string,
) {
  return context.record({
    type: 'migration-outcome-recorded',
    stepId: context.stepId,
    server,
    dataType: spec.dataType,
    tapeId,
    outcome,
    detail: detail.slice(0, 4000),
  });
}

/** D2: NEW set up and compared with ORIG, then system admin and agent/call center admin data from the D1 tape, in that order. */
export async function migrateAdminToNew(context: StepContext): Promise<void> {
  context.tellNotes();
  await context.confirmChecklist(['cms-setup-done']);
  // NEW is set up: held against ORIG; storage.def the same, or its difference judged fine, ticks the item.
  await compareBothServers(context, 'D2');
  await context.tickDoneByApp(['storage-def-identical']);
  await context.confirmChecklist(['single-user-mode', 'admin-tape-inserted']);
  const tape = await checkTapeInDrive(context, 'NEW', 'ADMIN-ORIG');
  const [systemAdmin, agentAdmin] = context.definition.migrations;
  await migrateRun(context, 'NEW', [systemAdmin!], tape.id, 'migrate-system-admin');
  await migrateRun(context, 'NEW', [agentAdmin!], tape.id, 'migrate-agent-admin');
  await context.confirmChecklist();
}

/** D7: historical data to NEW, the incremental tape first, then the full tape of the day before. */
export async function migrateHistoricalToNew(context: StepContext): Promise<void> {
  context.tellNotes();
  const [incremental, full] = context.definition.migrations;
  await context.confirmChecklist(['incremental-tape-inserted']);
  const first = await checkTapeInDrive(context, 'NEW', 'INCR-ORIG');
  await migrateRun(context, 'NEW', [incremental!], first.id, 'migrate-historical-incremental');
  context.technician.tell(
    'Remove the incremental tape and insert the full maintenance tape of the day before.',
  );
  await context.confirmChecklist(['full-tape-inserted']);
  const second = await checkTapeInDrive(context, 'NEW', 'FULL-ORIG');
  await migrateRun(context, 'NEW', [full!], second.id, 'migrate-historical-full');
  await context.confirmChecklist();
}

/** D8: both admin data types back to the upgraded ORIG in one R3 Migrate run, then data collection verified. */
export async function migrateAdminBack(context: StepContext): Promise<void> {
  context.tellNotes();
  // ORIG is upgraded (D6): held against NEW again before the admin data goes back onto it.
  await compareBothServers(context, 'D8');
  await context.confirmChecklist(['admin-tape-inserted', 'single-user-mode']);
  const tape = await checkTapeInDrive(context, 'ORIG', 'ADMIN-ORIG');
  await migrateRun(context, 'ORIG', context.definition.migrations, tape.id, 'migrate-admin-back');
  await context.confirmChecklist(['multi-user-mode']);
  await verifyDataCollection(context, 'ORIG');
  await context.confirmChecklist();
}

/**
 * D10: historical and non-CMS data restored on ORIG from NEW's full backup. The manual's non-CMS
 * error (no custom tables) is recorded and accepted; any other error fails the step.
 */
export async function restoreOnOrig(context: StepContext): Promise<void> {
  context.tellNotes();
  await context.confirmChecklist(['full-new-inserted']);
  await checkTapeInDrive(context, 'ORIG', 'FULL-NEW');
  await watchedRestoreOnOrig(context, 'restore-run', 'The restore of historical and non-CMS data on ORIG');
  await context.record({
    type: 'checklist-item-ticked',
    stepId: context.stepId,
    itemId: 'restore-errors-checked',
  });
  await context.confirmChecklist();
}

/**
 * A Maintenance > Restore Data run on ORIG by the technician (the checklist item `itemId`, with its
 * window's selections), watched through the restore log and the CMS error log: an error line fails it,
 * a log the app cannot read goes to the technician, the manual's expected non-CMS message is recorded.
 */
export async function watchedRestoreOnOrig(
  context: StepContext,
  itemId: string,
  about: string,
): Promise<void> {
  const item = context.definition.checklist.find((candidate) => candidate.id === itemId)!;
  context.technician.tell(`On ORIG, in the CMS menu:\n${describeSelections(item.selections!)}`);
  const orig = context.state.servers.ORIG;
  let errorLog: LogGrowth | null = null;
  const restoreLog = await logLinesDuring(context, 'ORIG', logPathOf(orig, 'restoreLog'), async () => {
    errorLog = await logLinesDuring(context, 'ORIG', logPathOf(orig, 'errorLog'), () =>
      context.confirmChecklist([itemId]),
    );
  });
  const errors = errorLog as LogGrowth | null;
  const failures = [...errorLines(restoreLog), ...(errors ? errorLines(errors) : [])];
  if (failures.length > 0) throw new StepFailure(`the restore on ORIG reports: ${failures.join(' | ')}`);
  const restored = restoreLog.entries.some((entry) => entry.outcome === 'success');
  if (!restored)
    await context.requireRightVerdict(
      'ORIG',
      about,
      RESTORE_LOOK_FOR,
      `${restoreLog.file}:\n${logForJudging(restoreLog)}`,
    );
  const errorEntries = errors?.entries ?? [];
  const unread = errorEntries.filter((entry) => entry.outcome === 'unrecognised');
  if (errors && (unread.length > 0 || errors.unreadable)) {
    await context.requireRightVerdict(
      'ORIG',
      'The CMS error log after the restore on ORIG',
      RESTORE_LOOK_FOR,
      logForJudging(errors),
    );
  }
  if (errorEntries.some((entry) => entry.outcome === 'harmless')) {
    context.technician.tell(
      `Recorded, as the manual expects without custom tables: "${HARMLESS_NON_CMS_RESTORE}"`,
    );
    await context.record({
      type: 'note-added',
      stepId: context.stepId,
      text: `Expected restore message recorded: ${HARMLESS_NON_CMS_RESTORE}`,
    });
  }
}
