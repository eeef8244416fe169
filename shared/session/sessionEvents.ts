import { z } from 'zod';
import { PLATFORM_IDS } from '../procedure/platforms.ts';
import { isSafeLogPath } from '../procedure/serverLogs.ts';
import { ALL_STEP_IDS, SERVER_ROLES, TAPE_ROLES } from '../procedure/types.ts';
import { TAPE_WITNESSES, tapePlaceSchema } from './tapePlace.ts';

/**
 * Everything that happens in an upgrade session, as the journal records it. The session state is a pure
 * fold of these events (see reduceSession.ts); the schemas validate events read back from disk and
 * events arriving from the renderer.
 */

const timestamp = z.iso.datetime({ offset: true });
const stepId = z.enum(ALL_STEP_IDS);
const serverRole = z.enum(SERVER_ROLES);
/** What the technician can say of a registered tape after the fact. */
export const TAPE_CORRECTIONS = ['overwritten', 'lost', 'discarded', 'relabelled', 'moved'] as const;
export type TapeCorrection = (typeof TAPE_CORRECTIONS)[number];
const remoteLogPath = z
  .string()
  .refine(isSafeLogPath, 'an absolute path of letters, digits, dots, dashes and underscores');
const tapeRole = z.enum(TAPE_ROLES);
const text = z.string().trim().min(1).max(4000);
export const tapeIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'a tape id is 1-64 letters, digits, dot, dash or underscore');

const tapeId = tapeIdSchema;
const base = { at: timestamp };
const questionId = z.string().min(1).max(64);

/** The longest console text a question or a verdict carries (the end of it: where a program reports). */
export const MAX_READING_CHARS = 8000;

/**
 * Output the app could not read, put before the technician: what it is, what the manual says to look
 * for, and the raw text (its end, when longer).
 */
export const readingSchema = z.object({
  about: z.string().trim().min(1).max(300),
  lookFor: z.string().trim().min(1).max(1000),
  raw: z.string().max(MAX_READING_CHARS),
  /** A difference between ORIG and NEW to judge (fine, or must be fixed), not output the app could not read. */
  difference: z.boolean().optional(),
});
export type Reading = z.infer<typeof readingSchema>;

/** The technician's judgement of a reading: the answer to a `verdict` question. */
export const verdictSchema = z.object({
  verdict: z.enum(['looks-right', 'looks-wrong']),
  reason: z.string().trim().min(1).max(1000),
});
export type Verdict = z.infer<typeof verdictSchema>;

/** A question a step asks the technician, as the window shows it. */
export const stepQuestionDetailSchema = z.object({
  id: questionId,
  kind: z.enum(['confirm', 'ask', 'verdict']),
  server: serverRole.nullable(),
  /** A tape to insert: its number in the set and whether it is written or verified. */
  tape: z
    .object({
      purpose: z.enum(['write', 'verify']),
      tapeNumber: z.number().int().min(1),
      device: z.string().max(64).nullable(),
    })
    .nullable(),
  /** The checklist item of the step that a confirmation ticks. */
  checklistItem: z.string().max(64).nullable(),
  /** The answer is a secret (a password): typed hidden, never shown again. */
  secret: z.boolean(),
  /** For a verdict: the output to judge (absent in journals of older versions). */
  reading: readingSchema.nullable().optional(),
  /** In a training session, a confirmation done in a CMS window: the keys that do it on the simulated pair. */
  trainingKeys: z.array(z.string().max(300)).max(24).optional(),
  /** How the answer is given: `date-time`, a wall-clock time and the site's time zone (RFC 9557 text). */
  answerAs: z.enum(['date-time']).optional(),
  /** The answer is the name of the person the manual makes responsible for what was just confirmed (their role). */
  signOffBy: z.string().max(100).optional(),
});
export type StepQuestionDetail = z.infer<typeof stepQuestionDetailSchema>;

export const sessionEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('session-created'),
    site: text,
    technician: text,
    customerContact: z.string().max(4000).default(''),
    training: z.boolean(),
  }),
  z.object({
    ...base,
    type: z.literal('server-configured'),
    server: serverRole,
    host: z.string().trim().min(1).max(255),
    port: z.number().int().min(1).max(65535),
    user: z.string().trim().min(1).max(64),
    platform: z.enum(PLATFORM_IDS).nullable(),
    cmsVersion: z.string().max(64).nullable(),
    tapeDevice: z.string().max(64).nullable(),
    legacyAlgorithms: z.boolean(),
    /** Absent in journals of older versions: root logs in. */
    rootAccess: z.enum(['login', 'su']).optional(),
    restoreLog: remoteLogPath.optional(),
    errorLog: remoteLogPath.optional(),
    /** Where the server keeps storage.def (absent: the default). */
    storageDef: remoteLogPath.optional(),
  }),
  z.object({ ...base, type: z.literal('ha-roles-assigned'), primary: serverRole }),
  z.object({
    ...base,
    type: z.literal('host-key-pinned'),
    server: serverRole,
    host: z.string().trim().min(1).max(255),
    port: z.number().int().min(1).max(65535),
    algorithm: z.string().min(1).max(64),
    fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'an OpenSSH SHA-256 fingerprint'),
  }),
  z.object({
    ...base,
    type: z.literal('cut-off-set'),
    cutOff: timestamp,
    /** The site's time zone (IANA name) the cut-off was agreed in; absent in older journals. */
    timeZone: z.string().max(64).optional(),
  }),
  /** The outage window's planned length agreed with the customer (P3b), for the overrun alert. */
  z.object({ ...base, type: z.literal('outage-planned'), minutes: z.number().int().min(15).max(2880) }),
  z.object({
    ...base,
    type: z.literal('step-started'),
    stepId,
    /** Confirmations of lasting facts from the failed attempt before, kept for this one (absent: none). */
    keptItems: z.array(z.string().max(64)).max(32).optional(),
  }),
  z.object({
    ...base,
    type: z.literal('step-awaiting-technician'),
    stepId,
    question: text,
    /** What a window needs to ask it again after a reload (absent in journals of older versions). */
    detail: stepQuestionDetailSchema.optional(),
  }),
  z.object({ ...base, type: z.literal('step-resumed'), stepId, questionId: questionId.optional() }),
  z.object({ ...base, type: z.literal('step-passed'), stepId }),
  z.object({ ...base, type: z.literal('step-failed'), stepId, reason: text }),
  z.object({ ...base, type: z.literal('step-interrupted'), stepId, reason: text }),
  z.object({ ...base, type: z.literal('step-skipped'), stepId, reason: z.string().max(4000) }),
  z.object({
    ...base,
    type: z.literal('step-signed-off'),
    stepId,
    initials: z.string().trim().min(1).max(8),
  }),
  z.object({ ...base, type: z.literal('checklist-item-ticked'), stepId, itemId: z.string().min(1).max(64) }),
  /** The person the manual makes responsible for a checklist item (the switch administrator) signs it off by name. */
  z.object({
    ...base,
    type: z.literal('item-signed-off'),
    stepId,
    itemId: z.string().min(1).max(64),
    name: z.string().trim().min(1).max(200),
  }),
  /** The customer's representative signs off the finished upgrade: who, in what role. */
  z.object({
    ...base,
    type: z.literal('customer-signed-off'),
    name: z.string().trim().min(1).max(200),
    role: z.string().trim().min(1).max(200),
  }),
  z.object({
    ...base,
    type: z.literal('tape-registered'),
    tapeId,
    role: tapeRole,
    producedBy: stepId,
    server: serverRole,
    labelText: text,
    sequence: z.object({ number: z.number().int().min(1), of: z.number().int().min(1) }),
    backupDate: z.iso.date(),
    cmsVersion: z.string().trim().min(1).max(64),
    writeProtected: z.boolean(),
    /** Who says the switch is so (absent in journals of older versions: the technician). */
    writeProtectSaidBy: z.enum(TAPE_WITNESSES).optional(),
    verified: z.boolean(),
    /** Where the tape is when it is registered, unless a `tape-moved` already said. */
    location: z.string().trim().min(1).max(200),
  }),
  z.object({
    ...base,
    type: z.literal('tape-updated'),
    tapeId,
    /** The technician wrote the label (text, n of N, date, CMS version) on the cartridge. */
    labelled: z.boolean().optional(),
    writeProtected: z.boolean().optional(),
    writeProtectSaidBy: z.enum(TAPE_WITNESSES).optional(),
    verified: z.boolean().optional(),
    /** Older versions: where it is now, as free text (now a `tape-moved`). */
    location: z.string().trim().min(1).max(200).optional(),
  }),
  /**
   * A cartridge went somewhere: into a drive, out of one, to the customer. Any tape, registered or not
   * (a blank one too): the register shows the places of the tapes it holds.
   */
  z.object({
    ...base,
    type: z.literal('tape-moved'),
    tapeId,
    to: tapePlaceSchema,
    by: z.enum(TAPE_WITNESSES),
    /** The step during which it moved, when one was running. */
    stepId: stepId.nullable(),
  }),
  z.object({ ...base, type: z.literal('tape-loaded'), stepId, server: serverRole, tapeId }),
  /**
   * The technician's correction of the register: a tape found overwritten, lost, discarded, relabelled
   * or somewhere else than recorded, with the reason and who says so. Nothing earlier is changed.
   */
  z.object({
    ...base,
    type: z.literal('tape-corrected'),
    tapeId,
    correction: z.enum(TAPE_CORRECTIONS),
    /** For moved: where it is now; for relabelled: what the cartridge's label says now. */
    detail: z.string().trim().max(200).optional(),
    reason: z.string().trim().min(1).max(1000),
    by: z.string().trim().min(1).max(100),
  }),
  z.object({
    ...base,
    type: z.literal('migration-recorded'),
    stepId,
    server: serverRole,
    dataType: z.enum(['system-admin', 'agent-call-center-admin', 'historical']),
    tapeId,
  }),
  /** What the log (or, when it could not be read, the technician) says of a migration already recorded as run. */
  z.object({
    ...base,
    type: z.literal('migration-outcome-recorded'),
    stepId,
    server: serverRole,
    dataType: z.enum(['system-admin', 'agent-call-center-admin', 'historical']),
    tapeId,
    outcome: z.enum(['succeeded', 'failed', 'judged-right', 'judged-wrong']),
    /** The log line, or the technician's reason. */
    detail: z.string().max(4000),
  }),
  z.object({
    ...base,
    type: z.literal('cms-resetup-confirmed'),
    server: serverRole,
    confirmedBy: text,
    note: text,
  }),
  z.object({
    ...base,
    type: z.literal('evidence-recorded'),
    stepId,
    server: serverRole.nullable(),
    evidence: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('transcript'), path: z.string().min(1).max(500) }),
      z.object({ kind: z.literal('parsed'), parser: z.string().min(1).max(64), result: z.unknown() }),
      z.object({ kind: z.literal('verdict'), reading: readingSchema, verdict: verdictSchema }),
      /**
       * A CMS window's selections as the screen showed them when the technician activated Run: the act
       * itself, recorded when it happened (the watch on the terminal), with how they differed from the
       * step's, and whether the technician went ahead although they differed.
       */
      z.object({
        kind: z.literal('window-at-run'),
        window: z.string().min(1).max(200),
        requirement: z.string().max(2000),
        differences: z.array(z.string().max(500)).max(20).nullable(),
        unreadable: z.string().max(500).nullable(),
        wentAheadDespite: z.boolean(),
      }),
    ]),
  }),
  z.object({ ...base, type: z.literal('note-added'), stepId: stepId.nullable(), text }),
  /** The app refused something that would have been a mistake (a wrong tape, a backup tape to write on): what, in words. */
  z.object({ ...base, type: z.literal('mistake-refused'), stepId, text }),
  /**
   * A transcript closed: its length and SHA-256 as it is now, so that what the record says was on a
   * console can be checked against the file (`cms-ha verify`). A transcript appended to later (a second
   * terminal in the same attempt) is sealed again, longer.
   */
  z.object({
    ...base,
    type: z.literal('transcript-sealed'),
    path: z.string().regex(/^transcripts\/[A-Za-z0-9][A-Za-z0-9._-]*\.log$/, 'a transcript of this session'),
    bytes: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
]);

export type SessionEvent = z.infer<typeof sessionEventSchema>;
export type SessionEventType = SessionEvent['type'];
export type SessionEventOf<T extends SessionEventType> = Extract<SessionEvent, { type: T }>;
