import { SshConnectError, type SshConnection } from './sshConnection.ts';

export type LinkState =
  | { kind: 'connecting'; attempt: number }
  | { kind: 'connected'; connection: SshConnection; reconnected: boolean }
  | { kind: 'lost'; reason: string; retryInMs: number; attempt: number }
  | { kind: 'failed'; error: Error }
  | { kind: 'closed' };

/** Back-off before each reconnect attempt; the last value repeats. */
export const DEFAULT_BACKOFF_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

/** Errors that waiting will not fix: the technician must act (wrong password, changed host key…). */
function isPermanent(error: unknown): boolean {
  return (
    error instanceof SshConnectError &&
    ['host-key-changed', 'host-key-rejected', 'authentication', 'cancelled', 'handshake'].includes(error.kind)
  );
}

/**
 * Keeps one server's connection up: when it drops, says so at once and reconnects with back-off.
 * It never re-runs anything: what was running when the link dropped is the caller's to mark interrupted.
 */
export class ServerLink {
  private connection: SshConnection | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connect: () => Promise<SshConnection>,
    private readonly onState: (state: LinkState) => void,
    private readonly backoffMs: readonly number[] = DEFAULT_BACKOFF_MS,
  ) {}

  /** The first connection; rejects with the connect error (nothing is retried before the first success). */
  async open(): Promise<SshConnection> {
    this.onState({ kind: 'connecting', attempt: 1 });
    const connection = await this.connect();
    this.adopt(connection, false);
    return connection;
  }

  current(): SshConnection | null {
    return this.connection && !this.connection.lost ? this.connection : null;
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.connection?.close();
    this.connection = null;
    this.onState({ kind: 'closed' });
  }

  private adopt(connection: SshConnection, reconnected: boolean): void {
    this.connection = connection;
    connection.onLost((reason) => {
      if (this.closed || this.connection !== connection) return;
      this.connection = null;
      this.scheduleReconnect(reason, 1);
    });
    this.onState({ kind: 'connected', connection, reconnected });
  }

  private scheduleReconnect(reason: string, attempt: number): void {
    const retryInMs = this.backoffMs[Math.min(attempt - 1, this.backoffMs.length - 1)] ?? 30_000;
    this.onState({ kind: 'lost', reason, retryInMs, attempt });
    this.retryTimer = setTimeout(() => void this.reconnect(attempt), retryInMs);
  }

  private async reconnect(attempt: number): Promise<void> {
    if (this.closed) return;
    this.onState({ kind: 'connecting', attempt: attempt + 1 });
    try {
      const connection = await this.connect();
      if (this.closed) return connection.close();
      this.adopt(connection, true);
    } catch (error) {
      if (this.closed) return;
      if (isPermanent(error)) {
        this.onState({ kind: 'failed', error: error as Error });
        return;
      }
      this.scheduleReconnect((error as Error).message, attempt + 1);
    }
  }
}
