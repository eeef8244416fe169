import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDialog, type DialogSpec } from '../../../electron/ssh/dialogEngine.ts';
import { BoundedScreen } from '../../../electron/ssh/boundedScreen.ts';
import { fakeTerminal } from '../../support/fakeTerminal.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the dialog engine', () => {
  const spec: DialogSpec = {
    promptTimeoutMs: 200,
    rules: [
      { id: 'menu', pattern: /Enter choice:/, action: { kind: 'send', text: '3\r' }, maxHits: 2 },
      {
        id: 'password',
        pattern: /Password:/,
        action: { kind: 'ask', question: 'root password', secret: true },
      },
      { id: 'broken', pattern: /FATAL: (.*)/, action: (m) => ({ kind: 'fail', reason: m[1]! }) },
      { id: 'finished', pattern: /All done/, action: { kind: 'done' } },
    ],
  };

  it('answers prompts in order, asks the technician, reports secrets, counts hits', async () => {
    const t = fakeTerminal();
    const secrets: string[] = [];
    const outcome = runDialog(t.channel, spec, {
      ask: async () => 's3cret',
      onSecret: (s) => secrets.push(s),
    });
    t.print('Menu\nEnter choice: ');
    await tick();
    t.print('Pass');
    t.print('word: ');
    await tick();
    await tick();
    t.print('ok\nAll done\n');
    expect(await outcome).toEqual({
      kind: 'completed',
      hits: { menu: 1, password: 1, broken: 0, finished: 1 },
    });
    expect(t.typed).toEqual(['3\r', 's3cret\r']);
    expect(secrets).toEqual(['s3cret']);
  });

  it('handles two prompts arriving in one chunk, earliest first', async () => {
    const t = fakeTerminal();
    const outcome = runDialog(t.channel, spec);
    t.print('Enter choice: ... All done');
    expect(await outcome).toMatchObject({ kind: 'completed', hits: { menu: 1, finished: 1 } });
  });

  it('fails with the reason the rule extracts, and closes the terminal', async () => {
    const t = fakeTerminal();
    const outcome = runDialog(t.channel, spec);
    t.print('FATAL: tape drive offline\n');
    expect(await outcome).toMatchObject({ kind: 'failed', reason: 'tape drive offline', ruleId: 'broken' });
    expect(t.channel.closed).toBe(true);
  });

  it('fails a prompt that keeps coming back more than allowed', async () => {
    const t = fakeTerminal();
    const outcome = runDialog(t.channel, spec);
    t.print('Enter choice: Enter choice: Enter choice: ');
    expect(await outcome).toMatchObject({
      kind: 'failed',
      ruleId: 'menu',
      reason: '"menu" came back 3 times',
    });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('times out when no rule matches, quoting the last output, and closes the terminal', async () => {
    vi.useFakeTimers();
    const t = fakeTerminal();
    const outcome = runDialog(t.channel, spec);
    t.print('Something unexpected');
    await vi.advanceTimersByTimeAsync(199);
    expect(t.channel.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toMatchObject({ kind: 'timed-out', lastOutput: 'Something unexpected' });
    expect(t.channel.closed).toBe(true);
  });

  it('does not count the technician thinking time against the timeout', async () => {
    vi.useFakeTimers();
    const t = fakeTerminal();
    let answer: (text: string) => void = () => undefined;
    const outcome = runDialog(t.channel, spec, {
      ask: () => new Promise((resolve) => (answer = resolve)),
    });
    t.print('Password: ');
    // The technician thinks for ten times the prompt timeout; nothing times out meanwhile.
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.channel.closed).toBe(false);
    answer('pw');
    await vi.advanceTimersByTimeAsync(150);
    t.print('All done');
    expect(await outcome).toMatchObject({ kind: 'completed' });
  });

  it('never ends long work on a silence by itself: asks to keep waiting, with how long it has been', async () => {
    vi.useFakeTimers();
    const t = fakeTerminal();
    const asked: { silentForMs: number; lastOutput: string }[] = [];
    const outcome = runDialog(t.channel, spec, {
      keepWaiting: async (silentForMs, lastOutput) => {
        asked.push({ silentForMs, lastOutput });
        return true;
      },
    });
    t.print('Writing tape 1...');
    // Ten silences in a row: the technician says to wait each time, and the program is left alone.
    await vi.advanceTimersByTimeAsync(10 * 200);
    expect(asked).toHaveLength(10);
    expect(asked[0]).toEqual({ silentForMs: 200, lastOutput: 'Writing tape 1...' });
    expect(asked[9]!.silentForMs).toBe(2000);
    expect(t.channel.closed).toBe(false);
    t.print('All done');
    expect(await outcome).toMatchObject({ kind: 'completed' });
  });

  it('stops the program after a silence only when the technician says not to wait', async () => {
    vi.useFakeTimers();
    const t = fakeTerminal();
    const outcome = runDialog(t.channel, spec, { keepWaiting: async () => false });
    t.print('Verifying tape 1...');
    await vi.advanceTimersByTimeAsync(200);
    expect(await outcome).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/^stopped by the technician after/),
    });
    expect(t.channel.closed).toBe(true);
  });

  it('ends the dialog with the error a hook threw (a lost server is not the program failing), closing the terminal', async () => {
    const t = fakeTerminal();
    const lost = new Error('the server went away while the technician answered');
    const outcome = runDialog(t.channel, spec, { ask: () => Promise.reject(lost) });
    t.print('Password: ');
    await expect(outcome).rejects.toBe(lost);
    expect(t.channel.closed).toBe(true);
  });

  it('fails when the technician cancels, and reports a program that exits on its own', async () => {
    const cancelled = fakeTerminal();
    const first = runDialog(cancelled.channel, spec, { ask: async () => null });
    cancelled.print('Password: ');
    expect(await first).toMatchObject({
      kind: 'failed',
      reason: 'the technician cancelled at "root password"',
    });

    const exits = fakeTerminal();
    const second = runDialog(exits.channel, spec);
    exits.exit(3);
    expect(await second).toMatchObject({ kind: 'exited', code: 3 });
  });
});

describe('a program that prints without end', () => {
  it('is searched only in its latest output: a prompt after 64 MiB of output is still answered', async () => {
    const t = fakeTerminal();
    const outcome = runDialog(t.channel, {
      promptTimeoutMs: 200,
      rules: [
        { id: 'menu', pattern: /Enter choice:/, action: { kind: 'send', text: '3\r' } },
        { id: 'finished', pattern: /All done/, action: { kind: 'done' } },
      ],
    });
    const line = `${'progress 0123456789 '.repeat(50)}\n`;
    const chunk = line.repeat(Math.ceil((1024 * 1024) / line.length));
    for (let i = 0; i < 64; i++) t.print(chunk);
    t.print('Enter choice: ');
    await tick();
    t.print('All done\n');
    expect(await outcome).toMatchObject({ kind: 'completed', hits: { menu: 1, finished: 1 } });
    expect(t.typed).toEqual(['3\r']);
  });

  it('keeps what it printed for the parser only up to a limit, and then the parser does not read it', () => {
    const screen = new BoundedScreen(1000);
    screen.add('Volume label: X\n');
    expect(screen.parse((raw) => ({ kind: 'recognised' as const, raw }))).toEqual({
      kind: 'recognised',
      raw: 'Volume label: X\n',
    });
    for (let i = 0; i < 100; i++) screen.add('x'.repeat(100));
    screen.add('\nthe end\n');
    expect(screen.overflowed).toBe(true);
    expect(screen.text.length).toBeLessThan(1100);
    expect(screen.text.startsWith('Volume label: X\n')).toBe(true);
    expect(screen.text.endsWith('\nthe end\n')).toBe(true);
    expect(screen.text).toContain('characters left out here; the transcript has them all');
    expect(screen.parse(() => ({ kind: 'recognised' as const }))).toMatchObject({
      kind: 'unrecognised',
      reason: 'the program printed 10025 characters, more than the 1000 kept for reading it',
    });
  });
});
