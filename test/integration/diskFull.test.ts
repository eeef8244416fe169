import { testInstallationKey } from '../support/installationKey.ts';
import { execFileSync } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppService } from '../../electron/app/appService.ts';
import { SessionJournal } from '../../electron/journal/sessionJournal.ts';
import { openNewSession } from '../support/openSession.ts';

/** A small tmpfs, so the disk really fills up; mounting needs root (CI runs as root). */
function mountSmallDisk(directory: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', directory], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `skipped: cannot mount a small tmpfs here (${(error as Error).message.split('\n')[0]}); run as root to test a full disk`;
  }
}

async function fillDisk(file: string): Promise<void> {
  const handle = await open(file, 'w');
  const chunk = Buffer.alloc(1024, 0x61);
  try {
    for (;;) await handle.write(chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    await handle.close();
  }
}

describe('the disk fills up while the session is being journaled', () => {
  let disk = '';
  let skipReason: string | null = null;
  beforeAll(async () => {
    disk = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-disk-'));
    skipReason = mountSmallDisk(disk);
    if (skipReason) console.warn(`diskFull: ${skipReason}`);
  });
  afterAll(async () => {
    if (!skipReason) execFileSync('umount', [disk]);
    await rm(disk, { recursive: true, force: true });
  });

  it('stops taking actions and says why; the journal stays valid with everything acknowledged', async (context) => {
    if (skipReason) return context.skip();
    const service = new AppService(disk, () => undefined, { installationKey: await testInstallationKey() });
    const directory = await openNewSession(service);
    await fillDisk(path.join(disk, 'filler'));

    const acknowledged: string[] = [];
    let refusal = '';
    for (let note = 0; note < 5_000 && !refusal; note++) {
      const text = `Note ${note}: ${'x'.repeat(200)}`;
      try {
        await service.handlers['note.add']({ stepId: null, text });
        acknowledged.push(text);
      } catch (error) {
        refusal = (error as Error).message;
      }
    }
    expect(refusal).toMatch(/^The journal could not be written \(ENOSPC: no space left on device/);
    // From now on every action is refused with the reason, even once space is back.
    await rm(path.join(disk, 'filler'));
    await expect(service.handlers['note.add']({ stepId: null, text: 'after' })).rejects.toThrow(
      /^This session is read-only: ENOSPC: no space left on device/,
    );
    await service.close();

    const reopened = await SessionJournal.open(directory);
    try {
      expect(reopened.readOnly).toBe(false);
      expect(reopened.openReport.problem).toBeNull();
      expect(reopened.state.notes.map((note) => note.text)).toEqual(acknowledged);
    } finally {
      await reopened.close();
    }
  });
});
