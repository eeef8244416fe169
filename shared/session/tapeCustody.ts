import { tapeRoleDefinition } from '../procedure/tapeRoles.ts';
import type { SessionState } from './sessionState.ts';
import { tapeIdSchema } from './sessionEvents.ts';

/**
 * Why a tape must not be written: every tape registered in this session holds a backup that the
 * procedure, its way back or the customer still needs (the CMSADM tapes are the rollback). Null when
 * the register knows nothing of it. Said in the technician's words: the tape, what is on it, what to do.
 */
export function registeredTapeRefusal(state: SessionState, tapeId: string, wanted: string): string | null {
  const tape = state.tapes[tapeId];
  if (!tape) return null;
  // A tape recorded as overwritten, lost or discarded no longer holds what it was kept for; but its id
  // stays that backup's in the record, so the cartridge is written under a new one.
  if (tape.condition !== 'intact')
    return `${tape.id} is in the register already, as the ${tapeRoleDefinition(tape.role).title} (now ${tape.condition}): one id names one backup in the record. Write a new id on this cartridge (for example ${tape.id}-B) and give that one.`;
  return `${tape.id} holds the ${tapeRoleDefinition(tape.role).title} (written in ${tape.producedBy}, label "${tape.labelText}"), which this upgrade still needs: do not write on it. Remove it, put it back where it is kept, and insert a blank tape to become the ${wanted}.`;
}

/** Why a typed tape id cannot be used (null when it can): it names a cartridge in the journal and the report. */
export function tapeIdProblem(typed: string): string | null {
  const parsed = tapeIdSchema.safeParse(typed.trim());
  return parsed.success
    ? null
    : `"${typed.trim().slice(0, 64)}" cannot be a tape id: ${parsed.error.issues[0]!.message}.`;
}
