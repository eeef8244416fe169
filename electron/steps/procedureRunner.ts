import { assertNever } from '../../shared/assertNever.ts';
import { judgeDriveCompatibility } from '../../shared/procedure/driveCompatibility.ts';
import { recommendPrimary } from '../../shared/procedure/platforms.ts';
import { stepDefinition } from '../../shared/procedure/procedureGraph.ts';
import type { ChecklistItem, ServerRole, StepId } from '../../shared/procedure/types.ts';
import { SessionGuardError } from '../../shared/session/sessionGuardError.ts';
import type { StepRun } from '../../shared/session/sessionState.ts';
import { readDateTime } from '../../shared/time/zonedTime.ts';
import type { TechnicianRequest } from '../ssh/dialogEngine.ts';
import { SshConnectError } from '../ssh/sshConnection.ts';
import { cmsadmBackups, maintenanceBackup } from './backupSteps.ts';
import { verifyDataCollection, waitForFreshArchive } from './cmsChecks.ts';
import {
  migrateAdminBack,
  migrateAdminToNew,
  migrateHistoricalToNew,
  restoreOnOrig,
} from './migrationSteps.ts';
import { inspectAfterInterruption } from './inspectAfterInterruption.ts';
import { StepFailure, type StepContext } from './stepContext.ts';
import { drivesNeedTechnician, readTapeDrive } from './tapeDriveCheck.ts';
import { parseCmsPackageVersion } from '../../shared/parsers/cmsPackageVersion.ts';
import { StepInterrupted, tapeDeviceOf } from './tapeWork.ts';
import { rollBack } from './rollbackSteps.ts';

/**
 * Runs one step of the procedure against the session's servers and journals everything: its start,
 * what the technician confirmed, the evidence (transcripts and parsed output), tapes and migrations,
 * and how it ended (passed, failed with the reason, or interrupted by a lost connection).
 */
export async function runProcedureStep(context: StepContext): Promise<StepRun> {
  const previous = context.state.steps[context.stepId];
  const kept = keptConfirmations(context.stepId, previous);
  await context.record({
    type: 'step-started',
    stepId: context.stepId,
    ...(kept.length > 0 ? { keptItems: kept.map((item) => item.id) } : {}),
  });
  if (kept.length > 0)
    context.technician.tell(
      `Kept from attempt ${previous.attempts}, not asked again: ${kept.map((item) => item.text).join(' ')}`,
    );
  try {
    if (previous.status === 'interrupted')
      await inspectAfterInterruption(context, previous.reason ?? 'unknown');
    await STEP_WORK(context.stepId)(context);
    await context.closeTranscripts();
    await context.record({ type: 'step-passed', stepId: context.stepId });
  } catch (error) {
    await context.closeTranscripts().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    const interrupted =
      error instanceof StepInterrupted || (error instanceof SshConnectError && error.kind === 'network');
    if (interrupted) await context.record({ type: 'step-interrupted', stepId: context.stepId, reason });
    else if (
      error instanceof StepFailure ||
      error instanceof SessionGuardError ||
      error instanceof SshConnectError
    ) {
      await context.record({ type: 'step-failed', stepId: context.stepId, reason });
    } else {
      await context.record({
        type: 'step-failed',
        stepId: context.stepId,
        reason: `unexpected error: ${reason}`,
      });
      throw error;
    }
  }
  return context.state.steps[context.stepId];
}

function STEP_WORK(stepId: StepId): (context: StepContext) => Promise<void> {
  switch (stepId) {
    case 'P1':
      return confirmOnly;
    case 'D6':
      return upgradeOrig;
    case 'RB':
      return rollBack;
    case 'P2':
      return checkTapeDrives;
    case 'P3a':
      return choosePrimary;
    case 'P3b':
      return setCutOff;
    case 'P4a':
      return (context) => cmsadmBackups(context, [{ server: 'ORIG', role: 'CMSADM-ORIG' }]);
    case 'P4b':
      return (context) => maintenanceBackup(context, 'ORIG', 'FULL-ORIG');
    case 'D1':
      return (context) => maintenanceBackup(context, 'ORIG', 'ADMIN-ORIG');
    case 'D2':
      return migrateAdminToNew;
    case 'D3':
      return busyOutAndReadminister;
    case 'D4':
      return async (context) => {
        await verifyDataCollection(context, 'NEW');
        await context.record({
          type: 'checklist-item-ticked',
          stepId: context.stepId,
          itemId: 'data-collection-new',
        });
      };
    case 'D5':
      return (context) => maintenanceBackup(context, 'ORIG', 'INCR-ORIG');
    case 'D7':
      return migrateHistoricalToNew;
    case 'D8':
      return migrateAdminBack;
    case 'D9':
      return (context) => maintenanceBackup(context, 'NEW', 'FULL-NEW');
    case 'D10':
      return restoreOnOrig;
    case 'D11':
      return (context) =>
        cmsadmBackups(context, [
          { server: 'NEW', role: 'CMSADM-NEW' },
          { server: 'ORIG', role: 'CMSADM-ORIG-FINAL' },
        ]);
    default:
      return assertNever(stepId, 'step');
  }
}

async function confirmOnly(context: StepContext): Promise<void> {
  context.tellNotes();
  await context.confirmChecklist();
}

/** P2: both drives read and compared; anything but "compatible" stops the plan with the manual's reason. */
/** The manual's own sample for a DDS-4 drive (Verifying the DDS-4 tape drive). */
const MT_LOOK_FOR =
  "a drive line and \"sense key(0x0)= No Additional Sense\" for each server (the manual's DDS-4 sample: \"Vendor 'HP'   Product 'C5683A'   tape drive:\"); both drives of one kind that reads the other's tapes (DDS-4 with DDS-4, Mammoth with Mammoth), each with a tape loaded.";

async function checkTapeDrives(context: StepContext): Promise<void> {
  context.tellNotes();
  // mt reads a drive with a tape in it: the technician loads both first.
  await context.confirmChecklist(['tape-loaded-orig', 'tape-loaded-new']);
  const readings = await Promise.all(
    (['ORIG', 'NEW'] as const).map(async (server) => {
      const connection = await context.connect(server);
      const reading = await readTapeDrive(
        connection,
        tapeDeviceOf(context, server),
        context.transcript(server).write,
      );
      await context.evidence(server, 'mt-status', { ...reading.mt, raw: undefined });
      return reading;
    }),
  );
  if (drivesNeedTechnician(readings)) {
    await context.requireRightVerdict(
      null,
      'mt status of the tape drives of ORIG and NEW',
      MT_LOOK_FOR,
      readings
        .map((reading, i) => `${i === 0 ? 'ORIG' : 'NEW'}: ${reading.command}\n${reading.output}`)
        .join('\n'),
    );
    await context.record({ type: 'checklist-item-ticked', stepId: context.stepId, itemId: 'mt-status-both' });
    return;
  }
  const verdict = judgeDriveCompatibility(
    { platform: context.state.servers.ORIG?.platform ?? null, mt: readings[0]!.mt },
    { platform: context.state.servers.NEW?.platform ?? null, mt: readings[1]!.mt },
  );
  await context.evidence(null, 'drive-verdict', verdict);
  context.technician.tell(verdict.message);
  if (verdict.verdict === 'replace-orig-drive' && verdict.warning)
    context.technician.tell(`WARNING: ${verdict.warning}`);
  if (verdict.verdict !== 'compatible') throw new StepFailure(verdict.message);
  await context.record({ type: 'checklist-item-ticked', stepId: context.stepId, itemId: 'mt-status-both' });
}

/** P3a: the platform pair checked against the manual, the recommendation shown, the technician's choice journaled. */
async function choosePrimary(context: StepContext): Promise<void> {
  context.tellNotes();
  const orig = context.state.servers.ORIG?.platform;
  const neu = context.state.servers.NEW?.platform;
  if (!orig || !neu) throw new StepFailure('set the platform of both servers first');
  const recommendation = recommendPrimary({ platform: orig }, { platform: neu });
  await context.evidence(null, 'platform-pair', recommendation);
  context.technician.tell(recommendation.reason);
  if (!recommendation.supported) throw new StepFailure(recommendation.reason);
  await context.record({
    type: 'checklist-item-ticked',
    stepId: context.stepId,
    itemId: 'platform-pair-supported',
  });
  const suggested: ServerRole | null =
    recommendation.primary === 'first' ? 'ORIG' : recommendation.primary === 'second' ? 'NEW' : null;
  const primary = await askUntilValid(
    context,
    `Which server is the primary, ORIG or NEW?${suggested ? ` [${suggested}]` : ''}`,
    (answer) => {
      const chosen = answer === '' && suggested ? suggested : answer.toUpperCase();
      return chosen === 'ORIG' || chosen === 'NEW'
        ? { value: chosen as ServerRole }
        : `"${answer}" is neither ORIG nor NEW`;
    },
  );
  if (primary === null) throw new StepFailure('no primary server chosen (answer ORIG or NEW)');
  await context.record({ type: 'ha-roles-assigned', primary });
  await context.confirmChecklist();
}

/**
 * Asks until `read` accepts the answer (it returns the value, or a string with a reason when it does
 * not): a person who mistyped is asked again, with the reason, never failed for it. Null: stopped.
 */
async function askUntilValid<T>(
  context: StepContext,
  question: string,
  read: (answer: string) => { value: T } | string,
  request?: TechnicianRequest,
): Promise<T | null> {
  let problem = '';
  for (;;) {
    const answer = await context.technician.ask(
      problem ? `${question} (${problem}: try again.)` : question,
      request,
    );
    if (answer === null) return null;
    const result = read(answer.trim());
    if (typeof result !== 'string') return result.value;
    problem = result;
  }
}

/** The lasting facts the failed or interrupted attempt before confirmed: a re-run does not ask them again. */
function keptConfirmations(stepId: StepId, previous: StepRun): ChecklistItem[] {
  if (previous.status !== 'failed' && previous.status !== 'interrupted') return [];
  return stepDefinition(stepId).checklist.filter(
    (item) => item.lasting === true && previous.checkedItems.includes(item.id),
  );
}

/** P3b: the cut-off time agreed with the customer, in the site's time zone, and the outage window's planned length. */
async function setCutOff(context: StepContext): Promise<void> {
  const cutOff = await askUntilValid(
    context,
    "Cut-off time on the upgrade day, on the site's clock (e.g. 2026-11-24T07:00:00+01:00[Europe/Paris])?",
    (answer) =>
      readDateTime(answer) !== null
        ? { value: readDateTime(answer)! }
        : `"${answer}" is not a date and time like 2026-11-24T07:00:00+01:00[Europe/Paris]`,
    { kind: 'date-time' },
  );
  if (cutOff === null) throw new StepFailure('no cut-off time given');
  await context.record({
    type: 'cut-off-set',
    cutOff: cutOff.instant,
    ...(cutOff.timeZone ? { timeZone: cutOff.timeZone } : {}),
  });
  const planned = await askUntilValid(
    context,
    'How long may the outage window last, from the busy-out on ORIG to data collection verified on NEW (hours:minutes, e.g. 4:00)?',
    (answer) => {
      const match = /^(\d{1,2})(?::([0-5]\d))?$/.exec(answer);
      const minutes = match ? Number(match[1]) * 60 + Number(match[2] ?? 0) : NaN;
      return minutes >= 15 && minutes <= 2880
        ? { value: minutes }
        : `"${answer}" is not a length between 0:15 and 48:00`;
    },
  );
  if (planned === null) throw new StepFailure('no planned length of the outage window given');
  await context.record({ type: 'outage-planned', minutes: planned });
  await context.confirmChecklist();
}

/** D3: busy out only right after an interval archive; the outage window starts at the busy-out. */
async function busyOutAndReadminister(context: StepContext): Promise<void> {
  context.tellNotes();
  await waitForFreshArchive(context);
  await context.record({
    type: 'checklist-item-ticked',
    stepId: context.stepId,
    itemId: 'archive-interval-checked',
  });
  await context.confirmChecklist(['links-busied-out', 'switch-readministered', 'links-released']);
}

/** D6: ORIG upgraded (CUE) and set up; same CMS version as NEW checked; data collection verified. */
async function upgradeOrig(context: StepContext): Promise<void> {
  context.tellNotes();
  await context.confirmChecklist(['cue-upgrade-done', 'cms-setup-orig']);
  const versions = await Promise.all(
    (['ORIG', 'NEW'] as const).map(async (server) => {
      const result = await (await context.connect(server)).exec('pkginfo -l cms', { timeoutMs: 60_000 });
      if (result.kind === 'interrupted') throw new StepInterrupted(result.reason);
      const version = result.kind === 'exited' ? parseCmsPackageVersion(result.stdout) : null;
      return version?.kind === 'version' ? version.version : null;
    }),
  );
  await context.evidence(null, 'cms-versions', { ORIG: versions[0], NEW: versions[1] });
  if (!versions[0] || versions[0] !== versions[1]) {
    throw new StepFailure(
      `ORIG runs CMS ${versions[0] ?? '(unknown)'} and NEW ${versions[1] ?? '(unknown)'}: they must match`,
    );
  }
  await context.record({
    type: 'checklist-item-ticked',
    stepId: context.stepId,
    itemId: 'same-version-as-new',
  });
  await verifyDataCollection(context, 'ORIG');
  await context.record({
    type: 'checklist-item-ticked',
    stepId: context.stepId,
    itemId: 'data-collection-orig',
  });
}
