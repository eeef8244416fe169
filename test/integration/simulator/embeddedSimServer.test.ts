import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPair } from '../../../electron/simulator/defaultPair.ts';
import { generateSimHostKey } from '../../../electron/simulator/simHostKeys.ts';
import { startSimServer, type RunningSimServer } from '../../../electron/simulator/simServer.ts';
import { MemorySimStore } from '../../../electron/simulator/simStore.ts';
import { runDialog } from '../../../electron/ssh/dialogEngine.ts';
import { SshConnectError } from '../../../electron/ssh/sshConnection.ts';
import { connect, technician } from '../../support/sshClient.ts';

describe('the simulated pair on the embedded SSH server (training mode)', () => {
  let server: RunningSimServer;
  let store: MemorySimStore;
  beforeAll(async () => {
    store = new MemorySimStore(defaultPair());
    const key = generateSimHostKey;
    server = await startSimServer({
      store,
      timeScale: 0,
      hostKeys: { orig: key(), new: key() },
      ports: { orig: 0, new: 0 },
      users: { root: 'cms' },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves two hosts on two ports, by password or keyboard-interactive', async () => {
    const orig = await connect(server.ports.orig, 'root', { password: 'cms' }, { legacy: false });
    const questions = technician(['cms']);
    const neu = await connect(server.ports.new, 'root', {}, { legacy: false, questions });
    expect((await orig.exec('uname -n')).stdout).toBe('cms-orig\n');
    expect((await neu.exec('uname -n')).stdout).toBe('cms-new\n');
    expect(questions.promptQuestions).toHaveLength(1);
    orig.close();
    neu.close();
  });

  it('refuses a wrong password', async () => {
    const error = await connect(server.ports.orig, 'root', { password: 'nope' }, { legacy: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SshConnectError);
    expect((error as SshConnectError).kind).toBe('authentication');
  });

  it('runs a menu program on a terminal, with echo and CR LF', async () => {
    const connection = await connect(server.ports.orig, 'root', { password: 'cms' }, { legacy: false });
    const pty = await connection.openPty('cmsadm');
    let screen = '';
    const outcome = await runDialog(
      pty,
      {
        promptTimeoutMs: 15_000,
        rules: [{ id: 'menu', pattern: /or q to quit:/, action: { kind: 'send', text: 'q\r' } }],
      },
      { transcript: (text) => (screen += text) },
    );
    expect(outcome).toMatchObject({ kind: 'exited', code: 0 });
    expect(screen).toContain('Avaya Call Management System Administration Menu\r\n');
    expect(screen).toContain('Enter choice (1-8) or q to quit: q\r\n');
    connection.close();
  });

  it('gives the technician an interactive root shell with a prompt', async () => {
    const connection = await connect(server.ports.orig, 'root', { password: 'cms' }, { legacy: false });
    const shell = await connection.openPty(null);
    let screen = '';
    let prompts = 0;
    const outcome = await runDialog(
      shell,
      {
        promptTimeoutMs: 15_000,
        rules: [
          {
            id: 'prompt',
            pattern: /cms-orig# /,
            action: () => ({ kind: 'send', text: ++prompts === 1 ? 'uname -n\r' : 'exit\r' }),
          },
        ],
      },
      { transcript: (text) => (screen += text) },
    );
    expect(outcome).toMatchObject({ kind: 'exited', code: 0 });
    expect(screen).toContain('cms-orig# uname -n\r\ncms-orig\r\ncms-orig# exit\r\n');
    connection.close();
  });

  it('keeps one tape library for both hosts: a tape written on ORIG is read on NEW', async () => {
    const orig = await connect(server.ports.orig, 'root', { password: 'cms' }, { legacy: false });
    const neu = await connect(server.ports.new, 'root', { password: 'cms' }, { legacy: false });
    await orig.exec('simctl insert DDS4-03');
    await orig.exec('simctl write-maintenance DDS4-03 XSMC F');
    await orig.exec('simctl eject');
    await neu.exec('simctl insert DDS4-03');
    const pty = await neu.openPty('/cms/bin/br_check');
    let screen = '';
    const outcome = await runDialog(
      pty,
      {
        promptTimeoutMs: 15_000,
        rules: [
          {
            id: 'type',
            pattern: /Enter device type \[q for qtape, f for floppy\]:/,
            action: { kind: 'send', text: 'q\r' },
          },
          { id: 'path', pattern: /Enter device path:/, action: { kind: 'send', text: '/dev/rmt/0c\r' } },
          {
            id: 'list',
            pattern: /Enter l to list the tables or v to also verify the volume:/,
            action: { kind: 'send', text: 'l\r' },
          },
        ],
      },
      { transcript: (text) => (screen += text) },
    );
    expect(outcome).toMatchObject({ kind: 'exited', code: 0 });
    expect(screen).toMatch(/Volume label: CMSORIG-\d{6}-01-XSMC-00-F-01/);
    expect(screen).toContain('ACD(s) backed up on this volume: 1 2');
    expect(screen).toContain('    agroups');
    expect(screen).not.toContain('hsplit');
    await neu.exec('simctl eject');
    orig.close();
    neu.close();
  });
});
