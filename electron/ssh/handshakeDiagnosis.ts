import { LEGACY_ALGORITHMS } from './algorithmProfile.ts';

/** The algorithm lists ssh2 reports while negotiating (its debug lines), local and remote per category. */
export class HandshakeLog {
  readonly local = new Map<string, string[]>();
  readonly remote = new Map<string, string[]>();

  /** Feed ssh2's `debug` lines here. */
  readonly onDebug = (line: string): void => {
    const match = /^Handshake: \((local|remote)\) (.+?): (.*)$/.exec(line);
    if (!match) return;
    const side = match[1] === 'local' ? this.local : this.remote;
    // ext-info-* and kex-strict-* are protocol markers, not algorithms a technician can choose.
    const algorithms = match[3]!.split(',').filter((name) => name && !/^(ext-info-|kex-strict-)/.test(name));
    side.set(match[2]!, algorithms);
  };
}

const CATEGORIES: readonly { failure: RegExp; category: string; what: string; legacy: readonly string[] }[] =
  [
    {
      failure: /no matching key exchange/,
      category: 'KEX method',
      what: 'key exchange method',
      legacy: LEGACY_ALGORITHMS.kex,
    },
    {
      failure: /no matching host key/,
      category: 'Host key format',
      what: 'host key type',
      legacy: LEGACY_ALGORITHMS.serverHostKey,
    },
    {
      failure: /no matching C->S cipher/,
      category: 'C->S cipher',
      what: 'cipher',
      legacy: LEGACY_ALGORITHMS.cipher,
    },
    {
      failure: /no matching S->C cipher/,
      category: 'S->C cipher',
      what: 'cipher',
      legacy: LEGACY_ALGORITHMS.cipher,
    },
    { failure: /no matching C->S MAC/, category: 'C->S MAC', what: 'MAC', legacy: LEGACY_ALGORITHMS.hmac },
    { failure: /no matching S->C MAC/, category: 'S->C MAC', what: 'MAC', legacy: LEGACY_ALGORITHMS.hmac },
  ];

/**
 * Turns ssh2's "Handshake failed: no matching …" into what the technician needs: which side lacked
 * what, and whether the legacy algorithms profile would help. Returns null for other errors.
 */
export function diagnoseHandshakeFailure(
  message: string,
  log: HandshakeLog,
  legacyOn: boolean,
): string | null {
  if (
    /signature verification failed/i.test(message) &&
    log.local.get('Host key format')?.includes('ssh-dss')
  ) {
    const remote = log.remote.get('Host key format') ?? [];
    if (remote.length > 0 && remote.every((format) => format === 'ssh-dss')) {
      return 'The server proves its identity only with a DSA (ssh-dss) host key, and this crypto library cannot verify DSA signatures (Electron uses BoringSSL). Give the server an RSA host key, or connect with the cms-ha command-line tool, which runs on Node.';
    }
  }
  const entry = CATEGORIES.find((c) => c.failure.test(message));
  if (!entry) return null;
  const offered = log.local.get(entry.category) ?? [];
  const serverOffers = log.remote.get(entry.category) ?? [];
  const sides = `The server offers ${list(serverOffers)}; this app offered ${list(offered)}.`;
  const legacyWouldHelp = serverOffers.some((algorithm) => entry.legacy.includes(algorithm));
  if (!legacyOn && legacyWouldHelp) {
    return `No ${entry.what} in common with the server. ${sides} This is typical of an old Solaris SSH server: turn on the "legacy algorithms" profile for this server and connect again.`;
  }
  return `No ${entry.what} in common with the server, ${legacyOn ? 'even with the legacy algorithms profile on' : 'and the legacy algorithms profile would not help'}. ${sides}`;
}

function list(algorithms: readonly string[]): string {
  return algorithms.length > 0 ? algorithms.join(', ') : 'nothing';
}
