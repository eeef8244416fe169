import { tapeRoleDefinition } from '../../shared/procedure/tapeRoles.ts';
import type { ServerRole, TapeRole } from '../../shared/procedure/types.ts';
import { registeredTapeRefusal, tapeIdProblem } from '../../shared/session/tapeCustody.ts';
import { runBrCheck } from './brCheck.ts';
import { StepFailure, type StepContext } from './stepContext.ts';
import { brCheckDevice, keepWaitingOn, recordInserted, StepInterrupted, tapeDeviceOf } from './tapeWork.ts';

/**
 * Before a maintenance backup is run: the technician inserts a blank tape and names it, and the app
 * checks both the name and the drive before anything is written. A tape of this session is refused by
 * its name; a drive that holds one of this session's backups is refused by its volume label; a CMS
 * backup the session does not know is written over only on an explicit yes (noted in the journal).
 * br_check cannot tell a blank tape from a CMSADM (cpio) tape: for those the name is the check.
 */
export async function blankTapeForBackup(
  context: StepContext,
  server: ServerRole,
  role: TapeRole,
): Promise<string> {
  const wanted = `${tapeRoleDefinition(role).title} tape`;
  const device = tapeDeviceOf(context, server);
  for (;;) {
    const answer = await context.technician.ask(
      `${server}: insert a blank tape into the drive of ${server}, to become the ${wanted}. The id written on its cartridge?`,
      { kind: 'insert-tape', purpose: 'write', tapeNumber: 1, device },
    );
    if (answer === null) throw new StepFailure(`no blank tape was inserted for the ${wanted}`);
    const tapeId = answer.trim();
    if (tapeId === '') continue;
    const refusal = tapeIdProblem(tapeId) ?? registeredTapeRefusal(context.state, tapeId, wanted);
    if (refusal) {
      context.technician.tell(refusal);
      continue;
    }
    if (await driveMayBeWritten(context, server, tapeId, wanted)) {
      await recordInserted(context, server, tapeId);
      return tapeId;
    }
  }
}

/** Reads the drive read-only (br_check's listing) and says whether the step may write on what is in it. */
async function driveMayBeWritten(
  context: StepContext,
  server: ServerRole,
  tapeId: string,
  wanted: string,
): Promise<boolean> {
  const { outcome, result } = await runBrCheck(
    await context.connect(server),
    { device: brCheckDevice(tapeDeviceOf(context, server)), verify: false },
    {
      transcript: context.transcript(server).write,
      keepWaiting: keepWaitingOn(context, server, 'br_check'),
    },
  );
  if (outcome.kind === 'interrupted') throw new StepInterrupted(outcome.reason);
  await context.evidence(server, 'tape-before-write', { ...result, raw: undefined });
  if (result.kind !== 'recognised') {
    const verdict = await context.judge(
      server,
      `What is in the drive of ${server} before the ${wanted} is written (br_check)`,
      'a blank tape: br_check finds no CMS backup volume on it. A volume label, ACDs and tables mean the tape holds a backup: do not write on it.',
      result.raw,
    );
    return verdict.verdict === 'looks-right';
  }
  if (result.status === 'not-a-backup') return true;
  if (result.status !== 'listed') {
    context.technician.tell(`The drive of ${server} holds no tape (${result.message}). Insert ${tapeId}.`);
    return false;
  }
  const label = result.volumeLabel.raw.trim();
  const known = Object.values(context.state.tapes).find((tape) => tape.labelText === label);
  if (known) {
    context.technician.tell(
      `The tape in the drive of ${server} is not blank: it holds ${known.id}'s backup (volume ${label}, the ${tapeRoleDefinition(known.role).title}), which this upgrade still needs. Remove it and insert ${tapeId}, blank.`,
    );
    return false;
  }
  const overwrite = await context.technician.confirm(
    `The tape in the drive of ${server} (${tapeId}) is not blank: it holds a CMS maintenance backup this session does not know (volume ${label}). Write the ${wanted} over it? What is on it now is lost.`,
  );
  if (overwrite)
    await context.record({
      type: 'note-added',
      stepId: context.stepId,
      text: `${tapeId} held a CMS maintenance backup unknown to this session (volume ${label}); written over by ${context.stepId} on the technician's yes.`,
    });
  return overwrite;
}
