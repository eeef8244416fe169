/** Lines typed (or piped) on standard input, read only when a command asks, handed out in order. */
export interface TerminalInput {
  /** Asks and resolves with the line typed (null at the end of input). */
  askLine(question: string): Promise<string | null>;
  /** The same for a secret: on a terminal nothing typed is echoed. */
  askHidden(question: string): Promise<string | null>;
  close(): void;
}

interface Waiter {
  question: string;
  hidden: boolean;
  resolve: (line: string | null) => void;
}

/**
 * One reader for both kinds of question, so a password asked between two ordinary questions can never be
 * read by a second reader as an ordinary line. Questions are shown one at a time, in order; a hidden one
 * puts the terminal into raw mode (no echo) before its prompt is shown, so nothing typed after the prompt
 * can echo; Enter ends it, Backspace edits it, Ctrl+C stops the command.
 */
export function terminalInput(
  stdin: NodeJS.ReadStream,
  write: (text: string) => void,
  onCtrlC: () => void = () => process.exit(130),
): TerminalInput {
  const waiters: Waiter[] = [];
  let pending = '';
  let line = '';
  let afterCarriageReturn = false;
  let ended = false;
  let listening = false;
  let raw = false;

  const setRaw = (on: boolean) => {
    if (!stdin.isTTY || raw === on) return;
    stdin.setRawMode(on);
    raw = on;
  };
  /** The question now being answered: the terminal's mode first, then its prompt. */
  const showHead = () => {
    const head = waiters[0];
    setRaw(head?.hidden ?? false);
    if (head) write(head.question);
  };
  const finishLine = (value: string | null) => {
    const waiter = waiters.shift()!;
    if (waiter.hidden && raw) write('\n');
    line = '';
    waiter.resolve(value);
    showHead();
  };
  const pump = () => {
    while (waiters.length > 0 && pending.length > 0) {
      const char = pending[0]!;
      pending = pending.slice(1);
      const wasCarriageReturn = afterCarriageReturn;
      afterCarriageReturn = char === '\r';
      if (char === '\n' && wasCarriageReturn) continue;
      if (char === '\r' || char === '\n') finishLine(line);
      else if (raw && char === '\x03') {
        setRaw(false);
        write('\n');
        onCtrlC();
        return;
      } else if (raw && char === '\x04') finishLine(line);
      else if (raw && (char === '\x7f' || char === '\b')) line = line.slice(0, -1);
      else line += char;
    }
    if (ended) while (waiters.length > 0) finishLine(line === '' ? null : line);
    if (waiters.length === 0) stdin.pause();
  };
  const onData = (chunk: string | Buffer) => {
    pending += String(chunk);
    pump();
  };
  const onEnd = () => {
    ended = true;
    pump();
  };
  const ask = (question: string, hidden: boolean): Promise<string | null> => {
    if (ended && pending === '') {
      write(question);
      return Promise.resolve(null);
    }
    return new Promise((resolve) => {
      waiters.push({ question, hidden, resolve });
      if (waiters.length === 1) showHead();
      if (!listening) {
        listening = true;
        stdin.setEncoding('utf8');
        stdin.on('data', onData);
        stdin.on('end', onEnd);
      }
      stdin.resume();
      pump();
    });
  };
  return {
    askLine: (question) => ask(question, false),
    askHidden: (question) => ask(question, true),
    close: () => {
      setRaw(false);
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.pause();
    },
  };
}
