import { useState, type FormEvent } from 'react';
import {
  PLATFORM_IDS,
  PLATFORM_NAMES,
  recommendPrimary,
  type PlatformId,
} from '../../../shared/procedure/platforms.ts';
import { DEFAULT_LOG_PATHS } from '../../../shared/procedure/serverLogs.ts';
import type { ServerRole } from '../../../shared/procedure/types.ts';
import type { ServerState } from '../../../shared/session/sessionState.ts';
import type { SessionStore } from '../session/sessionStore.ts';

const LABELS: Record<ServerRole, string> = {
  ORIG: 'ORIG — the server in service',
  NEW: 'NEW — the new HA server',
};

/** What ServersView reads of the window's store. */
export const SERVERS_VIEW_KEYS = [
  'configureServer',
  'probeServer',
  'probes',
  'readOnlyReason',
  'state',
] as const;
export type ServersViewStore = Pick<SessionStore, (typeof SERVERS_VIEW_KEYS)[number]>;

/** Connection settings of both servers, "test connection", and the platform pair checked against the manual. */
export function ServersView({ store }: { store: ServersViewStore }) {
  const { ORIG: orig, NEW: neu } = store.state.servers;
  const pair =
    orig?.platform && neu?.platform
      ? recommendPrimary({ platform: orig.platform }, { platform: neu.platform })
      : null;
  return (
    <section aria-labelledby="servers-heading">
      <h2 id="servers-heading">Servers</h2>
      {pair && (
        <p role="status" className={pair.supported ? '' : 'error'}>
          {pair.reason}
        </p>
      )}
      <p aria-label="HA roles">{haRoles(orig, neu, pair)}</p>
      <div className="servers">
        {(['ORIG', 'NEW'] as const).map((server) => (
          <ServerCard
            key={`${server}-${store.state.servers[server]?.host ?? ''}`}
            server={server}
            configured={store.state.servers[server]}
            store={store}
          />
        ))}
      </div>
    </section>
  );
}

function haRoles(
  orig: ServerState | undefined,
  neu: ServerState | undefined,
  pair: ReturnType<typeof recommendPrimary> | null,
): string {
  const primary = orig?.haRole === 'primary' ? 'ORIG' : neu?.haRole === 'primary' ? 'NEW' : null;
  if (primary) {
    return `HA roles: ${primary} is the primary server, ${primary === 'ORIG' ? 'NEW' : 'ORIG'} the secondary (agreed in P3a).`;
  }
  const recommended =
    pair?.supported && pair.primary !== 'either' ? (pair.primary === 'first' ? 'ORIG' : 'NEW') : null;
  return `HA roles: not agreed yet; step P3a asks for them${recommended ? ` (the manual recommends ${recommended} as primary)` : ''}.`;
}

function ServerCard({
  server,
  configured,
  store,
}: {
  server: ServerRole;
  configured: ServerState | undefined;
  store: ServersViewStore;
}) {
  const [host, setHost] = useState(configured?.host ?? '');
  const [port, setPort] = useState(String(configured?.port ?? 22));
  const [user, setUser] = useState(configured?.user ?? 'root');
  const [password, setPassword] = useState('');
  const [platform, setPlatform] = useState<PlatformId | ''>(configured?.platform ?? '');
  const [tapeDevice, setTapeDevice] = useState(configured?.tapeDevice ?? '/dev/rmt/0');
  const [legacy, setLegacy] = useState(configured?.legacyAlgorithms ?? false);
  const [rootAccess, setRootAccess] = useState<'login' | 'su'>(configured?.rootAccess ?? 'login');
  const [restoreLog, setRestoreLog] = useState(configured?.restoreLog ?? '');
  const [errorLog, setErrorLog] = useState(configured?.errorLog ?? '');
  const [storageDef, setStorageDef] = useState(configured?.storageDef ?? '');
  const probe = store.probes[server];
  const pinned = store.state.hostKeys.filter((key) => key.server === server);

  const save = (event: FormEvent) => {
    event.preventDefault();
    void store.configureServer({
      server,
      host: host.trim(),
      port: Number(port),
      user: user.trim(),
      platform: platform === '' ? null : platform,
      tapeDevice: tapeDevice.trim(),
      legacyAlgorithms: legacy,
      rootAccess,
      restoreLog: restoreLog.trim() === '' ? null : restoreLog.trim(),
      errorLog: errorLog.trim() === '' ? null : errorLog.trim(),
      storageDef: storageDef.trim() === '' ? null : storageDef.trim(),
      password: password === '' ? null : password,
    });
  };

  return (
    <form onSubmit={save} aria-label={`${server} settings`} className="server-card">
      <h3>{LABELS[server]}</h3>
      <label>
        Host <input value={host} onChange={(e) => setHost(e.target.value)} required />
      </label>
      <label>
        Port{' '}
        <input
          value={port}
          onChange={(e) => setPort(e.target.value)}
          inputMode="numeric"
          pattern="\d{1,5}"
          required
        />
      </label>
      <label>
        User <input value={user} onChange={(e) => setUser(e.target.value)} required />
      </label>
      <label>
        Root{' '}
        <select value={rootAccess} onChange={(e) => setRootAccess(e.target.value as 'login' | 'su')}>
          <option value="login">logs in (the user above is root)</option>
          <option value="su">cannot log in: the user above becomes root with su -</option>
        </select>
      </label>
      {rootAccess === 'su' && (
        <p className="hint">
          The root password is asked, hidden, when a step first needs it; it is kept in memory only.
        </p>
      )}
      <label>
        Password (kept in memory only){' '}
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="off"
        />
      </label>
      <label>
        Platform{' '}
        <select value={platform} onChange={(e) => setPlatform(e.target.value as PlatformId | '')}>
          <option value="">(not set)</option>
          {PLATFORM_IDS.map((id) => (
            <option key={id} value={id}>
              {PLATFORM_NAMES[id]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tape device <input value={tapeDevice} onChange={(e) => setTapeDevice(e.target.value)} required />
      </label>
      <label>
        Restore log (the manual names none){' '}
        <input
          value={restoreLog}
          onChange={(e) => setRestoreLog(e.target.value)}
          placeholder={DEFAULT_LOG_PATHS.restoreLog}
        />
      </label>
      <label>
        CMS error log (the manual names none){' '}
        <input
          value={errorLog}
          onChange={(e) => setErrorLog(e.target.value)}
          placeholder={DEFAULT_LOG_PATHS.errorLog}
        />
      </label>
      <label>
        storage.def (the manual names no folder){' '}
        <input
          value={storageDef}
          onChange={(e) => setStorageDef(e.target.value)}
          placeholder={DEFAULT_LOG_PATHS.storageDef}
        />
      </label>
      <label>
        <input type="checkbox" checked={legacy} onChange={(e) => setLegacy(e.target.checked)} /> Legacy
        algorithms (Solaris 8/9 sshd)
      </label>
      <p className="pinned-keys" aria-label={`${server} host key`}>
        {pinned.length === 0
          ? 'No host key pinned yet: the first connection shows its fingerprint for you to confirm.'
          : pinned.map((key) => (
              <span key={`${key.host}:${key.port}`}>
                Pinned {key.algorithm} key of {key.host}:{key.port}:{' '}
                <code className="fingerprint">{key.fingerprint}</code> (confirmed{' '}
                {key.pinnedAt.slice(0, 16).replace('T', ' ')})
              </span>
            ))}
      </p>
      <button type="submit" disabled={store.readOnlyReason !== null}>
        Save {server}
      </button>{' '}
      <button type="button" disabled={!configured} onClick={() => void store.probeServer(server)}>
        Test connection to {server}
      </button>
      {probe && (
        <dl className="probe" aria-label={`${server} test result`}>
          <dt>Host</dt>
          <dd>
            {probe.hostname ?? '?'} (SunOS {probe.osRelease ?? '?'})
          </dd>
          <dt>CMS</dt>
          <dd>{'version' in probe.cmsVersion ? probe.cmsVersion.version : 'not recognised'}</dd>
          <dt>Tape drive</dt>
          <dd>
            {probe.tapeDrive.identified.name
              ? `${probe.tapeDrive.identified.name} (${probe.tapeDrive.identified.family}): ${probe.tapeDrive.identified.message ?? 'ready'}`
              : probe.tapeDrive.identified.message}
            <pre>{probe.tapeDrive.output.trim() || `exit ${probe.tapeDrive.exitCode}`}</pre>
          </dd>
          <dt>Host key</dt>
          <dd>
            {probe.hostKey.algorithm} {probe.hostKey.fingerprint}
          </dd>
          <dt>Algorithms</dt>
          <dd>
            {probe.algorithms.kex}, {probe.algorithms.cipher}
          </dd>
        </dl>
      )}
    </form>
  );
}
