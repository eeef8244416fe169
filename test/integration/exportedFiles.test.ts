import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppService } from '../../electron/app/appService.ts';
import { startBrowserHarness } from '../../electron/harness/browserHarness.ts';
import { EXPORTS_DIR } from '../../electron/journal/sessionFolders.ts';
import { testInstallationKey } from '../support/installationKey.ts';
import { openNewSession } from '../support/openSession.ts';
import { useTempDirs } from '../support/tempDir.ts';

const tempDir = useTempDirs();

describe("an export opened with the desktop's programs", () => {
  it('opens or shows an export of the open session, and nothing else', async () => {
    const desktopShell = { openPath: vi.fn(async () => ''), showItemInFolder: vi.fn() };
    const service = new AppService(await tempDir(), () => undefined, {
      installationKey: await testInstallationKey(),
      desktopShell,
    });
    try {
      const directory = await openNewSession(service, { site: 'Acme', training: true });
      const [html] = (await service.handlers['report.export']({ format: 'html' })).files;
      expect(await service.handlers['report.reveal']({ file: html!, how: 'open' })).toEqual({
        done: true,
        download: null,
      });
      expect(desktopShell.openPath).toHaveBeenCalledWith(html);
      await service.handlers['report.reveal']({ file: 'upgrade-report.html', how: 'show-in-folder' });
      expect(desktopShell.showItemInFolder).toHaveBeenCalledWith(html);

      // The journal, a file outside the session, a link out of the exports folder, another kind of file.
      const exportsDir = path.join(directory, EXPORTS_DIR);
      const outside = path.join(await tempDir(), 'run.html');
      await writeFile(outside, '<script>');
      await symlink(outside, path.join(exportsDir, 'linked.html'));
      await writeFile(path.join(exportsDir, 'tool.sh'), 'echo');
      await mkdir(path.join(exportsDir, 'folder.html'));
      for (const file of [
        path.join(directory, 'journal.jsonl'),
        outside,
        '../journal.jsonl',
        'linked.html',
        'tool.sh',
        'folder.html',
        'missing.pdf',
      ])
        await expect(service.handlers['report.reveal']({ file, how: 'open' })).rejects.toThrow(
          /is not a file this session exported/,
        );
      expect(desktopShell.openPath).toHaveBeenCalledTimes(1);
    } finally {
      await service.close();
    }
  });

  it('is offered as a download by the browser harness, with its token only', async () => {
    const harness = await startBrowserHarness({
      sessionsRoot: await tempDir(),
      installationKey: await testInstallationKey(),
    });
    try {
      await openNewSession(harness.service, { site: 'Acme', training: true });
      const [html] = (await harness.service.handlers['report.export']({ format: 'html' })).files;
      const { done, download } = await harness.service.handlers['report.reveal']({
        file: html!,
        how: 'open',
      });
      expect({ done, download }).toEqual({ done: false, download: 'upgrade-report.html' });
      const token = new URL(harness.url).hash.replace('#token=', '');
      const base = `http://127.0.0.1:${harness.port}/exports/`;
      const response = await fetch(`${base}${download}?token=${token}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="upgrade-report.html"');
      expect(await response.text()).toContain('<html');
      expect((await fetch(`${base}${download}?token=wrong`)).status).toBe(403);
      expect((await fetch(`${base}${download}`)).status).toBe(403);
      expect((await fetch(`${base}..%2Fjournal.jsonl?token=${token}`)).status).toBe(404);
    } finally {
      await harness.close();
    }
  });
});
