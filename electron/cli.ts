import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  CliUsageError,
  CONNECTION_OPTIONS,
  connectionFromOptions,
  credentialsFromOptions,
  timeoutFrom,
} from './cli/cliOptions.ts';
import {
  brCheckCommand,
  cmsadmBackupCommand,
  DEFAULT_TAPE_DEVICE,
  tapeCheckCommand,
} from './cli/deviceCommands.ts';
import { DEFAULT_LOG_PATHS } from '../shared/procedure/serverLogs.ts';
import { captureCommand } from './cli/captureCommand.ts';
import { execRemote } from './cli/execCommand.ts';
import { isParserName, parseCommand, PARSERS } from './cli/parseCommand.ts';
import { planCommand } from './cli/planCommand.ts';
import { isStepId, newSession, recordResetup, runStepFromCli } from './cli/sessionCommands.ts';
import { probe } from './cli/probeCommand.ts';
import { reportCommand, verifyCommand } from './cli/reportCommands.ts';
import { DEFAULT_SIM_PORT, defaultSimStateDir, startSimulatedPair } from './cli/simServeCommand.ts';
import { UnsafeRemoteValueError } from './ssh/remoteCommand.ts';
import { SshConnectError } from './ssh/sshConnection.ts';

const USAGE = `Usage: cms-ha <command> [options]

Commands:
  plan [--json]                 Print the HA upgrade procedure (steps, servers, prerequisites, tapes).
  sim [--port N] [--state DIR] [--variant default|unfamiliar]
                                Start the simulated CMS pair (ORIG on port N, NEW on N+1; default ${DEFAULT_SIM_PORT}).
                                unfamiliar: outputs the manual does not show printed another way (training).
  probe <user@host[:port]> [--identity F] [--password-env VAR] [--legacy]
        [--known-hosts F] [--accept-new-host-key] [--timeout S]
                                Connect and print one JSON object about the server.
  exec <user@host[:port]> [same options] -- <command>
                                Run one command and stream its output; its exit code is passed on
                                (stopped after --timeout S, default 3600: exit 124).
  tape-check <target> [--device D] [connection options]
                                Read the tape drive (mt status) and print it parsed, as JSON.
  cmsadm-backup <target> [--device D] [connection options]
                                Run a CMSADM backup; tape prompts are answered on this terminal.
  br-check <target> --device D [--verify] [connection options]
                                List (or verify) the maintenance backup tape in the drive, as JSON.
  capture <target> --out DIR [--device D] [--br-check] [connection options]
                                Run only read-only commands (uname -a, showrev, pkginfo -l cms, mt
                                status, the logs the procedure reads; br_check's listing with
                                --br-check) and write what they print to DIR, host names, addresses
                                and host id redacted: samples of a real server's formats.
  session new <parent-dir> --site S --technician T --orig user@host[:port] --new user@host[:port]
        [--customer C] [--training] [--orig-platform P] [--new-platform P] [--device D] [--legacy]
        [--su] [--restore-log PATH] [--error-log PATH] [--storage-def PATH]
                                Start an upgrade session folder (site and date) and print its path.
                                --su: root cannot log in; the users given log in and become root
                                with su - (root password asked when first needed). The logs the
                                manual does not name default to ${DEFAULT_LOG_PATHS.restoreLog} and
                                ${DEFAULT_LOG_PATHS.errorLog}.
  run <session-dir> <step-id> [--password-env VAR] [--root-password-env VAR] [--identity F]
        [--accept-new-host-key] [--technician terminal|jsonl]
                                Run one procedure step (P1…D11) against the session's servers and
                                journal it; questions are asked on this terminal, or with jsonl one
                                JSON line each on stdout, answered by one JSON line each on stdin.
  resetup <session-dir> <ORIG|NEW> --by NAME --note TEXT
                                Record that CMS was turned off and set up again on that server, which
                                allows its data to be migrated once more.
  report <session-dir> --format html|pdf|json|csv|labels [--out F]
                                Export the upgrade report, signed with this installation's key
                                (~/.cms-ha; csv: steps.csv, tapes.csv and journal-head.txt in folder
                                F; labels: printable tape labels and the tape checklist) and print the
                                paths written. Default: the session's exports/ folder.
  verify <session-dir> <report.json> [--paper "<QR code text>"]
                                Check a JSON report (and its signature) against the session's
                                journal, and with --paper the signed paper copy's QR code: exit 0
                                when they match, 1 with the reasons when they do not.
  parse <kind> [file]           Parse pasted console output (stdin without a file) and print it as JSON;
                                exit 0 recognised, 3 unrecognised. Kinds: ${Object.keys(PARSERS).join(', ')}.
  help                          Print this help.

--known-hosts F keeps the pinned host-key fingerprints (JSON) between runs. Passwords are never taken
on the command line: use --password-env VAR, or type them when asked.
`;

export interface CliIO {
  out(text: string | Buffer): void;
  err(text: string | Buffer): void;
  /** Resolves when the user asks to stop a long-running command (Ctrl+C). */
  interrupted(): Promise<void>;
  readStdin(): Promise<string>;
  /** Asks on the terminal and resolves with the line typed (null at end of input). */
  askLine(question: string): Promise<string | null>;
  /** The same, with nothing typed echoed (passwords). */
  askHidden(question: string): Promise<string | null>;
  /** Standard input is a terminal (login prompts are only asked there). */
  interactive: boolean;
}

/** The headless `cms-ha` tool. Resolves with the exit code; bad input gives usage and 2, never a stack trace. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'plan': {
        const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } }, strict: true });
        io.out(planCommand({ json: values.json ?? false }));
        return 0;
      }
      case 'sim': {
        const { values } = parseArgs({
          args: rest,
          options: {
            port: { type: 'string' },
            state: { type: 'string' },
            'time-scale': { type: 'string' },
            variant: { type: 'string' },
          },
          strict: true,
        });
        const variant = values.variant;
        if (variant !== undefined && variant !== 'default' && variant !== 'unfamiliar')
          throw new CliUsageError('--variant takes default or unfamiliar');
        const port = values.port === undefined ? DEFAULT_SIM_PORT : Number(values.port);
        if (!Number.isInteger(port) || port < 0 || port > 65534)
          throw new CliUsageError('--port takes a port number (0-65534)');
        const timeScale = values['time-scale'] === undefined ? 0.02 : Number(values['time-scale']);
        if (!Number.isFinite(timeScale) || timeScale < 0)
          throw new CliUsageError('--time-scale takes a number >= 0');
        const { server, banner } = await startSimulatedPair({
          port,
          stateDir: values.state ?? defaultSimStateDir(),
          timeScale,
          variant,
        });
        io.out(banner);
        await io.interrupted();
        await server.close();
        return 0;
      }
      case 'probe': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: CONNECTION_OPTIONS,
          allowPositionals: true,
          strict: true,
        });
        if (positionals.length !== 1) throw new CliUsageError('probe takes exactly one target');
        const connection = await connectionFromOptions(positionals[0], values, io);
        const report = await probe(connection, timeoutFrom(values, 20_000));
        io.out(`${JSON.stringify(report, null, 2)}\n`);
        return 0;
      }
      case 'exec': {
        const separator = rest.indexOf('--');
        if (separator < 0 || separator === rest.length - 1)
          throw new CliUsageError('exec needs -- followed by the command');
        const { values, positionals } = parseArgs({
          args: rest.slice(0, separator),
          options: CONNECTION_OPTIONS,
          allowPositionals: true,
          strict: true,
        });
        if (positionals.length !== 1) throw new CliUsageError('exec takes exactly one target before --');
        const connection = await connectionFromOptions(positionals[0], values, io);
        // Every command ends: an hour unless --timeout says otherwise (a CMSADM backup run by hand takes less).
        const timeout = timeoutFrom(values, 3_600_000);
        return await execRemote(connection, rest.slice(separator + 1).join(' '), timeout, io.out, io.err);
      }
      case 'tape-check':
      case 'cmsadm-backup':
      case 'br-check': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { ...CONNECTION_OPTIONS, device: { type: 'string' }, verify: { type: 'boolean' } },
          allowPositionals: true,
          strict: true,
        });
        if (positionals.length !== 1) throw new CliUsageError(`${command} takes exactly one target`);
        const connection = await connectionFromOptions(positionals[0], values, io);
        const { json, exitCode } =
          command === 'tape-check'
            ? await tapeCheckCommand(connection, values.device ?? DEFAULT_TAPE_DEVICE)
            : command === 'cmsadm-backup'
              ? await cmsadmBackupCommand(connection, values.device ?? null, io, (text) => io.err(text))
              : await brCheckCommand(connection, requireDevice(values.device), values.verify ?? false, io);
        io.out(`${JSON.stringify(json, null, 2)}\n`);
        return exitCode;
      }
      case 'capture': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: {
            ...CONNECTION_OPTIONS,
            out: { type: 'string' },
            device: { type: 'string' },
            'br-check': { type: 'boolean' },
          },
          allowPositionals: true,
          strict: true,
        });
        if (positionals.length !== 1) throw new CliUsageError('capture takes exactly one target');
        if (!values.out) throw new CliUsageError('capture needs --out DIR, the sample folder to write');
        const connection = await connectionFromOptions(positionals[0], values, io);
        const captured = await captureCommand(connection, {
          out: values.out,
          device: values.device ?? DEFAULT_TAPE_DEVICE,
          brCheck: values['br-check'] ?? false,
        });
        io.out(`${JSON.stringify(captured, null, 2)}\n`);
        return 0;
      }
      case 'session': {
        const [sub, ...args] = rest;
        if (sub !== 'new') throw new CliUsageError('session takes "new"');
        const { values, positionals } = parseArgs({
          args,
          options: {
            site: { type: 'string' },
            technician: { type: 'string' },
            customer: { type: 'string' },
            training: { type: 'boolean' },
            orig: { type: 'string' },
            new: { type: 'string' },
            'orig-platform': { type: 'string' },
            'new-platform': { type: 'string' },
            device: { type: 'string' },
            legacy: { type: 'boolean' },
            su: { type: 'boolean' },
            'restore-log': { type: 'string' },
            'storage-def': { type: 'string' },
            'error-log': { type: 'string' },
          },
          allowPositionals: true,
          strict: true,
        });
        if (positionals.length !== 1)
          throw new CliUsageError('session new takes the folder to create the session in');
        if (!values.site || !values.technician || !values.orig || !values.new) {
          throw new CliUsageError('session new needs --site, --technician, --orig and --new');
        }
        const directory = await newSession({
          parent: positionals[0]!,
          site: values.site,
          technician: values.technician,
          customer: values.customer ?? '',
          training: values.training ?? false,
          orig: values.orig,
          new: values.new,
          origPlatform: values['orig-platform'],
          newPlatform: values['new-platform'],
          device: values.device ?? DEFAULT_TAPE_DEVICE,
          legacy: values.legacy ?? false,
          su: values.su ?? false,
          restoreLog: values['restore-log'],
          storageDef: values['storage-def'],
          errorLog: values['error-log'],
        });
        io.out(`${directory}\n`);
        return 0;
      }
      case 'run': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: {
            ...CONNECTION_OPTIONS,
            technician: { type: 'string' },
            'root-password-env': { type: 'string' },
          },
          allowPositionals: true,
          strict: true,
        });
        const [directory, stepId, extra] = positionals;
        if (!directory || !stepId || extra !== undefined)
          throw new CliUsageError('run takes a session folder and a step id');
        if (!isStepId(stepId))
          throw new CliUsageError(`"${stepId}" is not a step (P1, P2, P3a, P3b, P4a, P4b, D1 … D11)`);
        const technician = values.technician ?? 'terminal';
        if (technician !== 'terminal' && technician !== 'jsonl')
          throw new CliUsageError('--technician takes terminal or jsonl');
        const credentials = await credentialsFromOptions(values);
        const rootPasswordVariable = values['root-password-env'];
        if (rootPasswordVariable) {
          const rootPassword = process.env[rootPasswordVariable];
          if (rootPassword === undefined)
            throw new CliUsageError(`environment variable ${rootPasswordVariable} is not set`);
          credentials.rootPassword = rootPassword;
        }
        const say = (text: string) => io.err(text);
        const jsonl = technician === 'jsonl';
        const run = await runStepFromCli({
          directory,
          stepId,
          credentials,
          acceptNewHostKey: values['accept-new-host-key'] ?? false,
          input: io,
          interactive: io.interactive,
          say,
          jsonlOut: jsonl ? (line) => io.out(line) : undefined,
        });
        // In jsonl mode stdout carries questions only; how the step ended goes to stderr (and the exit code).
        const ended = `${JSON.stringify({ stepId, status: run.status, reason: run.reason, attempts: run.attempts }, null, 2)}\n`;
        if (jsonl) io.err(ended);
        else io.out(ended);
        return run.status === 'passed' ? 0 : 1;
      }
      case 'resetup': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { by: { type: 'string' }, note: { type: 'string' } },
          allowPositionals: true,
          strict: true,
        });
        const [directory, server, extra] = positionals;
        if (!directory || !server || extra !== undefined)
          throw new CliUsageError('resetup takes a session folder and ORIG or NEW');
        await recordResetup(directory, server, values.by ?? '', values.note ?? '');
        io.out(`Recorded: CMS on ${server} was turned off and set up again.\n`);
        return 0;
      }
      case 'report': {
        const { written, warning } = await reportCommand(rest);
        if (warning) io.err(`cms-ha report: warning: ${warning}\n`);
        io.out(written.map((file) => `${file}\n`).join(''));
        return 0;
      }
      case 'verify': {
        const { ok, findings } = await verifyCommand(rest);
        (ok ? io.out : io.err)(findings.map((finding) => `${finding}\n`).join(''));
        return ok ? 0 : 1;
      }
      case 'parse': {
        const { positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true });
        const [kind, file, extra] = positionals;
        if (!kind || !isParserName(kind) || extra !== undefined) {
          throw new CliUsageError(
            `parse takes one of ${Object.keys(PARSERS).join(', ')} and at most one file`,
          );
        }
        const text = file === undefined ? await io.readStdin() : await readFile(file, 'utf8');
        const { json, exitCode } = parseCommand(kind, text);
        io.out(json);
        return exitCode;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new CliUsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (
      error instanceof CliUsageError ||
      error instanceof UnsafeRemoteValueError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.err(`cms-ha ${command ?? ''}: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof SshConnectError) {
      io.err(`cms-ha ${command}: ${error.message}\n`);
      return error.kind === 'host-key-changed' || error.kind === 'host-key-rejected' ? 3 : 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      io.err(`cms-ha ${command}: the port is already in use; choose another with --port\n`);
      return 1;
    }
    io.err(`cms-ha ${command}: ${(error as Error).message}\n`);
    return 1;
  }
}

function requireDevice(device: string | undefined): string {
  if (!device) throw new CliUsageError('--device is required (e.g. --device /dev/rmt/0c)');
  return device;
}
