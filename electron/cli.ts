import { parseArgs } from 'node:util';
import { planCommand } from './cli/planCommand.ts';

const USAGE = `Usage: cms-ha <command> [options]

Commands:
  plan [--json]   Print the HA upgrade procedure (steps, servers, prerequisites, tapes).
  help            Print this help.
`;

/** The headless `cms-ha` tool. Returns the exit code; never throws for bad input. */
export function runCli(
  argv: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
): number {
  const [command, ...rest] = argv;
  switch (command) {
    case 'plan': {
      let values: { json?: boolean };
      try {
        values = parseArgs({ args: [...rest], options: { json: { type: 'boolean' } }, strict: true }).values;
      } catch (error) {
        err(`cms-ha plan: ${(error as Error).message}\n${USAGE}`);
        return 2;
      }
      out(planCommand({ json: values.json ?? false }));
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      err(`cms-ha: unknown command "${command}".\n${USAGE}`);
      return 2;
  }
}
