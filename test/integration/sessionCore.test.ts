import { testInstallationKey } from '../support/installationKey.ts';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/app/appService.ts';
import { SessionCore } from '../../electron/core/sessionCore.ts';
import { createSessionFolder } from '../../electron/journal/sessionFolders.ts';
import { SessionJournal } from '../../electron/journal/sessionJournal.ts';
import type { ConnectionState } from '../../electron/ssh/connectionPool.ts';
import type { ApiEventPayload } from '../../shared/ipc/apiContract.ts';
import { openNewSession } from '../support/openSession.ts';
import { ScenarioBuilder } from '../support/sessionScenario.ts';
import { skipWithoutSshd, TEST_PASSWORD, TEST_USER, useSshd } from '../support/sshd.ts';
import { useTempDirs } from '../support/tempDir.ts';
import { answerFromEvent } from '../support/answerFromEvent.ts';

const skip = skipWithoutSshd('sessionCore');
const tempDir = useTempDirs();

/** Waits for the server side of closed connections to go away (sshd's own processes exit after the client). */
async function connectionsLeft(count: () => Promise<number>): Promise<number> {
  for (let tries = 0; tries < 100; tries++) {
    const left = await count();
    if (left === 0) return 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return count();
}

describe.skipIf(skip)('one core per session: connections', () => {
  const sshd = useSshd();

  it('concurrent probes share one connection, and closing the app leaves no connection open', async () => {
    const connectionEvents: ApiEventPayload<'server.connection'>[] = [];
    const service: AppService = new AppService(
      await tempDir(),
      (event, payload) => {
        if (event === 'server.connection')
          connectionEvents.push(payload as ApiEventPayload<'server.connection'>);
        if (event === 'technician.question') answerFromEvent(service, (payload as { id: string }).id, true);
      },
      { installationKey: await testInstallationKey() },
    );
    await openNewSession(service, { site: 'Probes' });
    await service.handlers['servers.configure']({
      server: 'ORIG',
      host: '127.0.0.1',
      port: sshd().port,
      user: TEST_USER,
      password: TEST_PASSWORD,
      platform: null,
      tapeDevice: '/dev/rmt/0',
      legacyAlgorithms: true,
    });
    const probes = await Promise.all(
      [1, 2, 3, 4].map(() => service.handlers['servers.probe']({ server: 'ORIG' })),
    );
    expect(new Set(probes.map((probe) => probe.hostKey.fingerprint)).size).toBe(1);
    expect(connectionEvents.map((event) => event.state)).toEqual(['connecting', 'connected']);
    expect(await sshd().connectionProcessCount()).toBeGreaterThan(0);

    const closed = service.close().then(() => 'closed' as const);
    const stuck = new Promise<'stuck'>((resolve) => setTimeout(() => resolve('stuck'), 10_000).unref());
    expect(await Promise.race([closed, stuck])).toBe('closed');
    expect(connectionEvents.at(-1)?.state).toBe('closed');
    expect(await connectionsLeft(() => sshd().connectionProcessCount())).toBe(0);
  });

  it('pins a new host key in the journal before the connection is used, and replaces a lost connection when next needed', async () => {
    const directory = await createSessionFolder(await tempDir(), 'Lost link', '2026-11-23');
    const journal = await SessionJournal.open(directory);
    for (const event of new ScenarioBuilder().created().events) await journal.append(event);
    await journal.close();
    const states: ConnectionState[] = [];
    const core = await SessionCore.open(directory, {
      credentials: () => ({ password: TEST_PASSWORD }),
      questions: () => ({ confirmHostKey: async () => true, answerPrompts: async () => null }),
      onConnectionState: (_server, state) => states.push(state),
    });
    try {
      await core.journal.append({
        type: 'server-configured',
        server: 'ORIG',
        host: '127.0.0.1',
        port: sshd().port,
        user: TEST_USER,
        platform: null,
        cmsVersion: null,
        tapeDevice: '/dev/rmt/0',
        legacyAlgorithms: true,
        at: new Date().toISOString(),
      });
      const first = await core.connections.get('ORIG');
      expect(core.journal.state.hostKeys).toMatchObject([
        { server: 'ORIG', port: sshd().port, fingerprint: first.hostKey.fingerprint },
      ]);
      // The command is under way on the server (it printed) before the connection is cut: a cut that
      // came before its process started could miss it.
      let started!: () => void;
      const underway = new Promise<void>((resolve) => (started = resolve));
      const running = first.exec('echo started; sleep 30', {
        onOutput: (chunk) => {
          if (chunk.toString('utf8').includes('started')) started();
        },
      });
      await underway;
      await sshd().killConnections();
      expect((await running).kind).toBe('interrupted');
      expect(first.lost).toBe(true);
      expect(states).toEqual(['connecting', 'connected', 'lost']);

      const second = await core.connections.get('ORIG');
      expect(second).not.toBe(first);
      const who = await second.exec('id -un');
      expect(who).toMatchObject({ kind: 'exited', stdout: `${TEST_USER}\n` });
      expect(states).toEqual(['connecting', 'connected', 'lost', 'connecting', 'connected']);
      // The key was pinned once: the second connection matched it without a question.
      expect(core.journal.events.filter((event) => event.type === 'host-key-pinned')).toHaveLength(1);
    } finally {
      await core.close();
    }
    expect(states.at(-1)).toBe('closed');
  });
});
