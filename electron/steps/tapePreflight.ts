import { tapeRoleDefinition } from '../../shared/procedure/tapeRoles.ts';
import type { ServerRole, TapeRole } from '../../shared/procedure/types.ts';
import { registeredTapeRefusal, tapeIdProblem } from '../../shared/session/tapeCustody.ts';
import { runBrCheck } from './brCheck.ts';
import { readTapeStart } from './tapeStart.ts';
import { StepFailure, type StepContext } from './stepContext.ts';
import { brCheckDevice, keepWaitingOn, recordInserted, StepInterrupted, tapeDeviceOf } from './tapeWork.ts';

/**
 * Before a maintenance backup is run: the technician inserts a blank tape and names it, and the app
 * checks both the name and the drive before anything is written. A tape of this session is refused by
 * its name; a drive that holds one of this session's backups is refused by its volume label or, for a
 * CMSADM backup (which br_check cannot see), by the cpio archive its first bytes start; a written tape
 * the session does not know is written over only on an explicit yes (noted in the journal).
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
    const typo = tapeIdProblem(tapeId);
    if (typo) {
      context.technician.tell(typo);
      continue;
    }
    const refusal = registeredTapeRefusal(context.state, tapeId, wanted);
    if (refusal) {
      await context.refuse(refusal);
      continue;
    }
    if (await driveMayBeWritten(context, server, tapeId, wanted)) {
      await recordInserted(context, server, tapeId);
      return tapeId;
    }
  }
}

/**
 * Reads the drive read-only and says whether the step may write on what is in it: br_check's listing
 * (a CMS maintenance volume and its label), then the tape's first bytes (blank, the start of a cpio
 * archive — a CMSADM backup — or other data). `earlierOfSet` are the tapes of the backup being written
 * that are already full: at a tape change, the one that still starts the archive is most likely its
 * tape 1, left in the drive.
 */
export async function driveMayBeWritten(
  context: StepContext,
  server: ServerRole,
  tapeId: string,
  wanted: string,
  earlierOfSet: readonly string[] = [],
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
      'a tape with no CMS backup volume on it. A volume label, ACDs and tables mean the tape holds a backup: do not write on it.',
      result.raw,
    );
    if (verdict.verdict !== 'looks-right') return false;
    return startMayBeWritten(context, server, tapeId, wanted, earlierOfSet);
  }
  if (result.status === 'not-a-backup')
    return startMayBeWritten(context, server, tapeId, wanted, earlierOfSet);
  if (result.status !== 'listed') {
    context.technician.tell(`The drive of ${server} holds no tape (${result.message}). Insert ${tapeId}.`);
    return false;
  }
  const label = result.volumeLabel.raw.trim();
  const known = Object.values(context.state.tapes).find((tape) => tape.labelText === label);
  if (known?.condition === 'intact') {
    await context.refuse(
      `The tape in the drive of ${server} is not blank: it holds ${known.id}'s backup (volume ${label}, the ${tapeRoleDefinition(known.role).title}), which this upgrade still needs. Remove it and insert ${tapeId}, blank.`,
    );
    return false;
  }
  return overwriteOnYes(
    context,
    server,
    tapeId,
    wanted,
    known
      ? `${known.id}'s old backup (volume ${label}, the ${tapeRoleDefinition(known.role).title}, recorded as ${known.condition})`
      : `a CMS maintenance backup this session does not know (volume ${label})`,
  );
}

/** What the tape's first bytes say: blank goes on; a CMSADM backup this upgrade keeps is refused; other data needs a yes. */
async function startMayBeWritten(
  context: StepContext,
  server: ServerRole,
  tapeId: string,
  wanted: string,
  earlierOfSet: readonly string[],
): Promise<boolean> {
  const start = await readTapeStart(context, server);
  if (start.kind !== 'recognised') {
    const verdict = await context.judge(
      server,
      `The first bytes of the tape in the drive of ${server}, before the ${wanted} is written (dd | od)`,
      'nothing read (a blank tape) and the record counts "0+0 records in". Bytes mean the tape holds data; an error means the drive could not be read: do not write on it.',
      start.raw,
    );
    return verdict.verdict === 'looks-right';
  }
  if (start.start === 'empty') return true;
  if (start.start === 'cpio') {
    const kept = Object.values(context.state.tapes).filter(
      (tape) =>
        tape.condition === 'intact' &&
        tape.sequence.number === 1 &&
        tapeRoleDefinition(tape.role).kind === 'cmsadm',
    );
    const likely =
      earlierOfSet.length > 0
        ? `it is most likely ${earlierOfSet[0]}, tape 1 of this backup, just written`
        : kept.length > 0
          ? `this upgrade keeps ${kept.map((tape) => `${tape.id}, the ${tapeRoleDefinition(tape.role).title}`).join('; ')}`
          : null;
    if (likely) {
      await context.refuse(
        `The tape in the drive of ${server} is not blank: it starts with a cpio archive, the start of a CMSADM backup; ${likely}. Do not write on it: remove it and insert ${tapeId}, blank. (First bytes: ${start.firstBytes})`,
      );
      return false;
    }
    return overwriteOnYes(
      context,
      server,
      tapeId,
      wanted,
      `the start of a CMSADM backup (a cpio archive) this session does not know`,
    );
  }
  const ofSet =
    earlierOfSet.length > 0 ? `; it may be ${earlierOfSet.at(-1)}, the last tape of this backup written` : '';
  return overwriteOnYes(
    context,
    server,
    tapeId,
    wanted,
    `data that is neither a CMS maintenance volume nor the start of a CMSADM backup (first bytes: ${start.firstBytes})${ofSet}`,
  );
}

/** Writing over a written tape this session does not keep: only on the technician's explicit yes, noted in the journal. */
async function overwriteOnYes(
  context: StepContext,
  server: ServerRole,
  tapeId: string,
  wanted: string,
  holds: string,
): Promise<boolean> {
  const overwrite = await context.technician.confirm(
    `The tape in the drive of ${server} (${tapeId}) is not blank: it holds ${holds}. Write the ${wanted} over it? What is on it now is lost.`,
  );
  if (overwrite)
    await context.record({
      type: 'note-added',
      stepId: context.stepId,
      text: `${tapeId} held ${holds}; written over by ${context.stepId} on the technician's yes.`,
    });
  return overwrite;
}
