import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverHost } from '../../../electron/core/serverHost.ts';
import { SessionSecrets } from '../../../electron/core/sessionSecrets.ts';
import { createSessionFolder } from '../../../electron/journal/sessionFolders.ts';
import { SessionJournal } from '../../../electron/journal/sessionJournal.ts';
import { SIM_ROOT_PASSWORD } from '../../../electron/simulator/programs/su.ts';
import { StepContext } from '../../../electron/steps/stepContext.ts';
import type { Technician } from '../../../electron/steps/technician.ts';
import { useTempDirs } from '../../support/tempDir.ts';
import { SuRootHost, type RootPassword } from '../../../electron/ssh/suRootHost.ts';
import { skipWithoutSshd, useSimulatedPairBehindSshd } from '../../support/sshd.ts';

const skip = skipWithoutSshd('suRoot');
const tempDir = useTempDirs();

/** A technician who gives these passwords in turn when su needs one. */
function passwords(...given: (string | null)[]): RootPassword & { asked: number; forgotten: number } {
  let held: string | null = null;
  const provider = {
    asked: 0,
    forgotten: 0,
    get: async () => {
      if (held !== null) return held;
      provider.asked++;
      held = given.shift() ?? null;
      return held;
    },
    forget: () => {
      provider.forgotten++;
      held = null;
    },
  };
  return provider;
}

describe.skipIf(skip)(
  'root through su - on a server whose sshd refuses root (real sshd, PermitRootLogin no)',
  () => {
    const pair = useSimulatedPairBehindSshd();

    it('runs a command as root: its output only (not the prompt, not the message of the day), its exit status, input unechoed', async () => {
      const login = await pair().login('orig');
      const root = new SuRootHost(login, passwords(SIM_ROOT_PASSWORD), 'ORIG');
      const uname = await root.exec('uname -n', { timeoutMs: 30_000 });
      expect(uname).toMatchObject({ kind: 'exited', code: 0, stdout: 'cms-orig\n' });
      const missing = await root.exec("cat '/cms/maint/restore/nowhere.log'", { timeoutMs: 30_000 });
      expect(missing.kind === 'exited' && missing.code).not.toBe(0);
      expect(missing.stdout).toMatch(/nowhere\.log/);
      expect(missing.stdout).not.toMatch(/Password|SunOS|CMSHA-ROOT/);
      const menu = await root.exec('cmsadm', { input: 'q\n', timeoutMs: 30_000 });
      expect(menu.kind).toBe('exited');
      expect(menu.stdout).not.toMatch(/^q$/m);
      login.close();
    });

    it('stops a command run as root that prints more than a reading keeps', async () => {
      const login = await pair().login('orig');
      const root = new SuRootHost(login, passwords(SIM_ROOT_PASSWORD), 'ORIG');
      const flood = await root.exec('simctl noise 100000000', { timeoutMs: 120_000, maxKeptBytes: 500_000 });
      expect(flood.kind).toBe('too-much-output');
      expect(Buffer.byteLength(flood.stdout)).toBeLessThanOrEqual(500_000);
      expect(await root.exec('uname -n', { timeoutMs: 30_000 })).toMatchObject({
        kind: 'exited',
        stdout: 'cms-orig\n',
      });
      login.close();
    });

    it('asks the root password once, and again after su refused it; the password is never in the output', async () => {
      const login = await pair().login('orig');
      const technician = passwords('wrong-password', SIM_ROOT_PASSWORD);
      const root = new SuRootHost(login, technician, 'ORIG');
      const refused = await root.exec('uname -n', { timeoutMs: 30_000 });
      expect(refused.kind).toBe('interrupted');
      expect(refused.kind === 'interrupted' && refused.reason).toMatch(
        /su to root on ORIG was refused \(.*Sorry/,
      );
      expect(technician.forgotten).toBe(1);
      const chunks: string[] = [];
      const again = await root.exec('uname -n', {
        timeoutMs: 30_000,
        onOutput: (chunk) => void chunks.push(chunk.toString('utf8')),
      });
      expect(again).toMatchObject({ kind: 'exited', code: 0, stdout: 'cms-orig\n' });
      await root.exec('uname -a', { timeoutMs: 30_000 });
      expect(technician.asked).toBe(2);
      expect(chunks.join('')).not.toContain(SIM_ROOT_PASSWORD);
      login.close();
    });

    it('runs an interactive program as root on a terminal, from its first prompt', async () => {
      const login = await pair().login('orig');
      const root = new SuRootHost(login, passwords(SIM_ROOT_PASSWORD), 'ORIG');
      const pty = await root.openPty('cmsadm');
      let screen = '';
      pty.onData((text) => (screen += text));
      for (let i = 0; i < 100 && !/choice/i.test(screen); i++) await new Promise((r) => setTimeout(r, 50));
      expect(screen).toMatch(/Enter choice/);
      expect(screen).not.toMatch(/Password:|CMSHA-ROOT/);
      pty.write('q\n');
      pty.close();
      await pty.ended;
      login.close();
    });

    it('gives the technician a root shell: su asks, the app answers, the shell prompts as root', async () => {
      const login = await pair().login('new');
      const root = new SuRootHost(login, passwords(SIM_ROOT_PASSWORD), 'NEW');
      const pty = await root.openPty(null, { cols: 100, rows: 30 });
      let screen = '';
      pty.onData((text) => (screen += text));
      for (let i = 0; i < 100 && !/cms-new# $/.test(screen); i++) await new Promise((r) => setTimeout(r, 50));
      expect(screen).toMatch(/Password:/);
      expect(screen).toMatch(/cms-new# $/);
      expect(screen).not.toContain(SIM_ROOT_PASSWORD);
      pty.write('exit\n');
      await pty.ended;
      login.close();
    });

    it('redacts the root password from a step transcript opened before it was asked, even when a server prints it', async () => {
      const journal = await SessionJournal.open(
        await createSessionFolder(await tempDir(), 'Su site', '2026-12-02'),
      );
      const at = new Date().toISOString();
      await journal.append({
        type: 'session-created',
        site: 'Su site',
        technician: 'RT',
        customerContact: '',
        training: true,
        at,
      });
      await journal.append({
        type: 'server-configured',
        server: 'ORIG',
        host: '127.0.0.1',
        port: pair().orig.port,
        user: 'cmsha-test',
        platform: null,
        cmsVersion: null,
        tapeDevice: '/dev/rmt/0',
        legacyAlgorithms: true,
        rootAccess: 'su',
        at,
      });
      await journal.append({ type: 'step-started', stepId: 'P1', at });
      const login = await pair().login('orig');
      const secrets = new SessionSecrets();
      let asked = 0;
      const credentials = {};
      const access = {
        credentials: () => credentials,
        questions: () => ({
          confirmHostKey: async () => true,
          answerPrompts: async ({ user }: { user: string }) => {
            asked++;
            return user === 'root' ? [SIM_ROOT_PASSWORD] : null;
          },
        }),
      };
      const context = new StepContext(
        'P1',
        journal,
        async (server) => serverHost(journal.state, server, login, access, secrets),
        {} as Technician,
        undefined,
        secrets,
      );
      const transcript = context.transcript('ORIG');
      const root = await context.connect('ORIG');
      const said = await root.exec(`echo the root password is ${SIM_ROOT_PASSWORD}`, {
        timeoutMs: 30_000,
        onOutput: (chunk) => transcript.writeBytes(chunk),
      });
      expect(said).toMatchObject({ kind: 'exited', code: 0 });
      await transcript.close();
      const written = await readFile(path.join(journal.directory, transcript.relativePath), 'utf8');
      expect(written).toBe('the root password is [redacted]\n');
      expect(asked).toBe(1);
      login.close();
      await journal.close();
    });
  },
);
