import { nodeInstallationKey } from '../signing/nodeInstallationKey.ts';
import { isSupportedPlatformPair, PLATFORM_IDS, type PlatformId } from '../../shared/procedure/platforms.ts';
import { isSafeLogPath } from '../../shared/procedure/serverLogs.ts';
import { ALL_STEP_IDS, type StepId } from '../../shared/procedure/types.ts';
import type { Verdict } from '../../shared/session/sessionEvents.ts';
import type { StepRun } from '../../shared/session/sessionState.ts';
import { createSessionFolder } from '../journal/sessionFolders.ts';
import { SessionJournal } from '../journal/sessionJournal.ts';
import { validateTapeDevice } from '../ssh/remoteCommand.ts';
import type { SshCredentials } from '../ssh/sshConnection.ts';
import { parseTargetSpec } from '../ssh/sshTarget.ts';
import { SessionCore } from '../core/sessionCore.ts';
import type { AskedQuestion, TechnicianChannel } from '../core/technicianChannel.ts';
import { CliUsageError } from './cliOptions.ts';
import { jsonlChannel } from './jsonlTechnician.ts';
import type { TerminalInput } from './terminalInput.ts';
import { terminalConnectionQuestions } from './terminalConnectionQuestions.ts';

export interface NewSessionOptions {
  parent: string;
  site: string;
  technician: string;
  customer: string;
  training: boolean;
  orig: string;
  new: string;
  origPlatform: string | undefined;
  newPlatform: string | undefined;
  device: string;
  legacy: boolean;
  /** Root cannot log in: the users given become root with `su -`. */
  su: boolean;
  restoreLog: string | undefined;
  errorLog: string | undefined;
  storageDef: string | undefined;
}

function platform(value: string | undefined, flag: string): PlatformId | null {
  if (value === undefined) return null;
  if (!(PLATFORM_IDS as readonly string[]).includes(value))
    throw new CliUsageError(`${flag} is one of ${PLATFORM_IDS.join(', ')}`);
  return value as PlatformId;
}

/** `cms-ha session new`: the session folder with its journal, the session and both servers recorded. */
export async function newSession(options: NewSessionOptions, now = new Date()): Promise<string> {
  const orig = parseTargetSpec(options.orig, options.legacy);
  const neu = parseTargetSpec(options.new, options.legacy);
  const origPlatform = platform(options.origPlatform, '--orig-platform');
  const newPlatform = platform(options.newPlatform, '--new-platform');
  if (origPlatform && newPlatform && !isSupportedPlatformPair(origPlatform, newPlatform)) {
    throw new CliUsageError(`${origPlatform} with ${newPlatform} is not a supported CMS HA platform pair`);
  }
  validateTapeDevice(options.device);
  for (const [flag, path] of [
    ['--restore-log', options.restoreLog],
    ['--error-log', options.errorLog],
    ['--storage-def', options.storageDef],
  ] as const) {
    if (path !== undefined && !isSafeLogPath(path))
      throw new CliUsageError(
        `${flag} takes an absolute path of letters, digits, dots, dashes and underscores`,
      );
  }
  if (!options.site.trim() || !options.technician.trim())
    throw new CliUsageError('--site and --technician are required');
  const directory = await createSessionFolder(options.parent, options.site, now.toISOString().slice(0, 10));
  const journal = await SessionJournal.open(directory, { signer: await nodeInstallationKey() });
  const at = now.toISOString();
  await journal.append({
    type: 'session-created',
    site: options.site,
    technician: options.technician,
    customerContact: options.customer,
    training: options.training,
    at,
  });
  for (const [server, target, platformId] of [
    ['ORIG', orig, origPlatform],
    ['NEW', neu, newPlatform],
  ] as const) {
    await journal.append({
      type: 'server-configured',
      server,
      host: target.host,
      port: target.port,
      user: target.user,
      platform: platformId,
      cmsVersion: null,
      tapeDevice: options.device,
      legacyAlgorithms: target.legacyAlgorithms,
      rootAccess: options.su ? 'su' : 'login',
      ...(options.restoreLog === undefined ? {} : { restoreLog: options.restoreLog }),
      ...(options.errorLog === undefined ? {} : { errorLog: options.errorLog }),
      ...(options.storageDef === undefined ? {} : { storageDef: options.storageDef }),
      at,
    });
  }
  await journal.close();
  return directory;
}

export function isStepId(value: string): value is StepId {
  return (ALL_STEP_IDS as readonly string[]).includes(value);
}

type TerminalAnswers = Pick<TerminalInput, 'askLine' | 'askHidden'>;

async function confirmAtTerminal(input: TerminalAnswers, question: string): Promise<boolean> {
  return /^y(es)?$/i.test((await input.askLine(`${question} [y/n] `))?.trim() ?? '');
}

/** Output the app could not read, shown raw at the terminal for the technician's verdict. */
async function verdictAtTerminal(
  input: TerminalAnswers,
  say: (text: string) => void,
  question: AskedQuestion,
): Promise<Verdict | null> {
  const reading = question.reading;
  if (reading) {
    say(`\n${reading.about}: the app cannot read this output. Judge it yourself.\n`);
    say(
      `The manual says to look for: ${reading.lookFor}\n----- output -----\n${reading.raw}\n------------------\n`,
    );
  }
  const looks = (
    await input.askLine('Does it look right? [y = looks right / n = looks wrong / empty = stop] ')
  )
    ?.trim()
    .toLowerCase();
  if (!looks || !/^(y|yes|n|no)$/.test(looks)) return null;
  for (;;) {
    const reason = (await input.askLine('Why (one line, kept in the report): '))?.trim();
    if (reason === undefined) return null;
    if (reason !== '')
      return {
        verdict: looks.startsWith('y') ? 'looks-right' : 'looks-wrong',
        reason: reason.slice(0, 1000),
      };
  }
}

/** The technician at this terminal: instructions on stderr, confirmations and answers typed, secrets hidden. */
export function terminalChannel(input: TerminalAnswers, say: (text: string) => void): TechnicianChannel {
  return {
    tell: (text) => say(`${text}\n`),
    progress: (update) => say(`${update.server}: ${update.text}\n`),
    ask: async (question) => {
      if (question.kind === 'confirm') return confirmAtTerminal(input, question.text);
      if (question.kind === 'verdict') return verdictAtTerminal(input, say, question);
      return question.secret ? input.askHidden(`${question.text} `) : input.askLine(`${question.text} `);
    },
  };
}

/** `cms-ha run`: one step against the session's servers, through the same core as the app. */
export async function runStepFromCli(options: {
  directory: string;
  stepId: StepId;
  credentials: SshCredentials;
  acceptNewHostKey: boolean;
  input: TerminalAnswers;
  interactive: boolean;
  say: (text: string) => void;
  /** Set for `--technician jsonl`: questions go out as JSON lines here and answers come in on stdin. */
  jsonlOut?: (line: string) => void;
}): Promise<StepRun> {
  const { say, input, jsonlOut } = options;
  const channel = jsonlOut
    ? jsonlChannel({ readLine: () => input.askLine(''), writeLine: (line) => jsonlOut(`${line}\n`), say })
    : terminalChannel(input, say);
  const core = await SessionCore.open(options.directory, {
    signer: await nodeInstallationKey(),
    // Both servers log in with what the command line gave; a password typed for one is tried on the
    // other if that one has not asked yet.
    credentials: () => options.credentials,
    questions: () =>
      terminalConnectionQuestions({
        say,
        askHidden: input.askHidden,
        acceptNewHostKey: options.acceptNewHostKey,
        // Standard input carries JSON answers in jsonl mode: no password or host key is asked there.
        interactive: options.interactive && !jsonlOut,
        confirm: jsonlOut ? undefined : (question) => confirmAtTerminal(input, question),
      }),
  });
  try {
    if (core.journal.openReport.droppedTornLine) {
      say(
        `The journal's last line was incomplete (a crash while writing) and was dropped; nothing confirmed was lost.\n`,
      );
    }
    if (core.journal.readOnly)
      throw new CliUsageError(`this session is read-only: ${core.journal.openReport.problem?.reason}`);
    for (const stepId of core.interruptedOnOpen)
      say(`${stepId} was left running by an app or command that stopped; it is marked interrupted.\n`);
    return await core.runStep(options.stepId, channel);
  } finally {
    await core.close();
  }
}

/**
 * `cms-ha resetup`: the technician's record that CMS on a server was turned off and set up again,
 * which is what allows a migration of the same data a second time (the manual's warning, pp. 36-44).
 */
export async function recordResetup(
  directory: string,
  server: string,
  by: string,
  note: string,
): Promise<void> {
  if (server !== 'ORIG' && server !== 'NEW') throw new CliUsageError('the server is ORIG or NEW');
  if (!by.trim() || !note.trim())
    throw new CliUsageError('--by and --note are required: who did it, and what was done');
  const journal = await SessionJournal.open(directory, { signer: await nodeInstallationKey() });
  try {
    if (journal.readOnly)
      throw new CliUsageError(`this session is read-only: ${journal.openReport.problem?.reason}`);
    await journal.append({
      type: 'cms-resetup-confirmed',
      server,
      confirmedBy: by,
      note,
      at: new Date().toISOString(),
    });
  } finally {
    await journal.close();
  }
}
