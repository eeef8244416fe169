import { tapePlaceSchema } from '../session/tapePlace.ts';
import { z } from 'zod';
import { PLATFORM_IDS } from '../procedure/platforms.ts';
import { SERVER_ROLES, ALL_STEP_IDS } from '../procedure/types.ts';
import { PAPER_SIZES } from '../report/paperSize.ts';
import {
  readingSchema,
  sessionEventSchema,
  TAPE_CORRECTIONS,
  tapeIdSchema,
  verdictSchema,
} from '../session/sessionEvents.ts';
import { STEP_STATUSES } from '../session/sessionState.ts';

/**
 * The one contract between the renderer and the main-process core: every call with its request and
 * response schema, every event the core pushes. The Electron preload, the main-process handlers and the
 * browser harness all derive from this map; main validates every payload against it at run time.
 */
const text = z.string().trim().min(1).max(4000);

const questionSchema = z.object({
  id: z.string(),
  /** `verdict`: output the app cannot read, for the technician to judge (answered with a verdict). */
  kind: z.enum(['confirm', 'ask', 'verdict']),
  text: z.string(),
  stepId: z.enum(ALL_STEP_IDS).nullable(),
  server: z.enum(SERVER_ROLES).nullable(),
  /** A tape the technician is asked to insert: its number in the set and whether it is written or verified. */
  tape: z
    .object({
      purpose: z.enum(['write', 'verify']),
      tapeNumber: z.number().int().min(1),
      device: z.string().nullable(),
    })
    .nullable(),
  /** The checklist item of the step that a confirmation ticks. */
  checklistItem: z.string().nullable(),
  /** The answer is a secret (a password): typed hidden, never shown again. */
  secret: z.boolean(),
  /** For a verdict: the raw output, what it is and what the manual says to look for. */
  reading: readingSchema.nullable(),
  /** In a training session, a confirmation done in a CMS window: the keys that do it on the simulated pair. */
  trainingKeys: z.array(z.string()).optional(),
  /** How the answer is given: `date-time`, a wall-clock time and the site's time zone (RFC 9557 text). */
  answerAs: z.enum(['date-time']).optional(),
  /** The answer is the name of this person (their role), who signs off what was just confirmed. */
  signOffBy: z.string().optional(),
  /** A server's host key shown for confirmation before it is pinned. */
  hostKey: z
    .object({ host: z.string(), port: z.number().int(), algorithm: z.string(), fingerprint: z.string() })
    .nullable(),
});
const connectionReportSchema = z.object({
  server: z.enum(SERVER_ROLES),
  state: z.enum(['connecting', 'connected', 'lost', 'failed', 'closed']),
  reason: z.string().nullable(),
  at: z.string(),
});
const progressSchema = z.object({
  stepId: z.enum(ALL_STEP_IDS),
  server: z.enum(SERVER_ROLES),
  text: z.string(),
  blocks: z.number().int().nullable(),
  at: z.string(),
});
/** A simulated tape's name; it becomes a word of a `simctl` command line, so nothing but these characters. */
const trainingTapeId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/,
    'a tape name is letters, digits, dot, dash or underscore (up to 32)',
  );
const sessionDirectory = z.string().min(1).max(4096);

/** A terminal's size in character cells: CMS's windows need 80 × 24; a terminal may be larger. */
export const terminalSizeSchema = z.object({
  cols: z.number().int().min(40).max(300),
  rows: z.number().int().min(12).max(120),
});

export const API_CALLS = {
  /** First call of a window: where to start. The desktop app opens a training session when there is none yet. */
  'app.startup': {
    request: z.object({}),
    response: z.object({ openDirectory: sessionDirectory.nullable() }),
  },
  'sessions.list': {
    request: z.object({}),
    response: z.object({
      sessions: z.array(
        z.object({
          directory: sessionDirectory,
          site: z.string(),
          technician: z.string(),
          createdAt: z.string(),
          training: z.boolean(),
          progress: z
            .object({
              status: z.enum([
                'not-started',
                'in-progress',
                'failed',
                'complete',
                'rolling-back',
                'rolled-back',
              ]),
              done: z.number().int(),
              of: z.number().int(),
              next: z.enum(ALL_STEP_IDS).nullable(),
            })
            .nullable(),
        }),
      ),
    }),
  },
  'session.create': {
    request: z.object({
      site: text,
      technician: text,
      customerContact: z.string().max(4000),
      training: z.boolean(),
    }),
    response: z.object({ directory: sessionDirectory }),
  },
  'session.open': {
    request: z.object({ directory: sessionDirectory }),
    response: z.object({
      directory: sessionDirectory,
      events: z.array(sessionEventSchema),
      readOnly: z.boolean(),
      problem: z.string().nullable(),
      droppedTornLine: z.boolean(),
      /** What a reloaded window needs to pick up a step that is still running. */
      runningStep: z.enum(ALL_STEP_IDS).nullable(),
      pendingQuestions: z.array(questionSchema),
      progress: z.array(progressSchema),
      /** Each server's connection as last reported (a reloaded window shows it at once). */
      connections: z.array(connectionReportSchema),
    }),
  },
  'training.connect': {
    request: z.object({
      /**
       * `unfamiliar`: the pair prints what the manual does not show in other words and refuses root
       * logins (su only). Absent: as this session was set up before (default for a new one).
       */
      variant: z.enum(['default', 'unfamiliar']).optional(),
    }),
    response: z.object({ ports: z.object({ ORIG: z.number().int(), NEW: z.number().int() }) }),
  },
  /** The training tape box: the simulated tapes and where they are (training sessions only). */
  'training.tapes': {
    request: z.object({}),
    response: z.object({
      /** False until `training.connect` started the simulated pair in this run of the app. */
      running: z.boolean(),
      tapes: z.array(
        z.object({
          id: z.string(),
          capacityBlocks: z.number().int(),
          writeProtected: z.boolean(),
          content: z.string(),
          drive: z.enum(SERVER_ROLES).nullable(),
        }),
      ),
    }),
  },
  /** Puts a simulated tape into a server's drive (emptying it first), or back on the desk. */
  'training.moveTape': {
    request: z.object({ tapeId: trainingTapeId, to: z.enum(SERVER_ROLES).nullable() }),
    response: z.object({}),
  },
  /** Unpacks a blank simulated tape; a small capacity makes a backup ask for a second tape. */
  'training.unpackTape': {
    request: z.object({
      tapeId: trainingTapeId,
      capacityBlocks: z.number().int().min(1000).max(400_000_000),
    }),
    response: z.object({}),
  },
  'training.protectTape': {
    request: z.object({ tapeId: trainingTapeId, writeProtected: z.boolean() }),
    response: z.object({}),
  },
  'servers.configure': {
    request: z.object({
      server: z.enum(SERVER_ROLES),
      host: z.string().trim().min(1).max(255),
      port: z.number().int().min(1).max(65535),
      user: z.string().trim().min(1).max(64),
      platform: z.enum(PLATFORM_IDS).nullable(),
      tapeDevice: z.string().max(64),
      legacyAlgorithms: z.boolean(),
      /** `su`: root cannot log in; `user` logs in and becomes root with `su -`. Absent: root logs in. */
      rootAccess: z.enum(['login', 'su']).optional(),
      /** Logs the manual does not name; null or absent: the default. */
      restoreLog: z.string().max(200).nullable().optional(),
      errorLog: z.string().max(200).nullable().optional(),
      storageDef: z.string().max(200).nullable().optional(),
      /** Held in memory by the core for this run of the app; never written anywhere. */
      password: z.string().max(256).nullable(),
    }),
    response: z.object({}),
  },
  'servers.probe': {
    request: z.object({ server: z.enum(SERVER_ROLES) }),
    response: z.object({
      hostname: z.string().nullable(),
      osRelease: z.string().nullable(),
      cmsVersion: z.union([z.object({ version: z.string() }), z.object({ unrecognised: z.string() })]),
      tapeDrive: z.object({
        device: z.string(),
        exitCode: z.number().nullable(),
        output: z.string(),
        identified: z.object({
          status: z.string(),
          family: z.string().nullable(),
          name: z.string().nullable(),
          message: z.string().nullable(),
        }),
      }),
      hostKey: z.object({ algorithm: z.string(), fingerprint: z.string() }),
      algorithms: z.object({
        kex: z.string(),
        serverHostKey: z.string(),
        cipher: z.string(),
        mac: z.string(),
      }),
    }),
  },
  /** A live terminal on a server (the technician's CMS menu work); its output goes to the step's transcript. */
  'terminal.open': {
    request: z.object({
      server: z.enum(SERVER_ROLES),
      stepId: z.enum(ALL_STEP_IDS).nullable(),
      size: terminalSizeSchema.optional(),
    }),
    response: z.object({ terminalId: z.string() }),
  },
  /** The window's terminal changed size: the program on the server redraws for it. */
  'terminal.resize': {
    request: z.object({ terminalId: z.string().min(1).max(64), size: terminalSizeSchema }),
    response: z.object({}),
  },
  'terminal.input': {
    request: z.object({ terminalId: z.string().min(1).max(64), data: z.string().max(4096) }),
    response: z.object({}),
  },
  /** The window drew this many more characters of a terminal's output (flow control). */
  'terminal.ack': {
    request: z.object({
      terminalId: z.string().min(1).max(64),
      chars: z.number().int().min(0).max(100_000_000),
    }),
    response: z.object({}),
  },
  'terminal.close': {
    request: z.object({ terminalId: z.string().min(1).max(64) }),
    response: z.object({}),
  },
  'step.run': {
    request: z.object({ stepId: z.enum(ALL_STEP_IDS) }),
    response: z.object({
      stepId: z.enum(ALL_STEP_IDS),
      status: z.enum(STEP_STATUSES),
      reason: z.string().nullable(),
    }),
  },
  'step.skip': {
    request: z.object({ stepId: z.enum(ALL_STEP_IDS), reason: text }),
    response: z.object({}),
  },
  /** The customer representative signs off the finished upgrade (refused before every step is done). */
  'session.customerSignOff': {
    request: z.object({ name: z.string().trim().min(1).max(200), role: z.string().trim().min(1).max(200) }),
    response: z.object({}),
  },
  'step.signOff': {
    request: z.object({ stepId: z.enum(ALL_STEP_IDS), initials: z.string().trim().min(1).max(8) }),
    response: z.object({}),
  },
  /** A transcript of the open session read backwards: the latest chunk first, earlier ones on demand. */
  'transcript.read': {
    request: z.object({
      path: z.string().min(1).max(500),
      endOffset: z.number().int().min(0).nullable(),
      maxBytes: z.number().int().min(1).max(1_048_576),
    }),
    response: z.object({ text: z.string(), startOffset: z.number().int(), totalBytes: z.number().int() }),
  },
  'note.add': {
    request: z.object({ stepId: z.enum(ALL_STEP_IDS).nullable(), text }),
    response: z.object({}),
  },
  /** The labelling checklist: label written, write-protect switch set (the technician's word). */
  'tape.update': {
    request: z.object({
      tapeId: tapeIdSchema,
      labelled: z.boolean().optional(),
      writeProtected: z.boolean().optional(),
    }),
    response: z.object({}),
  },
  /** The technician says where a tape is now: a drive, the desk, the customer, the bin, or elsewhere. */
  'tape.move': {
    request: z.object({ tapeId: tapeIdSchema, to: tapePlaceSchema }),
    response: z.object({}),
  },
  /** The technician's correction of the register (overwritten, lost, discarded, relabelled, moved), with why and who. */
  'tape.correct': {
    request: z.object({
      tapeId: tapeIdSchema,
      correction: z.enum(TAPE_CORRECTIONS),
      detail: z.string().trim().max(200).optional(),
      reason: z.string().trim().min(1).max(1000),
      by: z.string().trim().min(1).max(100),
    }),
    response: z.object({}),
  },
  /** Exports the open session's report (complete or not) into its exports folder; the paths written come back. */
  'report.export': {
    request: z.object({
      format: z.enum(['html', 'pdf', 'json', 'csv', 'labels']),
      /** The paper of the HTML and PDF report: A4 (the default) or US Letter. */
      paper: z.enum(PAPER_SIZES).optional(),
    }),
    response: z.object({ files: z.array(z.string()) }),
  },
  /**
   * Opens an exported file, or shows it in its folder, with the desktop's own programs. Where there is
   * no desktop shell (the browser harness), nothing is opened: `download` names it for the harness's
   * download address instead.
   */
  'report.reveal': {
    request: z.object({ file: z.string().min(1).max(4096), how: z.enum(['open', 'show-in-folder']) }),
    response: z.object({ done: z.boolean(), download: z.string().nullable() }),
  },
  /** Saves the output of an open verdict question as a sample (server names redacted) in the session folder. */
  'samples.save': {
    request: z.object({ questionId: z.string().min(1).max(64) }),
    response: z.object({ path: z.string(), redactions: z.number().int() }),
  },
  'technician.answer': {
    request: z.object({
      questionId: z.string().min(1).max(64),
      answer: z.union([z.string().max(4000), z.boolean(), verdictSchema, z.null()]),
    }),
    response: z.object({}),
  },
} as const;

export const API_EVENTS = {
  /** An event journaled in the open session (already on disk). */
  'session.event': z.object({ event: sessionEventSchema }),
  /** The running step needs the technician: a yes/no confirmation or an answer. */
  'technician.question': questionSchema,
  'terminal.data': z.object({ terminalId: z.string(), data: z.string() }),
  'terminal.closed': z.object({ terminalId: z.string(), reason: z.string() }),
  /** A CMS window on a terminal held against the running step's selections (null: none on screen). */
  'terminal.check': z.object({
    terminalId: z.string(),
    check: z
      .object({
        window: z.string(),
        stepId: z.enum(ALL_STEP_IDS),
        requirement: z.string(),
        differences: z.array(z.string()).nullable(),
        unreadable: z.string().nullable(),
      })
      .nullable(),
  }),
  /** Something the technician should read: an instruction, a caution, a verdict. */
  'technician.message': z.object({ text: z.string(), stepId: z.enum(ALL_STEP_IDS).nullable() }),
  /** A native menu command for the window (the desktop shell's File menu). */
  'app.command': z.object({ command: z.enum(['new-session', 'open-session', 'export-report']) }),
  /** A server connection came up, dropped or could not be made; a dropped one is made again on next use. */
  'server.connection': connectionReportSchema,
  /** How a long operation of the running step is getting on (a backup's tapes and blocks). */
  'step.progress': progressSchema,
} as const;

export type ApiCall = keyof typeof API_CALLS;
export type ApiRequest<C extends ApiCall> = z.input<(typeof API_CALLS)[C]['request']>;
export type ApiResponse<C extends ApiCall> = z.output<(typeof API_CALLS)[C]['response']>;
export type ApiEvent = keyof typeof API_EVENTS;
export type ApiEventPayload<E extends ApiEvent> = z.output<(typeof API_EVENTS)[E]>;

export function isApiCall(name: string): name is ApiCall {
  return Object.hasOwn(API_CALLS, name);
}

/** What both transports (Electron IPC, the harness WebSocket) offer the renderer. */
export interface CmsHaApi {
  call<C extends ApiCall>(channel: C, request: ApiRequest<C>): Promise<ApiResponse<C>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
}

/** The messages the harness WebSocket carries. */
export const wireMessageSchema = z.union([
  z.object({ type: z.literal('call'), id: z.number().int(), channel: z.string(), payload: z.unknown() }),
  z.object({ type: z.literal('result'), id: z.number().int(), ok: z.literal(true), value: z.unknown() }),
  z.object({
    type: z.literal('result'),
    id: z.number().int(),
    ok: z.literal(false),
    code: z.enum(['unknown-call', 'invalid-request', 'refused', 'internal']),
    error: z.string(),
  }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
export type WireMessage = z.infer<typeof wireMessageSchema>;

/** What a technician answers: yes/no to a confirmation, text to a question, a verdict, or null to stop. */
export type TechnicianAnswer = ApiRequest<'technician.answer'>['answer'];
