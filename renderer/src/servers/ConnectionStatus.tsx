import type { ConnectionReport, SessionStore } from '../session/sessionStore.ts';

const DESCRIPTION: Record<ConnectionReport['state'], string> = {
  connecting: 'connecting…',
  connected: 'connected',
  lost: 'connection lost',
  failed: 'could not connect',
  closed: 'not connected',
};

/** What ConnectionStatus reads of the window's store. */
export const CONNECTION_STATUS_KEYS = ['connections'] as const;
export type ConnectionStatusStore = Pick<SessionStore, (typeof CONNECTION_STATUS_KEYS)[number]>;

/** Each server's SSH connection as the core last reported it, with the reason when it dropped. */
export function ConnectionStatus({ store }: { store: ConnectionStatusStore }) {
  return (
    <ul className="connections" aria-label="Connections">
      {(['ORIG', 'NEW'] as const).map((server) => {
        const report = store.connections[server];
        return (
          <li key={server} data-connection={report?.state ?? 'closed'}>
            {server}: {report ? DESCRIPTION[report.state] : 'not connected yet'}
            {report?.reason ? ` — ${report.reason}` : ''}
          </li>
        );
      })}
    </ul>
  );
}
