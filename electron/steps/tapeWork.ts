import { parseMigrationLog, type MigrationLogEntry } from '../../shared/parsers/migrateLog.ts';
import { checkVolumeLabel } from '../../shared/procedure/volumeLabelRule.ts';
import type { ServerRole, TapeRole } from '../../shared/procedure/types.ts';
import type { Tape } from '../../shared/session/sessionState.ts';
import { shQuote } from '../ssh/remoteCommand.ts';
import { unfinishedReason } from '../ssh/sshConnection.ts';
import type { BrCheck } from '../../shared/parsers/brCheck.ts';
import { tapeRoleDefinition } from '../../shared/procedure/tapeRoles.ts';
import { runBrCheck } from './brCheck.ts';
import { StepFailure, type StepContext } from './stepContext.ts';

export const DEFAULT_DEVICE = '/dev/rmt/0';

export function tapeDeviceOf(context: StepContext, server: ServerRole): string {
  return context.state.servers[server]?.tapeDevice ?? DEFAULT_DEVICE;
}

/** The br_check device path: the drive with the compressing density the manual's example uses (`0c`). */
export function brCheckDevice(device: string): string {
  return /^\/dev\/rmt\/\d+$/.test(device) ? `${device}c` : device;
}

/** The technician said they put `tapeId` into `server`'s drive: the register follows, on their word. */
export async function recordInserted(
  context: StepContext,
  server: ServerRole,
  tapeId: string,
): Promise<void> {
  const known = context.state.tapePlaces[tapeId];
  if (known?.place.kind === 'drive' && known.place.server === server) return;
  await context.record({
    type: 'tape-moved',
    tapeId,
    to: { kind: 'drive', server },
    by: 'technician',
    stepId: context.stepId,
  });
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

/** What the manual says br_check shows (Performing a full maintenance backup, step 5). */
const BR_CHECK_LOOK_FOR =
  'br_check "displays a list of ACD(s) backed up on the volume" and, after l, "a list of the database tables included on the backup"; with v it also verifies the volume. Look for the volume label, the ACDs and the tables you expect, and no error.';

export type VolumeInDrive =
  | { kind: 'listed'; listing: Extract<BrCheck, { status: 'listed' }> }
  /** br_check's output was not recognised and the technician judged it right. */
  | { kind: 'judged' };

/**
 * Reads the maintenance volume in the drive with br_check. A recognised failure (no tape, not a backup)
 * stops the step; output the parser does not know is judged by the technician.
 */
export async function listVolumeInDrive(
  context: StepContext,
  server: ServerRole,
  verify: boolean,
  expecting: string,
): Promise<VolumeInDrive> {
  const connection = await context.connect(server);
  const transcript = context.transcript(server);
  const { outcome, result } = await runBrCheck(
    connection,
    { device: brCheckDevice(tapeDeviceOf(context, server)), verify },
    { transcript: transcript.write, keepWaiting: keepWaitingOn(context, server, 'br_check') },
  );
  await context.evidence(server, 'br-check', { ...result, raw: undefined });
  if (outcome.kind === 'interrupted') throw new StepInterrupted(outcome.reason);
  if (result.kind === 'recognised') {
    if (result.status !== 'listed') throw new StepFailure(`br_check on ${server}: ${result.message}`);
    return { kind: 'listed', listing: result };
  }
  await context.requireRightVerdict(
    server,
    `br_check ${verify ? 'verification' : 'listing'} of the tape in the drive of ${server} (${expecting})`,
    BR_CHECK_LOOK_FOR,
    result.raw,
  );
  return { kind: 'judged' };
}

/**
 * The tape check before a migration or restore: br_check lists the tape in the drive, the volume label
 * must be that of one of this session's tapes and of the role the step expects. A wrong tape stops the
 * step before anything is migrated; the right one is journaled as loaded. When br_check's output could
 * not be read, the technician, having judged it, names the tape.
 */
export async function checkTapeInDrive(
  context: StepContext,
  server: ServerRole,
  role: TapeRole,
): Promise<Tape> {
  const wanted = tapeRoleDefinition(role).title;
  const volume = await listVolumeInDrive(context, server, false, `it must be the ${wanted} tape`);
  let tape: Tape;
  try {
    tape =
      volume.kind === 'listed'
        ? sessionTapeOfListing(context, server, role, volume.listing)
        : await tapeNamedByTechnician(context, server, role);
  } catch (error) {
    if (error instanceof WrongTapeRefused)
      await context.record({ type: 'mistake-refused', stepId: context.stepId, text: error.message });
    throw error;
  }
  await context.record({ type: 'tape-loaded', stepId: context.stepId, server, tapeId: tape.id });
  return tape;
}

function sessionTapeOfListing(
  context: StepContext,
  server: ServerRole,
  role: TapeRole,
  listing: Extract<BrCheck, { status: 'listed' }>,
): Tape {
  const label = listing.volumeLabel.raw.trim();
  const verdict = checkVolumeLabel(listing.volumeLabel, role);
  const tapes = Object.values(context.state.tapes);
  const tape = tapes.find((candidate) => candidate.labelText === label);
  if (verdict.matches && tape) return tape;
  // Said in the technician's words: the tape in the drive, the tape wanted, what to do; the code last.
  const wanted = tapes.filter((candidate) => candidate.role === role).map((candidate) => candidate.id);
  const held = tape
    ? `${tape.id}, the ${tapeRoleDefinition(tape.role).title}`
    : `a tape this session does not know (volume ${label})`;
  const insert = wanted.length > 0 ? wanted.join(' or ') : `the ${tapeRoleDefinition(role).title} tape`;
  throw new WrongTapeRefused(
    `wrong tape in the drive of ${server}: it holds ${held}; this step needs the ${tapeRoleDefinition(role).title} (${insert}). Take it out and insert ${insert}; nothing was read from it. (Volume label ${label}${verdict.matches ? '' : `: ${verdict.reasons.join('; ')}`})`,
  );
}

/** Which of this session's tapes of `role` is in the drive, as the technician reads its cartridge. */
async function tapeNamedByTechnician(
  context: StepContext,
  server: ServerRole,
  role: TapeRole,
): Promise<Tape> {
  const candidates = Object.values(context.state.tapes).filter((tape) => tape.role === role);
  if (candidates.length === 0)
    throw new StepFailure(`no ${tapeRoleDefinition(role).title} tape is registered in this session`);
  for (;;) {
    const answer = await context.technician.ask(
      `Which tape is in the drive of ${server}? Read the id on its cartridge (${candidates.map((tape) => `${tape.id}: ${tape.labelText}`).join('; ')}).`,
    );
    if (answer === null) throw new StepFailure(`the tape in the drive of ${server} was not named`);
    const tape = candidates.find((candidate) => candidate.id === answer.trim());
    if (tape) return tape;
    context.technician.tell(
      `"${answer.trim()}" is not a ${tapeRoleDefinition(role).title} tape of this session: ${candidates.map((c) => c.id).join(', ')}.`,
    );
  }
}

/** What a log file gained while the technician's menu action ran: the raw text and its lines, parsed. */
export interface LogGrowth {
  file: string;
  /** The text added (empty when nothing was); the whole file when it was replaced meanwhile. */
  added: string;
  /** The file could not be read after the run (missing, no permission): nothing can be said of it. */
  unreadable: string | null;
  entries: MigrationLogEntry[];
}

/** Reads a log file on `server`: its text, or why it could not be read. */
export async function readLogFile(
  context: StepContext,
  server: ServerRole,
  file: string,
): Promise<{ text: string; unreadable: string | null }> {
  const connection = await context.connect(server);
  // A log may be megabytes long (the CMS error log); more than this is not a log to read whole.
  const result = await connection.exec(`cat ${shQuote(file)}`, {
    timeoutMs: 60_000,
    maxKeptBytes: 32 * 1024 * 1024,
  });
  if (result.kind === 'interrupted') throw new StepInterrupted(result.reason);
  if (result.kind === 'exited' && result.code === 0) return { text: result.stdout, unreadable: null };
  // On a terminal (su) the error comes on standard output.
  const said = `${result.stderr}${result.stdout}`.trim();
  const why =
    result.kind === 'exited' ? said || `cat exited ${result.code}` : unfinishedReason(result, 60_000);
  return {
    text: '',
    unreadable: `${file} could not be read on ${server} (${why.slice(0, 300)}). If this server keeps that log elsewhere, its path is a setting in Servers; the app does not take a missing log as "nothing happened"`,
  };
}

/** The lines a log file gained while `work` ran (the technician's menu action), parsed. */
export async function logLinesDuring(
  context: StepContext,
  server: ServerRole,
  file: string,
  work: () => Promise<void>,
): Promise<LogGrowth> {
  const before = await readLogFile(context, server, file);
  await work();
  const after = await readLogFile(context, server, file);
  // A log missing before the run and there after was started by it: all of it is new.
  const unreadable = after.unreadable;
  const added = after.text.startsWith(before.text) ? after.text.slice(before.text.length) : after.text;
  const parsed = added.trim() === '' ? null : parseMigrationLog(added);
  await context.evidence(
    server,
    `log ${file}`,
    parsed ? { ...parsed, raw: undefined } : { added: 0, unreadable },
  );
  return { file, added, unreadable, entries: parsed?.kind === 'recognised' ? parsed.entries : [] };
}

/** The lines of a log that report an error: any of them fails what the log is about. */
export function errorLines(growth: LogGrowth): string[] {
  return growth.entries
    .filter((entry) => entry.outcome === 'failure' || entry.outcome === 'catastrophic')
    .map((entry) => entry.line);
}

/** What a log shows the technician when it must be judged by eye. */
export function logForJudging(growth: LogGrowth): string {
  if (growth.unreadable) return `(${growth.unreadable})`;
  return growth.added.trim() === '' ? `(nothing was added to ${growth.file} while it ran)` : growth.added;
}

/** A step whose connection dropped: journaled as `interrupted`, never re-run on its own. */
/** A tape the step must not read from: the step fails, and the refusal is recorded as a mistake prevented. */
class WrongTapeRefused extends StepFailure {}

export class StepInterrupted extends Error {
  override readonly name = 'StepInterrupted';
}
