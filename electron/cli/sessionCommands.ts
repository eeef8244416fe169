import { isSupportedPlatformPair, PLATFORM_IDS, type PlatformId } from '../../shared/procedure/platforms.ts';
import { STEP_IDS, type ServerRole, type StepId } from '../../shared/procedure/types.ts';
import type { StepRun } from '../../shared/session/sessionState.ts';
import { createSessionFolder } from '../journal/sessionFolders.ts';
import { SessionJournal } from '../journal/sessionJournal.ts';
import { HostKeyPins } from '../ssh/hostKeyPins.ts';
import { validateTapeDevice } from '../ssh/remoteCommand.ts';
import { SshConnection, type SshCredentials, type TechnicianQuestions } from '../ssh/sshConnection.ts';
import { parseTargetSpec } from '../ssh/sshTarget.ts';
import { runProcedureStep } from '../steps/procedureRunner.ts';
import { StepContext } from '../steps/stepContext.ts';
import { interruptStepsLeftRunning } from '../steps/interruptOnConnectionLoss.ts';
import type { Technician } from '../steps/technician.ts';
import { CliUsageError } from './cliOptions.ts';

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
  if (!options.site.trim() || !options.technician.trim())
    throw new CliUsageError('--site and --technician are required');
  const directory = await createSessionFolder(options.parent, options.site, now.toISOString().slice(0, 10));
  const journal = await SessionJournal.open(directory);
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
      at,
    });
  }
  await journal.close();
  return directory;
}

export function isStepId(value: string): value is StepId {
  return (STEP_IDS as readonly string[]).includes(value);
}

/** The technician at this terminal: instructions on stderr, confirmations and answers typed. */
export function terminalTechnician(
  askLine: (question: string) => Promise<string | null>,
  say: (text: string) => void,
): Technician {
  return {
    tell: (text) => say(`${text}\n`),
    confirm: async (text) => /^y(es)?$/i.test((await askLine(`${text} [y/n] `))?.trim() ?? ''),
    ask: async (question) => askLine(`${question} `),
  };
}

/** `cms-ha run`: one step against the session's servers, journaled as the app would. */
export async function runStepFromCli(options: {
  directory: string;
  stepId: StepId;
  credentials: SshCredentials;
  acceptNewHostKey: boolean;
  technician: Technician;
  say: (text: string) => void;
}): Promise<StepRun> {
  const journal = await SessionJournal.open(options.directory);
  if (journal.openReport.droppedTornLine) {
    options.say(
      `The journal's last line was incomplete (a crash while writing) and was dropped; nothing confirmed was lost.\n`,
    );
  }
  if (journal.readOnly)
    throw new CliUsageError(`this session is read-only: ${journal.openReport.problem?.reason}`);
  for (const stepId of await interruptStepsLeftRunning(journal))
    options.say(`${stepId} was left running by an app or command that stopped; it is marked interrupted.\n`);
  const connections = new Map<ServerRole, Promise<SshConnection>>();
  const serverOfPin = (host: string, port: number): ServerRole =>
    journal.state.servers.NEW?.host === host && journal.state.servers.NEW.port === port ? 'NEW' : 'ORIG';
  const pins = new HostKeyPins(journal.state.hostKeys, (pin) => {
    void journal.append({
      type: 'host-key-pinned',
      server: serverOfPin(pin.host, pin.port),
      ...pin,
      at: pin.pinnedAt,
    });
  });
  const questions: TechnicianQuestions = {
    confirmHostKey: async ({ host, port, algorithm, fingerprint }) => {
      options.say(`Host key of ${host}:${port} is ${algorithm} ${fingerprint}\n`);
      if (options.acceptNewHostKey) return true;
      return options.technician.confirm('Is this the fingerprint the server administrator gave you?');
    },
    answerPrompts: async ({ instructions, prompts }) => {
      const answers: string[] = [];
      for (const prompt of prompts) {
        const answer = await options.technician.ask(`${instructions} ${prompt.prompt}`.trim());
        if (answer === null) return null;
        answers.push(answer);
      }
      return answers;
    },
  };
  const connect = (server: ServerRole) => {
    let connection = connections.get(server);
    if (!connection) {
      const configured = journal.state.servers[server];
      if (!configured) throw new CliUsageError(`${server} is not configured in this session`);
      connection = SshConnection.connect({
        target: {
          host: configured.host,
          port: configured.port,
          user: configured.user,
          legacyAlgorithms: configured.legacyAlgorithms,
        },
        credentials: options.credentials,
        questions,
        pins,
      });
      connections.set(server, connection);
    }
    return connection;
  };
  try {
    return await runProcedureStep(new StepContext(options.stepId, journal, connect, options.technician));
  } finally {
    for (const connection of connections.values())
      await connection.then((c) => c.close()).catch(() => undefined);
    await journal.close();
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
  const journal = await SessionJournal.open(directory);
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
