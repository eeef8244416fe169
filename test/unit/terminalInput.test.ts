import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { terminalInput } from '../../electron/cli/terminalInput.ts';

/** A terminal's standard input as Node gives it, recording what the program does to it and shows on it. */
function fakeTerminal() {
  const log: string[] = [];
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    setRawMode: (on: boolean) => log.push(on ? '[raw]' : '[cooked]'),
    setEncoding: () => undefined,
    pause: () => undefined,
    resume: () => undefined,
  });
  const type = (text: string) => stdin.emit('data', text);
  const input = terminalInput(stdin as unknown as NodeJS.ReadStream, (text) => log.push(text));
  return { log, type, input, stdin };
}

describe('the command line reading answers from a terminal', () => {
  it('puts the terminal in raw mode before a password prompt is shown, and back after', async () => {
    const { log, type, input } = fakeTerminal();
    const answer = input.askHidden('Password: ');
    expect(log).toEqual(['[raw]', 'Password: ']);
    type('s3cret\r');
    expect(await answer).toBe('s3cret');
    expect(log).toEqual(['[raw]', 'Password: ', '\n', '[cooked]']);
  });

  it('shows questions one at a time: a password asked meanwhile waits, unechoed, for its turn', async () => {
    const { log, type, input } = fakeTerminal();
    const site = input.askLine('Tape name? ');
    const first = input.askHidden('Password for ORIG: ');
    const second = input.askHidden('Password for NEW: ');
    expect(log).toEqual(['Tape name? ']);
    type('DDS4-01\n');
    expect(await site).toBe('DDS4-01');
    expect(log.slice(1)).toEqual(['[raw]', 'Password for ORIG: ']);
    type('one\rtwo\x7f\x7f\x7ftwo\r');
    expect(await first).toBe('one');
    expect(await second).toBe('two');
    expect(log.slice(3)).toEqual(['\n', 'Password for NEW: ', '\n', '[cooked]']);
  });

  it('gives a last unfinished line at the end of input, then null', async () => {
    const { stdin, input } = fakeTerminal();
    const answer = input.askLine('Continue? ');
    const next = input.askLine('Next? ');
    stdin.emit('data', 'partial');
    stdin.emit('end');
    expect(await answer).toBe('partial');
    expect(await next).toBeNull();
    expect(await input.askLine('Again? ')).toBeNull();
  });
});
