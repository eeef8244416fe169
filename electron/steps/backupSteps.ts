import { selectionsAsWindow } from '../../shared/procedure/selectionsAsWindow.ts';
import { tapeRoleDefinition } from '../../shared/procedure/tapeRoles.ts';
import type { MenuSelections, ServerRole, TapeRole } from '../../shared/procedure/types.ts';
import type { BrCheck } from '../../shared/parsers/brCheck.ts';
import { checkVolumeLabel } from '../../shared/procedure/volumeLabelRule.ts';
import { registeredTapeRefusal, tapeIdProblem } from '../../shared/session/tapeCustody.ts';
import { runCmsadmBackup } from './cmsadmBackup.ts';
import { StepFailure, type StepContext } from './stepContext.ts';
import { blankTapeForBackup, driveMayBeWritten } from './tapePreflight.ts';
import { parseCmsPackageVersion } from '../../shared/parsers/cmsPackageVersion.ts';
import { keepWaitingOn, listVolumeInDrive, recordInserted, StepInterrupted } from './tapeWork.ts';

/** The manual's selections of a CMS window, as lines the technician can follow (drawn as the window). */
export function describeSelections(selections: MenuSelections): string {
  return selectionsAsWindow(selections).join('\n');
}

async function cmsVersionOf(context: StepContext, server: ServerRole): Promise<string> {
  const configured = context.state.servers[server]?.cmsVersion;
  if (configured) return configured;
  const result = await (await context.connect(server)).exec('pkginfo -l cms', { timeoutMs: 60_000 });
  if (result.kind === 'interrupted') throw new StepInterrupted(result.reason);
  const version = result.kind === 'exited' ? parseCmsPackageVersion(result.stdout) : null;
  if (version?.kind === 'version') return version.version;
  const shown = `${result.stdout}${result.stderr}`.trim().slice(-1500) || '(no output)';
  const typed = await context.technician.ask(
    `The CMS version of ${server} could not be read from "pkginfo -l cms", which printed:\n${shown}\nType the CMS version as the server shows it (e.g. r3v11ak.g), for the tape label:`,
  );
  if (!typed?.trim())
    throw new StepFailure(`the CMS version of ${server} could not be read (pkginfo -l cms)`);
  await context.record({
    type: 'note-added',
    stepId: context.stepId,
    text: `CMS version of ${server} typed by the technician (${typed.trim()}): pkginfo -l cms printed no VERSION line.`,
  });
  return typed.trim().slice(0, 64);
}

/**
 * P4b, D1, D5, D9: the technician runs the maintenance backup in the CMS menu with the manual's
 * selections; the app then verifies the tape with br_check, checks its volume label against the role,
 * and registers it with the label text CMS wrote.
 */
export async function maintenanceBackup(
  context: StepContext,
  server: ServerRole,
  role: TapeRole,
): Promise<void> {
  context.tellNotes();
  const runItem = context.definition.checklist.find((item) => item.selections)!;
  // The tape is named and the drive read before Run: a backup the upgrade needs is never written over.
  const tapeId = context.state.steps[context.stepId].checkedItems.includes(runItem.id)
    ? await tapeWrittenEarlier(context, server)
    : await blankTapeForBackup(context, server, role);
  context.technician.tell(`On ${server}, in the CMS menu:\n${describeSelections(runItem.selections!)}`);
  await context.confirmChecklist([runItem.id]);

  const volume = await listVolumeInDrive(
    context,
    server,
    true,
    `the ${tapeRoleDefinition(role).title} just written`,
  );
  const written =
    volume.kind === 'listed'
      ? volumeOfListing(role, volume.listing)
      : await volumeNamedByTechnician(context, server);
  // br_check ran and listed the tape: the app did that item itself.
  if (volume.kind === 'listed')
    await context.tickDoneByApp(
      context.definition.checklist.filter((item) => item.id.endsWith('-br-check')).map((item) => item.id),
    );
  const label = written.labelText;
  context.technician.tell(
    `Volume label: ${label}. Write it on ${tapeId}'s cartridge with the date and the CMS version.`,
  );
  const writeProtected = await context.technician.confirm(
    'Write-protect switch of this tape set to read-only?',
  );
  await context.record({
    type: 'tape-registered',
    tapeId,
    role,
    producedBy: context.stepId,
    server,
    labelText: label,
    sequence: written.sequence,
    backupDate: written.backupDate,
    cmsVersion: await cmsVersionOf(context, server),
    writeProtected,
    verified: written.verified,
    location: `drive of ${server}`,
  });
  await context.confirmChecklist();
}

/**
 * A re-run after Run was confirmed (the backup was written, its check failed): the tape is the one in
 * the drive, named again by the technician, and never one this session already holds.
 */
async function tapeWrittenEarlier(context: StepContext, server: ServerRole): Promise<string> {
  for (;;) {
    const answer = await context.technician.ask(
      `Id written on the cartridge in the drive of ${server} (the backup written in the earlier attempt)?`,
    );
    if (answer === null) throw new StepFailure('no tape id given');
    const tapeId = answer.trim();
    if (!tapeId) continue;
    const typo = tapeIdProblem(tapeId);
    if (typo) {
      context.technician.tell(typo);
      continue;
    }
    const refusal = registeredTapeRefusal(context.state, tapeId, 'backup of this step');
    if (!refusal) return tapeId;
    await context.refuse(refusal);
  }
}

interface WrittenVolume {
  labelText: string;
  sequence: { number: number; of: number };
  backupDate: string;
  verified: boolean;
}

/** The volume br_check listed, checked against what the role's backup must hold. */
function volumeOfListing(role: TapeRole, listing: Extract<BrCheck, { status: 'listed' }>): WrittenVolume {
  const verdict = checkVolumeLabel(listing.volumeLabel, role);
  if (!verdict.matches)
    throw new StepFailure(`the backup tape does not hold what ${role} must: ${verdict.reasons.join('; ')}`);
  return {
    labelText: listing.volumeLabel.raw.trim(),
    sequence: { number: listing.volumeLabel.tape, of: listing.volumeLabel.tape },
    backupDate: listing.volumeLabel.date,
    verified: listing.verified,
  };
}

/**
 * br_check's output could not be read and the technician judged the verification right: the label is
 * copied from the screen by the technician, dated today, and counted as verified on their judgement.
 */
async function volumeNamedByTechnician(context: StepContext, server: ServerRole): Promise<WrittenVolume> {
  for (;;) {
    const label = await context.technician.ask(
      `The volume label of this backup, exactly as br_check shows it on ${server}:`,
    );
    if (label === null) throw new StepFailure('the volume label of the backup was not given');
    if (label.trim() === '' || label.trim().length > 4000) continue;
    return {
      labelText: label.trim(),
      sequence: { number: 1, of: 1 },
      backupDate: context.now().toISOString().slice(0, 10),
      verified: true,
    };
  }
}

/**
 * P4a, D11: CMSADM backups driven through cmsadm; on several servers at once for D11. Each backup that
 * succeeds is registered even when the other fails, and a re-run writes only the servers whose backup
 * this step has not registered yet, unless the technician asks for all of them again.
 */
export async function cmsadmBackups(
  context: StepContext,
  jobs: readonly { server: ServerRole; role: TapeRole }[],
): Promise<void> {
  context.tellNotes();
  const todo: { server: ServerRole; role: TapeRole }[] = [];
  for (const job of jobs) {
    const done = Object.values(context.state.tapes).filter(
      (tape) => tape.producedBy === context.stepId && tape.role === job.role,
    );
    const keep =
      done.length > 0 &&
      (await context.technician.confirm(
        `${job.server}'s CMSADM backup was written and verified in an earlier attempt of ${context.stepId} (${done.map((tape) => tape.id).join(', ')}). Keep it and leave ${job.server} alone? (No writes ${job.server}'s backup again, on new tapes.)`,
      ));
    if (!keep) todo.push(job);
  }
  const settled = await Promise.allSettled(todo.map((job) => cmsadmBackupOn(context, job.server, job.role)));
  for (const outcome of settled) {
    if (outcome.status !== 'fulfilled') continue;
    const result = outcome.value;
    for (const [index, tapeId] of result.tapeIds.entries()) {
      await context.record({
        type: 'tape-registered',
        tapeId,
        role: result.role,
        producedBy: context.stepId,
        server: result.server,
        labelText: `CMSADM backup of ${result.hostname}, tape ${index + 1} of ${result.tapeIds.length}, ${result.date}, CMS ${result.cmsVersion}`,
        sequence: { number: index + 1, of: result.tapeIds.length },
        backupDate: result.date,
        cmsVersion: result.cmsVersion,
        writeProtected: result.writeProtected,
        verified: result.verified,
        location: `with the technician (${result.server})`,
      });
    }
  }
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  // What the app ran and verified itself is ticked, not asked: only the labelling is the technician's.
  const verified = (server: ServerRole) => {
    const tapes = Object.values(context.state.tapes).filter(
      (tape) => tape.producedBy === context.stepId && tape.server === server,
    );
    return tapes.length > 0 && tapes.every((tape) => tape.verified);
  };
  await context.tickDoneByApp([
    'cmsadm-backup-run',
    ...(jobs.every((job) => verified(job.server)) ? ['cmsadm-verified'] : []),
    ...jobs.filter((job) => verified(job.server)).map((job) => `cmsadm-${job.server.toLowerCase()}`),
  ]);
  await context.confirmChecklist();
}

/** What the manual shows at the end of a CMSADM backup (pp. 25-26). */
const CMSADM_LOOK_FOR =
  'the written block count, "Tape Verification", the same block count again, the warning that a CMS Full Maintenance Backup is also needed, and "Please label the backup tape(s) with the date and the current CMS version (r3vXxx.x)". A write-protected or missing tape, or a verification that stops, is a failure.';

/**
 * A CMSADM backup whose end the app cannot read (another wording, or cmsadm ended before the label
 * instruction): the technician judges the console; "looks right" counts the tapes they named as the set
 * and takes the CMS version from the server, "looks wrong" fails the step.
 */
async function judgedCmsadmEnding(
  context: StepContext,
  server: ServerRole,
  raw: string,
  tapeIds: readonly string[],
): Promise<{ tapes: number; verified: boolean; cmsVersion: string }> {
  await context.requireRightVerdict(
    server,
    `The end of the CMSADM backup of ${server}`,
    CMSADM_LOOK_FOR,
    raw,
  );
  if (tapeIds.length === 0) throw new StepFailure(`no tape was named during the CMSADM backup of ${server}`);
  return { tapes: tapeIds.length, verified: true, cmsVersion: await cmsVersionOf(context, server) };
}

async function cmsadmBackupOn(context: StepContext, server: ServerRole, role: TapeRole) {
  const connection = await context.connect(server);
  const transcript = context.transcript(server);
  const tapeIds: string[] = [];
  const device = context.state.servers[server]?.tapeDevice ?? null;
  let blocks: number | null = null;
  const progress = (text: string) => context.technician.progress?.({ server, text, blocks });
  progress('Starting the CMSADM backup');
  const run = await runCmsadmBackup(
    connection,
    { device },
    {
      transcript: transcript.write,
      onSecret: transcript.addSecret,
      keepWaiting: keepWaitingOn(context, server, 'cmsadm'),
      onRule: (ruleId, match) => {
        if (ruleId === 'write-finished') {
          blocks = Number(match[1]);
          progress(`${blocks} blocks written; verifying the tapes`);
        }
        if (ruleId === 'label') progress(`Backup written and verified: ${blocks ?? 'unknown'} blocks`);
      },
      ask: async (asked, { request, secret }) => {
        // The verification pass asks for each tape by the name it was given when written.
        const name =
          request?.kind === 'insert-tape' && request.purpose === 'verify'
            ? tapeIds[request.tapeNumber - 1]
            : undefined;
        const question = name ? `${asked} It is ${name}.` : asked;
        let answer = await context.technician.ask(
          `${server}: ${question}`,
          request ?? (secret ? { kind: 'secret' } : undefined),
        );
        // A tape this session holds a backup on is never written over: the technician is told which it
        // is and asked for another before cmsadm is let on; then the drive itself is read (at a tape
        // change too: tape 1 left in the drive is refused).
        for (;;) {
          if (answer === null || request?.kind !== 'insert-tape' || request.purpose !== 'write') break;
          const named = answer.trim() || `${role}-${request.tapeNumber}`;
          const earlier = tapeIds.indexOf(answer.trim());
          const typo = answer.trim() === '' ? null : tapeIdProblem(answer);
          const refusal =
            typo ??
            (earlier >= 0 && earlier !== request.tapeNumber - 1
              ? `${answer.trim()} is tape ${earlier + 1} of this backup, just written: take it out and insert a blank tape as tape ${request.tapeNumber}.`
              : registeredTapeRefusal(
                  context.state,
                  answer.trim(),
                  `tape ${request.tapeNumber} of the ${tapeRoleDefinition(role).title}`,
                ));
          if (typo) context.technician.tell(typo);
          else if (refusal) await context.refuse(refusal);
          else if (
            await driveMayBeWritten(
              context,
              server,
              named,
              `tape ${request.tapeNumber} of the ${tapeRoleDefinition(role).title}`,
              tapeIds.slice(0, request.tapeNumber - 1),
            )
          )
            break;
          answer = await context.technician.ask(`${server}: ${question}`, request);
        }
        if (answer !== null && request?.kind === 'insert-tape') {
          if (request.purpose === 'write')
            tapeIds[request.tapeNumber - 1] = answer.trim() || `${role}-${request.tapeNumber}`;
          const inserted = tapeIds[request.tapeNumber - 1];
          if (inserted) await recordInserted(context, server, inserted);
          progress(`${request.purpose === 'write' ? 'Writing' : 'Verifying'} tape ${request.tapeNumber}`);
        }
        return answer === null ? null : '';
      },
    },
  );
  if (run.outcome.kind === 'interrupted') throw new StepInterrupted(run.outcome.reason);
  // A recognised failure, or the technician's "stop waiting", ends it; an ending the app cannot read is theirs to judge.
  if (run.outcome.kind === 'failed' || run.outcome.kind === 'timed-out') {
    const reason = run.outcome.kind === 'failed' ? run.outcome.reason : 'stopped after a long silence';
    throw new StepFailure(`the CMSADM backup of ${server} did not complete: ${reason}`);
  }
  await context.evidence(server, 'cmsadm-backup', { ...run.result, raw: undefined });
  const parsed = run.result;
  if (parsed.kind === 'recognised' && parsed.status === 'failed')
    throw new StepFailure(`the CMSADM backup of ${server} did not complete: ${parsed.message}`);
  const result =
    parsed.kind === 'recognised' ? parsed : await judgedCmsadmEnding(context, server, parsed.raw, tapeIds);
  if (tapeIds.length !== result.tapes)
    throw new StepFailure(`${result.tapes} tapes were written on ${server} but ${tapeIds.length} were named`);
  const hostname = (await connection.exec('uname -n')).stdout.trim() || server;
  const writeProtected = await context.technician.confirm(
    `${server}: label the ${result.tapes} CMSADM tape(s) with number, date and CMS version ${result.cmsVersion}, and set each write-protect switch to read-only. Done?`,
  );
  return {
    server,
    role,
    tapeIds,
    hostname,
    date: context.now().toISOString().slice(0, 10),
    cmsVersion: result.cmsVersion,
    verified: result.verified,
    writeProtected,
  };
}
