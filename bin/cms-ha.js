#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `cms-ha` works from a fresh `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli.ts');
const { terminalInput } = await import('../electron/cli/terminalInput.ts');

const input = terminalInput(process.stdin, (text) => process.stderr.write(text));
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  askLine: input.askLine,
  askHidden: input.askHidden,
  interactive: process.stdin.isTTY === true,
  readStdin: async () => {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  },
  interrupted: () =>
    new Promise((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    }),
});
input.close();
