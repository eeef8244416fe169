import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A server's own network: a namespace joined to this host by a veth pair whose link a test can cut. */
export interface IsolatedNetwork {
  name: string;
  /** The server's address inside the namespace. */
  address: string;
  /** Pulls the cable: packets between the laptop and the server are lost (nothing is closed or reset). */
  cut(): Promise<void>;
  restore(): Promise<void>;
  remove(): Promise<void>;
}

let created = 0;

/**
 * Creates the namespace, or says why it cannot (no `ip`, no CAP_NET_ADMIN): tests then fall back to
 * killing the sshd session, which is a cut the other side notices at once.
 */
export async function createIsolatedNetwork(): Promise<IsolatedNetwork | { unavailable: string }> {
  if (process.env.CMS_HA_NO_NETNS === '1')
    return { unavailable: 'network namespaces turned off (CMS_HA_NO_NETNS=1)' };
  const index = (process.pid % 200) + created++;
  const name = `cmsha-${process.pid}-${index}`;
  const host = `vh${index}x${process.pid % 1000}`.slice(0, 15);
  const peer = `vn${index}x${process.pid % 1000}`.slice(0, 15);
  const subnet = `10.${200 + (index % 50)}.${process.pid % 250}`;
  const ip = (...args: string[]) => run('ip', args);
  const inside = (...args: string[]) => run('ip', ['netns', 'exec', name, 'ip', ...args]);
  try {
    await ip('netns', 'add', name);
  } catch (error) {
    return {
      unavailable: `network namespaces are not available here (${(error as Error).message.split('\n')[0]})`,
    };
  }
  try {
    await ip('link', 'add', host, 'type', 'veth', 'peer', 'name', peer);
    await ip('link', 'set', peer, 'netns', name);
    await ip('addr', 'add', `${subnet}.1/30`, 'dev', host);
    await ip('link', 'set', host, 'up');
    await inside('addr', 'add', `${subnet}.2/30`, 'dev', peer);
    await inside('link', 'set', peer, 'up');
    await inside('link', 'set', 'lo', 'up');
  } catch (error) {
    await ip('netns', 'del', name).catch(() => undefined);
    return { unavailable: `could not wire the namespace (${(error as Error).message.split('\n')[0]})` };
  }
  return {
    name,
    address: `${subnet}.2`,
    cut: async () => void (await inside('link', 'set', peer, 'down')),
    restore: async () => void (await inside('link', 'set', peer, 'up')),
    remove: async () => {
      await ip('link', 'del', host).catch(() => undefined);
      await ip('netns', 'del', name).catch(() => undefined);
    },
  };
}
