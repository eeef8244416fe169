#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `cms-ha` works from a fresh `npm install` with no build step.
import { createInterface } from 'node:readline';
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli.ts');

/** Lines typed (or piped) on stdin, read only when a command asks, and handed out in order. */
let reader = null;
let stdinClosed = false;
const typed = [];
const waiting = [];
function nextLine() {
  if (!reader) {
    reader = createInterface({ input: process.stdin, terminal: false });
    reader.on('line', (line) => (waiting.length > 0 ? waiting.shift()(line) : typed.push(line)));
    reader.on('close', () => {
      stdinClosed = true;
      while (waiting.length > 0) waiting.shift()(null);
    });
  }
  if (typed.length > 0) return Promise.resolve(typed.shift());
  if (stdinClosed) return Promise.resolve(null);
  return new Promise((resolve) => waiting.push(resolve));
}

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  askLine: (question) => {
    process.stderr.write(question);
    return nextLine();
  },
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
reader?.close();
