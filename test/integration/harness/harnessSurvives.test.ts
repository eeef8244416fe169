import { testInstallationKey } from '../../support/installationKey.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBrowserHarness, type BrowserHarness } from '../../../electron/harness/browserHarness.ts';

/** Sends raw bytes to the harness's port and resolves with whatever comes back before it closes. */
function raw(port: number, bytes: string | Buffer, closeAfterMs = 1000): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    socket.on('data', (data) => (received += data.toString('latin1')));
    socket.on('error', () => resolve(received));
    socket.on('close', () => resolve(received));
    setTimeout(() => socket.destroy(), closeAfterMs);
  });
}

const upgrade = (port: number, target: string, token: string) =>
  `GET ${target.replace('TOKEN', token)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;

/** Anything on the harness's port is answered or refused; the harness itself never goes down. */
describe('the browser harness under hostile input on its port', () => {
  let harness: BrowserHarness;
  let root = '';
  let token = '';
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-harness-'));
    harness = await startBrowserHarness({ sessionsRoot: root, installationKey: await testInstallationKey() });
    token = new URL(harness.url).hash.replace('#token=', '');
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
    await rm(root, { recursive: true, force: true });
  });

  /** The harness still serves the window and answers a call. */
  async function stillServing(): Promise<void> {
    const page = await fetch(`http://127.0.0.1:${harness.port}/`);
    expect(page.status).toBe(200);
    const socket = new WebSocket(`ws://127.0.0.1:${harness.port}/api?token=${token}`, {
      origin: `http://127.0.0.1:${harness.port}`,
    });
    const answer = await new Promise<string>((resolve, reject) => {
      socket.on('open', () =>
        socket.send(JSON.stringify({ type: 'call', id: 1, channel: 'sessions.list', payload: {} })),
      );
      socket.on('message', (data) => resolve(String(data)));
      socket.on('error', reject);
    });
    socket.close();
    expect(JSON.parse(answer)).toMatchObject({ type: 'result', id: 1, ok: true });
  }

  it('refuses bad addresses, with or without a token, and stays up', async () => {
    for (const target of ['/%', '//', '/%E0%A4%A', '//[', '/api?token=%'])
      expect(
        await raw(harness.port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
      ).toMatch(/^HTTP\/1\.1 (400|404)/);
    for (const target of ['//', '//[', '/%', '/api?token=%', '/api?token=TOKEN%'])
      expect(await raw(harness.port, upgrade(harness.port, target, token))).toMatch(/^HTTP\/1\.1 40[03]/);
    await stillServing();
  });

  it('closes a socket that sends an oversize frame, a frame that is not WebSocket, or goes away mid-frame', async () => {
    // A frame header announcing 200 MiB of payload, then a little of it.
    const oversize = Buffer.concat([
      Buffer.from([0x81, 0xff]),
      Buffer.from([0, 0, 0, 0, 0x0c, 0x80, 0, 0]),
      Buffer.alloc(4, 1),
      Buffer.alloc(1024, 0x61),
    ]);
    const garbage = Buffer.from([0x8f, 0x80, 1, 2, 3, 4]); // reserved opcode, masked
    for (const frame of [oversize, garbage, Buffer.from([0x81])]) {
      const response = await raw(
        harness.port,
        Buffer.concat([Buffer.from(upgrade(harness.port, '/api?token=TOKEN', token)), frame]),
        500,
      );
      expect(response).toMatch(/^HTTP\/1\.1 101/);
    }
    // A real client sending a message over the limit is closed with "message too big".
    const big = new WebSocket(`ws://127.0.0.1:${harness.port}/api?token=${token}`, {
      origin: `http://127.0.0.1:${harness.port}`,
    });
    const closed = await new Promise<number>((resolve) => {
      big.on('open', () => big.send('x'.repeat(2 * 1024 * 1024)));
      big.on('close', (code) => resolve(code));
      big.on('error', () => undefined);
    });
    expect(closed).toBe(1009);
    // Half a request, then gone.
    await raw(harness.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${harness.port}\r\nUpgr`, 50);
    await stillServing();
  });
});
