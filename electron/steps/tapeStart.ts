import { parseTapeStart, type TapeStart } from '../../shared/parsers/tapeStart.ts';
import type { ServerRole } from '../../shared/procedure/types.ts';
import { shQuote } from '../ssh/remoteCommand.ts';
import type { StepContext } from './stepContext.ts';
import { StepInterrupted, tapeDeviceOf } from './tapeWork.ts';

/**
 * Assumed (no manual page says it): 64 KiB is at least the size of a tape's first record (cpio writes
 * 512-byte or 5120-byte records with -B), and the st driver accepts a read that large. A larger record
 * makes dd fail; its message is then put to the technician, never taken for a blank tape. The rewinding
 * device is read, so the tape is back at its start afterwards.
 */
const READ_BYTES = 65536;

/** Reads the first bytes of the tape in `server`'s drive, read-only, and says what they are. */
export async function readTapeStart(context: StepContext, server: ServerRole): Promise<TapeStart> {
  const device = tapeDeviceOf(context, server);
  const transcript = context.transcript(server);
  const command = `dd if=${shQuote(device)} bs=${READ_BYTES} count=1 | od -A n -t x1 -N 8`;
  transcript.write(`$ ${command}\n`);
  // Positioning a tape at its start can take minutes on a slow drive.
  const result = await (
    await context.connect(server)
  ).exec(command, {
    timeoutMs: 10 * 60_000,
    onOutput: (chunk) => transcript.write(chunk.toString('utf8')),
  });
  if (result.kind === 'interrupted') throw new StepInterrupted(result.reason);
  const said = `${result.stdout}${result.stderr}`;
  const start =
    result.kind === 'exited'
      ? parseTapeStart(said)
      : parseTapeStart(`${said}\n(the read ${result.kind === 'timed-out' ? 'timed out' : 'ended'})`);
  await context.evidence(server, 'tape-start', { ...start, raw: undefined });
  return start;
}
