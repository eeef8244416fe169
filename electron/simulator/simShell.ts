import type { Program, ProgramContext, ProgramIO } from './program.ts';
import { PROGRAMS } from './programs/index.ts';

/**
 * Splits a Bourne-shell command line into pipelines (separated by `;`) of commands (separated by `|`) of
 * words: quotes and backslashes, nothing else. Redirections and substitutions are refused: the app sends
 * simple commands, one pipeline (reading a tape's first bytes), and
 * `su - root -c 'stty -echo; echo <marker>; <command>'` when it becomes root.
 */
export function splitCommandList(line: string): string[][][] | { error: string } {
  const pipelines: string[][][] = [];
  let commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { error: 'unterminated quoted string' };
      word += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (char === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length) j++;
        if (line[j] === '$' || line[j] === '`') return { error: 'substitutions are not supported' };
        word += line[j];
      }
      if (j >= line.length) return { error: 'unterminated quoted string' };
      i = j;
      inWord = true;
    } else if (char === '\\') {
      word += line[++i] ?? '';
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (char === ';' || char === '|') {
      if (inWord) words.push(word);
      if (words.length === 0) return { error: `syntax error near "${char}"` };
      commands.push(words);
      if (char === ';') {
        pipelines.push(commands);
        commands = [];
      }
      words = [];
      word = '';
      inWord = false;
    } else if ('&<>`$()'.includes(char)) {
      return { error: `syntax error near "${char}"` };
    } else {
      word += char;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  if (words.length > 0) commands.push(words);
  else if (commands.length > 0) return { error: 'syntax error near "|"' };
  if (commands.length > 0) pipelines.push(commands);
  return pipelines;
}

/** One simple command's words (no `;`, no `|`). */
export function splitCommandLine(line: string): string[] | { error: string } {
  const pipelines = splitCommandList(line);
  if (!Array.isArray(pipelines)) return pipelines;
  if (pipelines.length > 1) return { error: 'syntax error near ";"' };
  if ((pipelines[0]?.length ?? 0) > 1) return { error: 'syntax error near "|"' };
  return pipelines[0]?.[0] ?? [];
}

/** Runs one command line on the simulated host and returns its exit status (the last command's), as `sh -c` would. */
export async function runCommandLine(line: string, context: Omit<ProgramContext, 'args'>): Promise<number> {
  const commands = splitCommandList(line.trim());
  if (!Array.isArray(commands)) {
    context.io.writeError(`sh: ${commands.error}\n`);
    return 2;
  }
  let status = 0;
  for (const pipeline of commands) status = await runPipeline(pipeline, context);
  return status;
}

/**
 * Runs `a | b | …` one command after the other: each command's output, whole, is the next one's input
 * (the simulator's programs print little). The status is the last command's, as sh's.
 */
async function runPipeline(pipeline: string[][], context: Omit<ProgramContext, 'args'>): Promise<number> {
  let status = 0;
  let input: string[] | null = null;
  for (const [index, [name, ...args]] of pipeline.entries()) {
    const last = index === pipeline.length - 1;
    let output = '';
    const lines = input;
    const io: ProgramIO = {
      writeError: (text) => context.io.writeError(text),
      setEcho: (on) => context.io.setEcho(on),
      write: last ? context.io.write.bind(context.io) : (text) => void (output += text),
      readLine: lines ? async () => lines.shift() ?? null : context.io.readLine.bind(context.io),
      readKey: lines ? async () => lines.shift() ?? null : context.io.readKey.bind(context.io),
      setRaw: (on) => context.io.setRaw(on),
    };
    const program = PROGRAMS[name!] ?? SHELL_BUILTINS[name!];
    if (!program) {
      context.io.writeError(`sh: ${name}: not found\n`);
      status = 127;
    } else status = await program({ ...context, io, args });
    const split = output.split('\n');
    if (split.at(-1) === '') split.pop();
    input = split;
  }
  return status;
}

/** What the shell itself does; never a file in the command folder behind a real sshd (its own shell has them). */
const SHELL_BUILTINS: Readonly<Record<string, Program>> = {
  echo: async ({ args, io }) => {
    io.write(`${args.join(' ')}\n`);
    return 0;
  },
  stty: async ({ args, io }) => {
    if (args.includes('-echo')) io.setEcho(false);
    else if (args.includes('echo')) io.setEcho(true);
    return 0;
  },
};

/** An interactive root shell on the simulated host: prompt, command, repeat. */
export async function runInteractiveShell(
  context: Omit<ProgramContext, 'args'>,
  hostname: string,
): Promise<number> {
  const io: ProgramIO = context.io;
  for (;;) {
    io.write(`${hostname}# `);
    const line = await io.readLine();
    if (line === null || line.trim() === 'exit') return 0;
    await runCommandLine(line, context);
  }
}
