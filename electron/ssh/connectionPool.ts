import type { ServerRole } from '../../shared/procedure/types.ts';
import type { SshConnection } from './sshConnection.ts';

export type ConnectionState = 'connecting' | 'connected' | 'lost' | 'failed' | 'closed';

interface Entry {
  connection: Promise<SshConnection>;
  /** Set once the connect settled: the connection, or null when it failed. */
  settled: { connection: SshConnection | null } | null;
}

/**
 * One connection per server, many channels on it. A connect in flight is shared by everyone who asks
 * meanwhile (its failure too); a connection that was lost, or a connect that failed earlier, is replaced
 * by a new one on the next request. Nothing is retried on its own: a connection is opened when a step,
 * a probe or a terminal needs it.
 */
export class ConnectionPool {
  private readonly entries = new Map<ServerRole, Entry>();

  constructor(
    private readonly open: (server: ServerRole) => Promise<SshConnection>,
    private readonly onState: (
      server: ServerRole,
      state: ConnectionState,
      reason: string | null,
    ) => void = () => undefined,
  ) {}

  get(server: ServerRole): Promise<SshConnection> {
    const entry = this.entries.get(server);
    if (entry && !entry.settled) return entry.connection;
    const alive = entry?.settled?.connection;
    if (alive && !alive.lost) return Promise.resolve(alive);
    return this.start(server);
  }

  /** Closes the connections of these servers (all by default), waiting for a connect in flight first. */
  async close(servers: readonly ServerRole[] = [...this.entries.keys()]): Promise<void> {
    await Promise.all(
      servers.map(async (server) => {
        const entry = this.entries.get(server);
        if (!entry) return;
        this.entries.delete(server);
        const connection = await entry.connection.catch(() => null);
        if (!connection) return;
        connection.close();
        this.onState(server, 'closed', null);
      }),
    );
  }

  /** How many servers have a connection open or opening (tests check that nothing is left behind). */
  get size(): number {
    return [...this.entries.values()].filter(
      (entry) => !entry.settled || (entry.settled.connection && !entry.settled.connection.lost),
    ).length;
  }

  private start(server: ServerRole): Promise<SshConnection> {
    this.onState(server, 'connecting', null);
    const entry: Entry = { connection: this.open(server), settled: null };
    this.entries.set(server, entry);
    entry.connection.then(
      (connection) => {
        entry.settled = { connection };
        if (this.entries.get(server) !== entry) return;
        this.onState(server, 'connected', null);
        connection.onLost((reason) => {
          if (this.entries.get(server) === entry)
            this.onState(server, 'lost', `${reason}; the app connects again when it next needs ${server}`);
        });
      },
      (error: unknown) => {
        entry.settled = { connection: null };
        if (this.entries.get(server) === entry)
          this.onState(server, 'failed', error instanceof Error ? error.message : String(error));
      },
    );
    return entry.connection;
  }
}
