import { cp, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/app/appService.ts';
import { testInstallationKey } from '../support/installationKey.ts';
import { RECORDED_SESSION } from '../support/recordTrainingSession.ts';
import { cmsHa } from '../support/runCmsHa.ts';
import { openNewSession } from '../support/openSession.ts';
import { useTempDirs } from '../support/tempDir.ts';

const tempDir = useTempDirs();

describe("the customer representative's sign-off", () => {
  it('is refused before the upgrade is finished', async () => {
    const service = new AppService(await tempDir(), () => undefined, {
      installationKey: await testInstallationKey(),
    });
    try {
      await openNewSession(service, { site: 'Acme', training: true });
      await expect(
        service.handlers['session.customerSignOff']({ name: 'J. Admin', role: 'Contact centre manager' }),
      ).rejects.toThrow(/^The customer signs off a finished upgrade: P1, P2, .* are not done\.$/);
    } finally {
      await service.close();
    }
  });

  it("of a finished upgrade is in the report's sign-off block and in cms-ha verify's words", async () => {
    const root = await tempDir();
    const sessions = path.join(root, 'sessions');
    await mkdir(sessions);
    const directory = path.join(sessions, 'acme-leeds');
    await cp(RECORDED_SESSION, directory, { recursive: true });
    const service = new AppService(sessions, () => undefined, {
      installationKey: await testInstallationKey(),
    });
    let files: string[];
    try {
      await service.handlers['session.open']({ directory });
      await service.handlers['session.customerSignOff']({ name: 'J. Admin', role: 'Contact centre manager' });
      files = [
        ...(await service.handlers['report.export']({ format: 'html' })).files,
        ...(await service.handlers['report.export']({ format: 'json' })).files,
      ];
    } finally {
      await service.close();
    }
    const html = await readFile(
      files.find((file) => file.endsWith('.html'))!,
      'utf8',
    );
    expect(html).toMatch(
      /<tr><th scope="row">Customer representative<\/th><td>J\. Admin, Contact centre manager<br><span class="muted">sign-off recorded /,
    );
    const verified = await cmsHa(
      'verify',
      directory,
      files.find((file) => file.endsWith('.json'))!,
    );
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(
      /^Signed off by the customer representative J\. Admin \(Contact centre manager\), recorded \d{4}-\d\d-\d\dT/m,
    );
  });
});
