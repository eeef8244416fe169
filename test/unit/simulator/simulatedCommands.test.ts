import { describe, expect, it } from 'vitest';
import { LineInput } from '../../../electron/simulator/lineInput.ts';
import { splitCommandLine } from '../../../electron/simulator/simShell.ts';
import type { SimDriveModel } from '../../../electron/simulator/simState.ts';
import { DRIVE_VERIFICATIONS } from '../../../shared/procedure/tapeDrives.ts';
import { freshPair, runSim } from '../../support/simProgramRunner.ts';

describe('the simulated Solaris commands', () => {
  it('answers uname and pkginfo like Solaris 8 with CMS R3V9 (ORIG) and Solaris 9 with R3V11 (NEW)', async () => {
    const store = freshPair();
    expect((await runSim(store, 'uname -a')).stdout).toBe(
      'SunOS cms-orig 5.8 Generic_117350-02 sun4u sparc SUNW,Sun-Blade-100\n',
    );
    expect((await runSim(store, 'uname -r', [], 'new')).stdout).toBe('5.9\n');
    expect((await runSim(store, 'pkginfo -l cms', [], 'new')).stdout).toContain('   VERSION:  r3v11ak.g\n');
    expect(await runSim(store, 'pkginfo -l nosuch')).toMatchObject({
      code: 1,
      stderr: 'ERROR: information for "nosuch" was not found\n',
    });
    expect(await runSim(store, 'uname -q')).toMatchObject({ code: 2 });
  });

  it('prints mt status exactly as the manual shows it for Mammoth and DDS-4, and a line for the other drives', async () => {
    const outputs: Record<string, string> = {};
    for (const model of ['mammoth', 'dds4', 'slr5', '14gb-8mm'] as SimDriveModel[]) {
      const store = freshPair();
      await store.update((state) => {
        state.hosts.orig.drives[0]!.model = model;
      });
      await runSim(store, 'simctl insert DDS4-01');
      const result = await runSim(store, "mt -f '/dev/rmt/0' status");
      expect(result.code).toBe(0);
      outputs[model] = result.stdout;
    }
    for (const verification of DRIVE_VERIFICATIONS)
      expect(outputs[verification.drive]).toBe(`${verification.expectedOutput}\n`);
    expect(outputs.slr5).toMatch(/^Tandberg SLR5 4\/8GB tape drive:\n/);
    expect(outputs['14gb-8mm']).toMatch(/^Exabyte EXB-8505 8mm Helical Scan tape drive:\n/);
  });

  it('prints as much console noise as asked for (long transcripts for training and benchmarks)', async () => {
    const store = freshPair();
    const noise = await runSim(store, 'simctl noise 100000');
    expect(noise.code).toBe(0);
    expect(noise.stdout.length).toBe(100_000 + 'noise done\n'.length);
    expect(noise.stdout.startsWith('simulated console output 0123456789')).toBe(true);
    expect(noise.stdout.endsWith('noise done\n')).toBe(true);
    expect((await runSim(store, 'simctl noise lots')).stderr).toBe(
      'simctl: usage: noise <bytes> (1 to 1 GiB)\n',
    );
  });

  it('gives the Solaris error lines: no tape, no such device, device busy', async () => {
    const store = freshPair();
    expect(await runSim(store, 'mt -f /dev/rmt/0 status')).toMatchObject({
      code: 1,
      stderr: '/dev/rmt/0: no tape loaded or drive offline\n',
    });
    expect(await runSim(store, 'mt -f /dev/rmt/3 status')).toMatchObject({
      code: 1,
      stderr: '/dev/rmt/3: No such file or directory\n',
    });
    await runSim(store, 'simctl insert DDS4-01');
    await runSim(store, 'simctl drive /dev/rmt/0 busy');
    expect(await runSim(store, 'mt -f /dev/rmt/0cbn status')).toMatchObject({
      code: 1,
      stderr: '/dev/rmt/0cbn: Device busy\n',
    });
    await runSim(store, 'simctl drive /dev/rmt/0 idle');
    await runSim(store, 'simctl drive /dev/rmt/0 offline');
    expect((await runSim(store, 'mt -f /dev/rmt/0 status')).stderr).toBe(
      '/dev/rmt/0: no tape loaded or drive offline\n',
    );
  });

  it('lets cmsadm choose among several drives, as the manual shows', async () => {
    const store = freshPair();
    await store.update((state) => {
      state.hosts.orig.drives.push({
        ...state.hosts.orig.drives[0]!,
        device: '/dev/rmt/1',
        model: 'mammoth',
        tapeId: null,
      });
    });
    await runSim(store, 'simctl insert DDS4-04 /dev/rmt/1');
    const result = await runSim(store, 'cmsadm', ['3', '2', '']);
    expect(result.stdout).toContain(
      "Select the tape drive:\n 1) Vendor 'HP'   Product 'C5683A'   tape drive: /dev/rmt/0\n 2) Mammoth EXB-8900 8mm Helical Scan tape drive: /dev/rmt/1\nEnter choice (1-2):",
    );
    expect(result.stdout).toContain('Please insert the first cartridge tape into /dev/rmt/1.');
    expect(result).toMatchObject({ code: 0 });
    expect((await store.read()).tapes['DDS4-04']!.content).toMatchObject({
      kind: 'cmsadm',
      number: 1,
      of: 1,
    });
  });

  it('refuses to write a CMSADM backup on a write-protected tape, and asks again', async () => {
    const store = freshPair();
    await runSim(store, 'simctl insert DDS4-01');
    await runSim(store, 'simctl protect DDS4-01 on');
    const result = await runSim(store, 'cmsadm', ['3', '']);
    expect(result.stdout).toContain('/dev/rmt/0: write protected or reserved.');
    expect(result.stdout).toContain(
      'Please insert tape number 1 into /dev/rmt/0 and press Enter, or Del to quit:',
    );
    expect(result.code).toBe(1);
    expect((await store.read()).tapes['DDS4-01']!.content).toBeNull();
  });

  it('splits command lines like sh, refusing what the app never sends', () => {
    expect(splitCommandLine(`mt -f '/dev/rmt/0' status`)).toEqual(['mt', '-f', '/dev/rmt/0', 'status']);
    expect(splitCommandLine(`echo "a b" c\\ d 'it'\\''s'`)).toEqual(['echo', 'a b', 'c d', "it's"]);
    expect(splitCommandLine('uname; reboot')).toEqual({ error: 'syntax error near ";"' });
    expect(splitCommandLine('echo "$(id)"')).toEqual({ error: 'substitutions are not supported' });
    expect(splitCommandLine('dd if=/dev/rmt/0 | od')).toEqual({ error: 'syntax error near "|"' });
    expect(splitCommandLine('dd if=/dev/rmt/0 2>/dev/null')).toEqual({ error: 'syntax error near ">"' });
  });

  it('reads the first bytes of a tape through a pipe, as the app does before a write', async () => {
    const store = freshPair();
    const read = () => runSim(store, 'dd if=/dev/rmt/0 bs=65536 count=1 | od -A n -t x1 -N 8');
    expect(await read()).toMatchObject({ code: 0, stderr: expect.stringContaining('No such device') });
    await runSim(store, 'simctl insert DDS4-01');
    expect(await read()).toEqual({ code: 0, stdout: '', stderr: '0+0 records in\n0+0 records out\n' });
    await runSim(store, 'cmsadm', ['3', '']);
    // "070701": an SVR4 ASCII cpio header, the start of the CMSADM backup just written.
    expect((await read()).stdout).toBe(' 30 37 30 37 30 31 30 30\n');
    expect(await runSim(store, 'dd if=/dev/rmt/0 | od')).toMatchObject({ code: 2 });
  });

  it('echoes typed characters on a terminal and treats Del as quit', async () => {
    let echoed = '';
    const input = new LineInput(true, (text) => (echoed += text));
    input.push('3\r');
    expect(await input.readLine()).toBe('3');
    input.push('\x7f');
    expect(await input.readLine()).toBeNull();
    expect(echoed).toBe('3\r\n\r\n');
  });

  it('in raw mode gives whole keys, escape sequences split across reads included, and echoes nothing', async () => {
    let echoed = '';
    const input = new LineInput(true, (text) => (echoed += text));
    input.raw = true;
    input.push('\x1b[B\r \x1b');
    input.push('[1');
    input.push('9~\x1bOA\x1bx');
    const keys: (string | null)[] = [];
    for (let i = 0; i < 7; i++) keys.push(await input.readLine());
    expect(keys).toEqual(['\x1b[B', '\r', ' ', '\x1b[19~', '\x1bOA', '\x1b', 'x']);
    expect(echoed).toBe('');
  });
});
