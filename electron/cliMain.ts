// The `cms-ha` process: standard input and output wired to the CLI. Built to out/cli/cms-ha.mjs for
// people without the development tools; bin/cms-ha.js runs it from source in a checkout.
import { runCli } from './cli.ts';
import { terminalInput } from './cli/terminalInput.ts';

const input = terminalInput(process.stdin, (text) => process.stderr.write(text));
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  askLine: input.askLine,
  askHidden: input.askHidden,
  interactive: process.stdin.isTTY === true,
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  interrupted: () =>
    new Promise((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    }),
});
input.close();
// A script that keeps its end of the pipe open (`run --technician jsonl`) must not keep this process
// alive once the command has ended: a paused pipe still holds the event loop.
process.stdin.destroy();
