import { testInstallationKey } from '../support/installationKey.ts';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/app/appService.ts';
import type { ApiEventPayload } from '../../shared/ipc/apiContract.ts';
import { chromiumPdfPrinter, findChromium } from '../../electron/report/chromiumPdf.ts';
import { skipWithoutSshd, TEST_PASSWORD, TEST_USER, useSimulatedPairBehindSshd } from '../support/sshd.ts';
import { useTempDirs } from '../support/tempDir.ts';
import { openNewSession } from '../support/openSession.ts';
import { answerFromEvent } from '../support/answerFromEvent.ts';

const skip = skipWithoutSshd('noSecretsOnDisk');
const tempDir = useTempDirs();

async function everyFile(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe.skipIf(skip)('credentials never reach the disk', () => {
  const pair = useSimulatedPairBehindSshd();

  it(
    'a session run with typed and configured passwords leaves them in no file: journal, transcripts, exports',
    { timeout: 120_000 },
    async () => {
      const root = await tempDir();
      const asked: ApiEventPayload<'technician.question'>[] = [];
      const service: AppService = new AppService(
        root,
        (event, payload) => {
          if (event !== 'technician.question') return;
          const question = payload as ApiEventPayload<'technician.question'>;
          asked.push(question);
          const answer = question.secret
            ? TEST_PASSWORD
            : question.kind === 'confirm'
              ? true
              : question.signOffBy
                ? 'P. Switch'
                : '';
          answerFromEvent(service, question.id, answer);
        },
        { printPdf: chromiumPdfPrinter(findChromium()), installationKey: await testInstallationKey() },
      );
      try {
        await openNewSession(service);
        // ORIG's password is given in the settings; NEW's is typed when the server asks for it.
        for (const [server, sshd, password] of [
          ['ORIG', pair().orig, TEST_PASSWORD],
          ['NEW', pair().neu, null],
        ] as const) {
          await service.handlers['servers.configure']({
            server,
            host: '127.0.0.1',
            port: sshd.port,
            user: TEST_USER,
            platform: server === 'ORIG' ? 'blade100' : 'blade150',
            tapeDevice: '/dev/rmt/0',
            legacyAlgorithms: true,
            password,
          });
        }
        for (const host of ['orig', 'new'] as const) {
          const hands = await pair().login(host);
          await hands.exec(`simctl insert ${host === 'orig' ? 'DDS4-08' : 'DDS4-07'}`);
          hands.close();
        }
        expect(await service.handlers['step.run']({ stepId: 'P1' })).toMatchObject({ status: 'passed' });
        expect(await service.handlers['step.run']({ stepId: 'P2' })).toMatchObject({ status: 'passed' });
        expect(asked.some((question) => question.secret && question.server === 'NEW')).toBe(true);
        for (const format of [
          'html',
          'json',
          'csv',
          'labels',
          ...(findChromium() ? ['pdf' as const] : []),
        ] as const)
          await service.handlers['report.export']({ format });
      } finally {
        await service.close();
      }

      const files = await everyFile(root);
      expect(files.length).toBeGreaterThan(8);
      const forms = [
        TEST_PASSWORD,
        Buffer.from(TEST_PASSWORD).toString('base64'),
        Buffer.from(TEST_PASSWORD).toString('hex'),
      ];
      for (const file of files) {
        const bytes = await readFile(file);
        for (const form of forms)
          expect(bytes.includes(form), `${path.relative(root, file)} holds ${form}`).toBe(false);
      }
    },
  );
});
