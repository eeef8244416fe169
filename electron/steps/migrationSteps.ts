import { HARMLESS_NON_CMS_RESTORE } from '../../shared/parsers/migrateLog.ts';
import { migrationAlreadyDone } from '../../shared/session/reduceSession.ts';
import type { MigrationDataType, MigrationSpec, ServerRole } from '../../shared/procedure/types.ts';
import { describeSelections } from './backupSteps.ts';
import { verifyDataCollection } from './cmsChecks.ts';
import { StepFailure, type StepContext } from './stepContext.ts';
import { checkTapeInDrive, logLinesDuring } from './tapeWork.ts';

const CUSTOMER_LOG = '/cms/migrate/r3mig.log';
const RESTORE_LOG = '/cms/maint/restore/restore.log';
const ERROR_LOG = '/cms/maint/backup/err_log';

/** How r3mig.log names each data type. */
const LOG_NAMES: Readonly<Record<MigrationDataType, string>> = {
  'system-admin': 'System Administration data',
  'agent-call-center-admin': 'Agent/Call Center Admin data',
  historical: 'Historical data',
};

/**
 * One R3 Migrate Data run the technician makes in the CMS menu, checked through r3mig.log: every data
 * type of the run must have a success line; anything else fails the step (the log line is the reason).
 */
async function migrateRun(
  context: StepContext,
  server: ServerRole,
  specs: readonly MigrationSpec[],
  tapeId: string,
  itemId: string,
) {
  const pending = specs.filter((spec) => !migrationAlreadyDone(context.state, spec));
  if (pending.length === 0) {
    context.technician.tell(
      `${specs.map((spec) => LOG_NAMES[spec.dataType]).join(' and ')} already migrated on ${server} in this CMS setup: do NOT migrate again.`,
    );
    await context.record({ type: 'checklist-item-ticked', stepId: context.stepId, itemId });
    return;
  }
  const item = context.definition.checklist.find((candidate) => candidate.id === itemId)!;
  context.technician.tell(`On ${server}, in the CMS menu:\n${describeSelections(item.selections!)}`);
  if (pending.length < specs.length) {
    context.technician.tell(
      `Select ONLY ${pending.map((spec) => LOG_NAMES[spec.dataType]).join(' and ')}: the rest was already migrated in this CMS setup and must not be migrated again.`,
    );
  }
  const entries = await logLinesDuring(context, server, CUSTOMER_LOG, async () => {
    await context.confirmChecklist([itemId]);
  });
  for (const spec of pending) {
    const success = entries.find(
      (entry) => entry.outcome === 'success' && entry.dataType === LOG_NAMES[spec.dataType],
    );
    if (!success) {
      const problem = entries.find(
        (entry) => entry.outcome === 'failure' || entry.outcome === 'catastrophic',
      );
      throw new StepFailure(
        `${LOG_NAMES[spec.dataType]} was not migrated on ${server}: ${problem && 'message' in problem ? problem.message : 'no success line in r3mig.log'}`,
      );
    }
    await context.record({
      type: 'migration-recorded',
      stepId: context.stepId,
      server,
      dataType: spec.dataType,
      tapeId,
    });
  }
}

/** D2: NEW set up, then system admin and agent/call center admin data from the D1 tape, in that order. */
export async function migrateAdminToNew(context: StepContext): Promise<void> {
  context.tellNotes();
  await context.confirmChecklist([
    'cms-setup-done',
    'storage-def-identical',
    'single-user-mode',
    'admin-tape-inserted',
  ]);
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
  const item = context.definition.checklist.find((candidate) => candidate.id === 'restore-run')!;
  context.technician.tell(`On ORIG, in the CMS menu:\n${describeSelections(item.selections!)}`);
  let errors: Awaited<ReturnType<typeof logLinesDuring>> = [];
  const restored = await logLinesDuring(context, 'ORIG', RESTORE_LOG, async () => {
    errors = await logLinesDuring(context, 'ORIG', ERROR_LOG, () =>
      context.confirmChecklist(['restore-run']),
    );
  });
  if (!restored.some((entry) => entry.outcome === 'success'))
    throw new StepFailure('the restore log shows no restore from the tape');
  const unexpected = errors.filter((entry) => entry.outcome !== 'harmless');
  if (unexpected.length > 0)
    throw new StepFailure(`the CMS error log shows: ${unexpected.map((e) => e.line).join(' | ')}`);
  if (errors.length > 0) {
    context.technician.tell(
      `Recorded, as the manual expects without custom tables: "${HARMLESS_NON_CMS_RESTORE}"`,
    );
    await context.record({
      type: 'note-added',
      stepId: context.stepId,
      text: `Expected restore message recorded: ${HARMLESS_NON_CMS_RESTORE}`,
    });
  }
  await context.record({
    type: 'checklist-item-ticked',
    stepId: context.stepId,
    itemId: 'restore-errors-checked',
  });
  await context.confirmChecklist();
}
