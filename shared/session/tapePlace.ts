import { z } from 'zod';
import { SERVER_ROLES, type ServerRole } from '../procedure/types.ts';

/**
 * Where a cartridge is: one place at a time. A drive is the only place the app can check itself (by
 * reading it); every other place is what the technician or the training tape box says.
 */
export const tapePlaceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('drive'), server: z.enum(SERVER_ROLES) }),
  /** With the technician, out of every drive. */
  z.object({ kind: z.literal('desk') }),
  /** Handed to the customer (their safe or off-site store). */
  z.object({ kind: z.literal('customer') }),
  z.object({ kind: z.literal('bin') }),
  z.object({ kind: z.literal('elsewhere'), where: z.string().trim().min(1).max(200) }),
  /** Taken out of a drive without anyone saying where it went. */
  z.object({ kind: z.literal('unknown'), lastSeen: z.string().trim().min(1).max(200) }),
]);
export type TapePlace = z.infer<typeof tapePlaceSchema>;

/** Who says a tape is where it is (or is write-protected): the technician, the training tape box, or the drive read by the app. */
export const TAPE_WITNESSES = ['technician', 'training-box', 'drive'] as const;
export type TapeWitness = (typeof TAPE_WITNESSES)[number];

export const driveOf = (server: ServerRole): TapePlace => ({ kind: 'drive', server });

export function describePlace(place: TapePlace): string {
  switch (place.kind) {
    case 'drive':
      return `drive of ${place.server}`;
    case 'desk':
      return 'on the desk, with the technician';
    case 'customer':
      return 'handed to the customer';
    case 'bin':
      return 'discarded (bin)';
    case 'elsewhere':
      return place.where;
    case 'unknown':
      return `out of the ${place.lastSeen} (where it went is not recorded)`;
  }
}

export const describeWitness = (witness: TapeWitness): string =>
  witness === 'technician'
    ? "technician's answer"
    : witness === 'training-box'
      ? 'training tape box'
      : 'read in the drive';

/** A place written as text by older versions (and by the register's free field) as a place. */
export function placeOfText(text: string): TapePlace {
  const drive = /^drive of (ORIG|NEW)$/.exec(text.trim());
  if (drive) return driveOf(drive[1] as ServerRole);
  return { kind: 'elsewhere', where: text.trim() };
}

export function samePlace(a: TapePlace, b: TapePlace): boolean {
  return describePlace(a) === describePlace(b);
}
