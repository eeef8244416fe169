export interface SshTarget {
  host: string;
  port: number;
  user: string;
  /** The per-host "legacy algorithms" profile for Solaris 8/9-era servers; off by default. */
  legacyAlgorithms: boolean;
}

const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:]+\])$/;
const USER = /^[A-Za-z_][A-Za-z0-9._-]{0,31}$/;

/** Parses `user@host[:port]` (IPv6 in brackets). Throws with a message a technician can act on. */
export function parseTargetSpec(spec: string, legacyAlgorithms = false): SshTarget {
  const match = /^([^@\s]+)@(\[[^\]]+\]|[^:\s]+)(?::(\d{1,5}))?$/.exec(spec);
  if (!match) throw new Error(`"${spec}" is not a target: write user@host or user@host:port.`);
  const [, user, rawHost, rawPort] = match;
  if (!USER.test(user!)) throw new Error(`"${user}" is not a valid user name.`);
  if (!HOST.test(rawHost!)) throw new Error(`"${rawHost}" is not a valid host name or address.`);
  const port = rawPort ? Number(rawPort) : 22;
  if (port < 1 || port > 65535) throw new Error(`Port ${rawPort} is out of range (1-65535).`);
  const host = rawHost!.startsWith('[') ? rawHost!.slice(1, -1) : rawHost!;
  return { host, port, user: user!, legacyAlgorithms };
}
