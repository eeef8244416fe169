import { execFile } from 'node:child_process';
import net from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CMS_HA_CLI } from '../support/runCmsHa.ts';

/** A server that says it speaks SSH and then never says another word. */
let stalled: net.Server;
let port = 0;
const sockets = new Set<net.Socket>();
beforeAll(async () => {
  stalled = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.write('SSH-2.0-OpenSSH_3.5p1\r\n');
  });
  await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
  port = (stalled.address() as net.AddressInfo).port;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => stalled.close(() => resolve()));
});

describe('every cms-ha command against a server that stalls ends, with a clear message', () => {
  it('probe gives up at its time limit and exits', { timeout: 30_000 }, async () => {
    const started = Date.now();
    const result = await promisify(execFile)(
      process.execPath,
      [CMS_HA_CLI, 'probe', `root@127.0.0.1:${port}`, '--timeout', '2', '--accept-new-host-key'],
      { timeout: 25_000 },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string; killed?: boolean }) => error,
    );
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('in time (network timeout)') });
    expect((result as { killed?: boolean }).killed ?? false).toBe(false);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
