import type { ServerRole } from '../../shared/procedure/types.ts';
import type { SessionJournal } from '../journal/sessionJournal.ts';
import { HostKeyPins } from '../ssh/hostKeyPins.ts';
import {
  SshConnectError,
  SshConnection,
  type SshCredentials,
  type TechnicianQuestions,
} from '../ssh/sshConnection.ts';

export interface SessionServerAccess {
  /** Held in memory only; a password typed at a prompt is kept in it for the next connect. */
  credentials(server: ServerRole): SshCredentials;
  /** Who confirms a host key and answers login prompts for this server (the window, the terminal, a script). */
  questions(server: ServerRole): TechnicianQuestions;
  timeoutMs?: number;
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
}

/**
 * Connects to one of the session's servers as the session configured it. Host keys are checked against
 * the session's pins; a newly confirmed key is journaled for that server, and the connection is made only
 * once the pin is on disk.
 */
export function connectSessionServer(
  journal: SessionJournal,
  server: ServerRole,
  access: SessionServerAccess,
): Promise<SshConnection> {
  const configured = journal.state.servers[server];
  if (!configured)
    return Promise.reject(new SshConnectError('cancelled', `${server} is not configured in this session.`));
  const pins = new HostKeyPins(journal.state.hostKeys, async (pin) => {
    await journal.append({ type: 'host-key-pinned', server, ...pin, at: pin.pinnedAt });
  });
  return SshConnection.connect({
    target: {
      host: configured.host,
      port: configured.port,
      user: configured.user,
      legacyAlgorithms: configured.legacyAlgorithms,
    },
    credentials: access.credentials(server),
    questions: access.questions(server),
    pins,
    ...(access.timeoutMs === undefined ? {} : { timeoutMs: access.timeoutMs }),
    ...(access.keepaliveIntervalMs === undefined ? {} : { keepaliveIntervalMs: access.keepaliveIntervalMs }),
    ...(access.keepaliveCountMax === undefined ? {} : { keepaliveCountMax: access.keepaliveCountMax }),
  });
}
