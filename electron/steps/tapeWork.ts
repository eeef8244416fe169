import { parseMigrationLog, type MigrationLogEntry } from '../../shared/parsers/migrateLog.ts';
import { checkVolumeLabel } from '../../shared/procedure/volumeLabelRule.ts';
import type { ServerRole, TapeRole } from '../../shared/procedure/types.ts';
import type { Tape } from '../../shared/session/sessionState.ts';
import { shQuote } from '../ssh/remoteCommand.ts';
import { runBrCheck } from './brCheck.ts';
import { StepFailure, type StepContext } from './stepContext.ts';

export const DEFAULT_DEVICE = '/dev/rmt/0';

export function tapeDeviceOf(context: StepContext, server: ServerRole): string {
  return context.state.servers[server]?.tapeDevice ?? DEFAULT_DEVICE;
}

/** The br_check device path: the drive with the compressing density the manual's example uses (`0c`). */
function brCheckDevice(device: string): string {
  return /^\/dev\/rmt\/\d+$/.test(device) ? `${device}c` : device;
}

/**
 * What a step asks when tape work on `server` has printed nothing for a while: tape writes and
 * verifications can be silent for many minutes, so only the technician ends the wait.
 */
export function keepWaitingOn(context: StepContext, server: ServerRole, program: string) {
  return (silentForMs: number, lastOutput: string): Promise<boolean> =>
    context.technician.confirm(
      `${server}: ${program} has printed nothing for ${Math.max(1, Math.round(silentForMs / 60_000))} min (last output: "${lastOutput.trim().slice(-120) || 'none'}"). Tape work can be silent for a long time. Keep waiting? (No stops ${program}.)`,
    );
}

/** Reads the maintenance volume in the drive with br_check; a tape br_check cannot list stops the step. */
export async function listVolumeInDrive(context: StepContext, server: ServerRole, verify: boolean) {
  const connection = await context.connect(server);
  const transcript = context.transcript(server);
  const { outcome, result } = await runBrCheck(
    connection,
    { device: brCheckDevice(tapeDeviceOf(context, server)), verify },
    { transcript: transcript.write, keepWaiting: keepWaitingOn(context, server, 'br_check') },
  );
  await context.evidence(server, 'br-check', { ...result, raw: undefined });
  if (outcome.kind === 'interrupted') throw new StepInterrupted(outcome.reason);
  if (result.kind !== 'recognised')
    throw new StepFailure(`br_check output not recognised (${result.reason}); check the tape by hand`);
  if (result.status !== 'listed') throw new StepFailure(`br_check on ${server}: ${result.message}`);
  return result;
}

/**
 * The tape check before a migration or restore: br_check lists the tape in the drive, the volume label
 * must be that of one of this session's tapes and of the role the step expects. A wrong tape stops the
 * step before anything is migrated; the right one is journaled as loaded.
 */
export async function checkTapeInDrive(
  context: StepContext,
  server: ServerRole,
  role: TapeRole,
): Promise<Tape> {
  const listing = await listVolumeInDrive(context, server, false);
  const label = listing.volumeLabel.raw.trim();
  const verdict = checkVolumeLabel(listing.volumeLabel, role);
  if (!verdict.matches)
    throw new StepFailure(`wrong tape in the drive of ${server} (${label}): ${verdict.reasons.join('; ')}`);
  const tape = Object.values(context.state.tapes).find((candidate) => candidate.labelText === label);
  if (!tape)
    throw new StepFailure(`the tape in the drive of ${server} (${label}) is not one of this session's tapes`);
  await context.record({ type: 'tape-loaded', stepId: context.stepId, server, tapeId: tape.id });
  return tape;
}

/** Lines a log file gained while `work` ran (the technician's menu action), parsed. */
export async function logLinesDuring(
  context: StepContext,
  server: ServerRole,
  file: string,
  work: () => Promise<void>,
): Promise<MigrationLogEntry[]> {
  const connection = await context.connect(server);
  const read = async () => {
    const result = await connection.exec(`cat ${shQuote(file)}`, { timeoutMs: 60_000 });
    if (result.kind === 'interrupted') throw new StepInterrupted(result.reason);
    return result.kind === 'exited' && result.code === 0 ? result.stdout : '';
  };
  const before = await read();
  await work();
  const after = await read();
  const added = after.startsWith(before) ? after.slice(before.length) : after;
  if (added.trim() === '') return [];
  const parsed = parseMigrationLog(added);
  await context.evidence(server, `log ${file}`, { ...parsed, raw: undefined });
  return parsed.kind === 'recognised' ? parsed.entries : [];
}

/** A step whose connection dropped: journaled as `interrupted`, never re-run on its own. */
export class StepInterrupted extends Error {
  override readonly name = 'StepInterrupted';
}
