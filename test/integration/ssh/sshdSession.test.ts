import { describe, expect, it } from 'vitest';
import { runDialog, type DialogRule } from '../../../electron/ssh/dialogEngine.ts';
import { RedactingSink } from '../../../electron/ssh/redactingSink.ts';
import { DEFAULT_MAX_KEPT_BYTES, type SshConnection } from '../../../electron/ssh/sshConnection.ts';
import { skipWithoutSshd, useSimulatedPairBehindSshd } from '../../support/sshd.ts';

const skip = skipWithoutSshd('sshdSession');

describe.skipIf(skip)('commands and dialogs on the simulated pair behind real sshd', () => {
  const pair = useSimulatedPairBehindSshd();
  const asTechnician = (host: 'orig' | 'new') => pair().login(host);

  it('serves ORIG and NEW at once, each answering as its own Solaris host', async () => {
    const [a, b] = await Promise.all([asTechnician('orig'), asTechnician('new')]);
    const [unameA, unameB, pkgA, pkgB] = await Promise.all([
      a.exec('uname -a'),
      b.exec('uname -a'),
      a.exec('pkginfo -l cms'),
      b.exec('pkginfo -l cms'),
    ]);
    expect(unameA.stdout).toMatch(/^SunOS cms-orig 5\.8 /);
    expect(unameB.stdout).toMatch(/^SunOS cms-new 5\.9 /);
    expect(pkgA.stdout).toContain('VERSION:  r3v9ak.g');
    expect(pkgB.stdout).toContain('VERSION:  r3v11ak.g');
    a.close();
    b.close();
  });

  it("opens terminals at CMS's 80 × 24, and a resize reaches the server's terminal", async () => {
    const connection = await asTechnician('orig');
    // Each simctl reads the size of the terminal sshd gave it; `read` waits while the window resizes.
    const shell = await connection.openPty('simctl tty; read line; simctl tty');
    let screen = '';
    shell.onData((text) => (screen += text));
    const shows = async (text: string) => {
      for (let i = 0; i < 400 && !screen.includes(text); i++) await new Promise((r) => setTimeout(r, 25));
      expect(screen).toContain(text);
    };
    await shows('terminal 80x24');
    shell.resize!({ cols: 100, rows: 30 });
    shell.write('\r');
    await shows('terminal 100x30');
    shell.close();
    connection.close();
  });

  it('passes the exit code and stderr of a failing command on', async () => {
    const connection = await asTechnician('orig');
    const result = await connection.exec("mt -f '/dev/rmt/0' status");
    expect(result).toMatchObject({
      kind: 'exited',
      code: 1,
      stderr: '/dev/rmt/0: no tape loaded or drive offline\n',
    });
    connection.close();
  });

  it('streams a long output to a slow consumer without holding it in memory', async () => {
    const connection = await asTechnician('orig');
    let received = 0;
    let chunks = 0;
    let last = '';
    const result = await connection.exec('yes 0123456789abcdef | head -c 8388608', {
      keepOutput: false,
      timeoutMs: 60_000,
      onOutput: (chunk) => {
        received += chunk.length;
        last = chunk.toString('utf8').slice(-17);
        // A consumer that falls behind now and then (a transcript waiting for the disk).
        if (++chunks % 8 === 0) return new Promise((resolve) => setTimeout(resolve, 5));
      },
    });
    expect(result).toMatchObject({ kind: 'exited', code: 0, stdout: '', stderr: '' });
    expect(received).toBe(8 * 1024 * 1024);
    expect(last).toMatch(/^[0-9a-f\n]+$/);
    connection.close();
  });

  it('stops a command that prints more than a reading keeps, at once, with the start of its output', async () => {
    const connection = await asTechnician('orig');
    // 200 MB in lines, then 200 MB without a single newline: neither is held whole, neither waits for the timeout.
    for (const command of ['simctl noise 200000000', 'head -c 200000000 /dev/zero']) {
      let streamed = 0;
      const result = await connection.exec(command, {
        timeoutMs: 120_000,
        maxKeptBytes: 1_000_000,
        onOutput: (chunk) => void (streamed += chunk.length),
      });
      expect(result.kind).toBe('too-much-output');
      expect(Buffer.byteLength(result.stdout)).toBeLessThanOrEqual(1_000_000);
      expect(streamed).toBeLessThanOrEqual(1_000_000);
    }
    // Without a limit named, the default one holds.
    const flood = await connection.exec('simctl noise 200000000', { timeoutMs: 120_000 });
    expect(flood).toMatchObject({ kind: 'too-much-output', limitBytes: DEFAULT_MAX_KEPT_BYTES });
    // The connection is still good for the next command.
    expect(await connection.exec('uname -n')).toMatchObject({ kind: 'exited', stdout: 'cms-orig\n' });
    connection.close();
  });

  it('stops waiting for a command at its timeout', async () => {
    const connection = await asTechnician('orig');
    const result = await connection.exec('sleep 5', { timeoutMs: 300 });
    expect(result.kind).toBe('timed-out');
    connection.close();
  });

  it('reports a command as interrupted when the connection is killed under it, and says the connection was lost', async () => {
    const connection = await asTechnician('orig');
    const lost: string[] = [];
    connection.onLost((reason) => lost.push(reason));
    const running = connection.exec('sleep 30');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await pair().orig.killConnections();
    const result = await running;
    expect(result.kind).toBe('interrupted');
    expect(connection.lost).toBe(true);
    expect(lost).toHaveLength(1);
    expect(await connection.exec('uname')).toMatchObject({ kind: 'interrupted' });
  });

  it('times a PTY dialog out cleanly when the expected prompt never comes', async () => {
    const connection = await asTechnician('orig');
    const pty = await connection.openPty('cmsadm');
    // First the menu, however long the simulated cmsadm (a node process behind sshd) takes to start:
    // the timeout below then starts from a program that is up and waiting, never from its start-up.
    const menu = await runDialog(pty, {
      promptTimeoutMs: 60_000,
      rules: [{ id: 'menu', pattern: /Enter choice \(1-8\) or q to quit:/, action: { kind: 'done' } }],
    });
    expect(menu.kind).toBe('completed');
    const outcome = await runDialog(pty, {
      promptTimeoutMs: 500,
      rules: [{ id: 'never', pattern: /this prompt never appears/, action: { kind: 'done' } }],
    });
    expect(outcome.kind).toBe('timed-out');
    await expect(pty.ended).resolves.toBeDefined();
    expect((await connection.exec('uname -n')).stdout).toBe('cms-orig\n');
    connection.close();
  });

  it('drives a two-tape CMSADM backup through the dialog engine, asking the technician to swap tapes', async () => {
    const connection = await asTechnician('orig');
    await pair().store.update((state) => {
      state.tapes['SMALL-1'] = {
        id: 'SMALL-1',
        capacityBlocks: 1_000_000,
        writeProtected: false,
        content: null,
      };
      state.tapes['SMALL-2'] = {
        id: 'SMALL-2',
        capacityBlocks: 1_000_000,
        writeProtected: false,
        content: null,
      };
    });
    const hands = async (command: string) => expect((await connection.exec(command)).kind).toBe('exited');
    await hands('simctl insert SMALL-1');
    const swapTo = async (tape: string) => {
      await hands('simctl eject');
      await hands(`simctl insert ${tape}`);
      return '';
    };
    const asked: string[] = [];
    const rules: DialogRule[] = [
      {
        id: 'menu',
        pattern: /Enter choice \(1-8\) or q to quit:/,
        action: { kind: 'send', text: '3\r' },
        maxHits: 1,
      },
      {
        id: 'first-cartridge',
        pattern: /Please insert the first cartridge tape into \S+\.\r?\nPress ENTER when ready/,
        action: { kind: 'send', text: '\r' },
      },
      {
        id: 'end-of-medium',
        pattern: /insert tape number (\d+), and\r?\npress Enter/,
        action: (m) => ({ kind: 'ask', question: `insert tape ${m[1]}` }),
      },
      {
        id: 'verify-first',
        pattern: /Insert the first tape\r?\nPress Return to proceed :/,
        action: { kind: 'ask', question: 'insert tape 1 to verify' },
      },
      {
        id: 'verify-next',
        pattern: /Insert tape number (\d+)\r?\nPress Return to proceed :/,
        action: (m) => ({ kind: 'ask', question: `insert tape ${m[1]} to verify` }),
      },
      {
        id: 'label',
        pattern: /Please label the backup tape\(s\) with the date and the current CMS\r?\nversion \((\S+)\)/,
        action: { kind: 'done' },
      },
      {
        id: 'write-protected',
        pattern: /write protected or reserved/,
        action: { kind: 'fail', reason: 'the tape is write-protected' },
      },
    ];
    let transcript = '';
    const sink = new RedactingSink((text) => (transcript += text));
    const pty = await connection.openPty('cmsadm');
    const outcome = await runDialog(
      pty,
      { promptTimeoutMs: 20_000, rules },
      {
        transcript: (text) => sink.write(text),
        onSecret: (secret) => sink.addSecret(secret),
        ask: async (question) => {
          asked.push(question);
          return question.startsWith('insert tape 2') ? swapTo('SMALL-2') : swapTo('SMALL-1');
        },
      },
    );
    sink.flush();
    expect(outcome).toMatchObject({
      kind: 'completed',
      hits: { 'end-of-medium': 1, 'verify-first': 1, 'verify-next': 1, label: 1 },
    });
    expect(asked).toEqual(['insert tape 2', 'insert tape 1 to verify', 'insert tape 2 to verify']);
    expect(transcript).toContain('Tape Verification');
    expect(transcript).toContain('1843200 blocks');
    const tapes = (await pair().store.read()).tapes;
    expect(tapes['SMALL-1']!.content).toMatchObject({ kind: 'cmsadm', number: 1, of: 2, blocks: 1_000_000 });
    expect(tapes['SMALL-2']!.content).toMatchObject({ kind: 'cmsadm', number: 2, of: 2, blocks: 843_200 });
    await hands('simctl eject');
    connection.close();
  });

  it('moves a tape from ORIG to NEW only after it was ejected', async () => {
    const [a, b] = await Promise.all([asTechnician('orig'), asTechnician('new')]);
    expect((await a.exec('simctl insert DDS4-05')).kind).toBe('exited');
    const refused = await b.exec('simctl insert DDS4-05');
    expect(refused).toMatchObject({
      code: 1,
      stderr: 'simctl: DDS4-05 is in cms-orig /dev/rmt/0: eject it first\n',
    });
    await a.exec('simctl eject');
    expect(await b.exec('simctl insert DDS4-05')).toMatchObject({ code: 0 });
    await b.exec('simctl eject');
    a.close();
    b.close();
  });
});

export type { SshConnection };
