import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSessionFolder } from '../../../electron/journal/sessionFolders.ts';
import { SessionJournal } from '../../../electron/journal/sessionJournal.ts';
import { HostKeyPins } from '../../../electron/ssh/hostKeyPins.ts';
import { ServerLink, type LinkState } from '../../../electron/ssh/serverLink.ts';
import { interruptStepsOnServer } from '../../../electron/steps/interruptOnConnectionLoss.ts';
import { ScenarioBuilder } from '../../support/sessionScenario.ts';
import { connect } from '../../support/sshClient.ts';
import { skipWithoutSshd, useSshd, TEST_PASSWORD, TEST_USER } from '../../support/sshd.ts';
import { useTempDirs } from '../../support/tempDir.ts';

const skip = skipWithoutSshd('reconnect');
const tempDir = useTempDirs();

function waitFor<T extends LinkState['kind']>(states: LinkState[], kind: T, count = 1): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (states.filter((s) => s.kind === kind).length >= count) return resolve();
      if (Date.now() - started > 15_000)
        return reject(new Error(`no "${kind}" state: ${JSON.stringify(states.map((s) => s.kind))}`));
      setTimeout(check, 20);
    };
    check();
  });
}

describe.skipIf(skip)('losing the connection to a server', () => {
  const sshd = useSshd();

  it('marks the step running on that server interrupted, reconnects with back-off, and does not re-run the step', async () => {
    const directory = await createSessionFolder(await tempDir(), 'Reconnect site', '2026-11-23');
    const journal = await SessionJournal.open(directory);
    for (const event of new ScenarioBuilder().created().add({ type: 'step-started', stepId: 'P2' }).events) {
      await journal.append(event);
    }

    const pins = new HostKeyPins();
    const states: LinkState[] = [];
    const interruptions: Promise<unknown>[] = [];
    const link = new ServerLink(
      () => connect(sshd().port, TEST_USER, { password: TEST_PASSWORD }, { pins }),
      (state) => {
        states.push(state);
        if (state.kind === 'lost' && state.attempt === 1) {
          interruptions.push(
            interruptStepsOnServer(journal, 'ORIG', `connection to ORIG lost: ${state.reason}`),
          );
        }
      },
      [100, 200],
    );
    const first = await link.open();
    const running = first.exec('sleep 30');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await sshd().killConnections();

    expect((await running).kind).toBe('interrupted');
    await waitFor(states, 'connected', 2);
    await Promise.all(interruptions);

    expect(states.map((s) => s.kind)).toEqual(['connecting', 'connected', 'lost', 'connecting', 'connected']);
    expect(states.at(-1)).toMatchObject({ kind: 'connected', reconnected: true });
    expect((await link.current()!.exec('id -un')).stdout).toBe(`${TEST_USER}\n`);
    expect(journal.state.steps.P2).toMatchObject({ status: 'interrupted', attempts: 1 });
    expect(journal.state.steps.P2.reason).toMatch(/^connection to ORIG lost: /);
    link.close();
    await journal.close();
    expect(path.basename(directory)).toBe('reconnect-site-2026-11-23');
  });

  it('stops retrying on an error waiting cannot fix (the password changed)', async () => {
    const states: LinkState[] = [];
    let password = TEST_PASSWORD;
    const link = new ServerLink(
      () => connect(sshd().port, TEST_USER, { password }, { pins: new HostKeyPins() }),
      (state) => states.push(state),
      [50],
    );
    await link.open();
    password = 'no-longer-valid';
    await sshd().killConnections();
    await waitFor(states, 'failed');
    expect(states.at(-1)).toMatchObject({ kind: 'failed', error: { kind: 'authentication' } });
    link.close();
  });
});
