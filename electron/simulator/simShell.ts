import type { ProgramContext, ProgramIO } from './program.ts';
import { PROGRAMS } from './programs/index.ts';

/**
 * Splits a Bourne-shell command line into words: quotes and backslashes, nothing else. Lists, pipes,
 * redirections and substitutions are refused: the app only sends simple commands.
 */
export function splitCommandLine(line: string): string[] | { error: string } {
  const words: string[] = [];
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
    } else if (';&|<>`$()'.includes(char)) {
      return { error: `syntax error near "${char}"` };
    } else {
      word += char;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** Runs one command line on the simulated host and returns its exit status, as `sh -c` would. */
export async function runCommandLine(line: string, context: Omit<ProgramContext, 'args'>): Promise<number> {
  const words = splitCommandLine(line.trim());
  if (!Array.isArray(words)) {
    context.io.writeError(`sh: ${words.error}\n`);
    return 2;
  }
  if (words.length === 0) return 0;
  const [name, ...args] = words;
  const program = PROGRAMS[name!];
  if (!program) {
    context.io.writeError(`sh: ${name}: not found\n`);
    return 127;
  }
  return program({ ...context, args });
}

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
