import { testInstallationKey } from '../support/installationKey.ts';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/app/appService.ts';
import { SessionJournal } from '../../electron/journal/sessionJournal.ts';
import { API_CALLS, type ApiEvent } from '../../shared/ipc/apiContract.ts';
import { skipWithoutSshd, TEST_PASSWORD, TEST_USER, useSimulatedPairBehindSshd } from '../support/sshd.ts';
import { useTempDirs } from '../support/tempDir.ts';
import { openNewSession } from '../support/openSession.ts';
import { answerFromEvent } from '../support/answerFromEvent.ts';

const skip = skipWithoutSshd('hostKeyPinning');
const tempDir = useTempDirs();

describe.skipIf(skip)('host key pinning seen from the window', () => {
  const pair = useSimulatedPairBehindSshd();

  it('offers the renderer no call that pins, replaces or forgets a host key', () => {
    expect(Object.keys(API_CALLS).filter((call) => /key|pin|trust/i.test(call))).toEqual([]);
  });

  it(
    'refuses a server whose key changed since it was pinned, without asking anyone',
    { timeout: 60_000 },
    async () => {
      const root = await tempDir();
      const events: { event: ApiEvent; payload: unknown }[] = [];
      const installationKey = await testInstallationKey();
      const start = () =>
        new AppService(
          root,
          (event, payload) => {
            events.push({ event, payload });
            // A window that would say yes to anything.
            if (event === 'technician.question')
              answerFromEvent(service, (payload as { id: string }).id, true);
          },
          { installationKey },
        );
      let service = start();
      const directory = await openNewSession(service);
      await service.handlers['servers.configure']({
        server: 'ORIG',
        host: '127.0.0.1',
        port: pair().orig.port,
        user: TEST_USER,
        platform: 'blade100',
        tapeDevice: '/dev/rmt/0',
        legacyAlgorithms: true,
        password: TEST_PASSWORD,
      });
      await service.close();
      // The key pinned at an earlier visit is not the key the server shows now.
      const journal = await SessionJournal.open(directory);
      await journal.append({
        type: 'host-key-pinned',
        server: 'ORIG',
        host: '127.0.0.1',
        port: pair().orig.port,
        algorithm: 'ssh-rsa',
        fingerprint: `SHA256:${'A'.repeat(43)}`,
        at: new Date().toISOString(),
      });
      await journal.close();

      service = start();
      try {
        await service.handlers['session.open']({ directory });
        await expect(service.handlers['servers.probe']({ server: 'ORIG' })).rejects.toThrow(/changed/i);
        expect(events.filter((e) => e.event === 'technician.question')).toEqual([]);
        const opened = await service.handlers['session.open']({ directory });
        expect(opened.events.filter((e) => e.type === 'host-key-pinned')).toHaveLength(1);
      } finally {
        await service.close();
      }
    },
  );
});
