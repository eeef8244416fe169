import type { Program, ProgramContext, ProgramIO } from './program.ts';
import { PROGRAMS } from './programs/index.ts';

/**
 * Splits a Bourne-shell command line into commands (separated by `;`) of words: quotes and backslashes,
 * nothing else. Pipes, redirections and substitutions are refused: the app only sends simple commands,
 * and `su - root -c 'stty -echo; echo <marker>; <command>'` when it becomes root.
 */
export function splitCommandList(line: string): string[][] | { error: string } {
  const commands: string[][] = [];
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
    } else if (char === ';') {
      if (inWord) words.push(word);
      if (words.length === 0) return { error: 'syntax error near ";"' };
      commands.push(words);
      words = [];
      word = '';
      inWord = false;
    } else if ('&|<>`$()'.includes(char)) {
      return { error: `syntax error near "${char}"` };
    } else {
      word += char;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  if (words.length > 0) commands.push(words);
  return commands;
}

/** One simple command's words (no `;`). */
export function splitCommandLine(line: string): string[] | { error: string } {
  const commands = splitCommandList(line);
  if (!Array.isArray(commands)) return commands;
  if (commands.length > 1) return { error: 'syntax error near ";"' };
  return commands[0] ?? [];
}

/** Runs one command line on the simulated host and returns its exit status (the last command's), as `sh -c` would. */
export async function runCommandLine(line: string, context: Omit<ProgramContext, 'args'>): Promise<number> {
  const commands = splitCommandList(line.trim());
  if (!Array.isArray(commands)) {
    context.io.writeError(`sh: ${commands.error}\n`);
    return 2;
  }
  let status = 0;
  for (const [name, ...args] of commands) {
    const program = PROGRAMS[name!] ?? SHELL_BUILTINS[name!];
    if (!program) {
      context.io.writeError(`sh: ${name}: not found\n`);
      status = 127;
      continue;
    }
    status = await program({ ...context, args });
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
