import type { ServerRole } from '../../shared/procedure/types.ts';
import type { SessionState } from '../../shared/session/sessionState.ts';
import type { RemoteHost } from '../ssh/remoteHost.ts';
import type { SshConnection } from '../ssh/sshConnection.ts';
import { SuRootHost, type RootPassword } from '../ssh/suRootHost.ts';
import type { SessionServerAccess } from './connectSessionServer.ts';
import type { SessionSecrets } from './sessionSecrets.ts';

/**
 * Where a step's commands run on `server`: the login itself, or root through `su -` when the session
 * says root cannot log in there. The root password is asked once (hidden, as a login password is), held
 * with the server's other credentials in memory only, and redacted from every transcript.
 */
export function serverHost(
  state: SessionState,
  server: ServerRole,
  connection: SshConnection,
  access: SessionServerAccess,
  secrets: SessionSecrets,
): RemoteHost {
  const configured = state.servers[server];
  if (configured?.rootAccess !== 'su') return connection;
  return new SuRootHost(
    connection,
    rootPassword(server, configured.host, access, secrets),
    `${server} (${configured.host})`,
  );
}

const asking = new WeakMap<object, Promise<string | null>>();

function rootPassword(
  server: ServerRole,
  host: string,
  access: SessionServerAccess,
  secrets: SessionSecrets,
): RootPassword {
  const credentials = access.credentials(server);
  const known = (password: string) => {
    secrets.add(password);
    return password;
  };
  return {
    get: () => {
      if (credentials.rootPassword !== undefined) return Promise.resolve(known(credentials.rootPassword));
      // Commands started together ask once.
      let pending = asking.get(credentials);
      if (!pending) {
        pending = access
          .questions(server)
          .answerPrompts({
            host,
            user: 'root',
            instructions: `Root password of ${server} (${host}), for su - (kept in memory only)`,
            prompts: [{ prompt: 'Password: ', echo: false }],
          })
          .then((answers) => {
            if (answers === null) return null;
            credentials.rootPassword = answers[0] ?? '';
            return known(credentials.rootPassword);
          })
          .finally(() => asking.delete(credentials));
        asking.set(credentials, pending);
      }
      return pending;
    },
    forget: () => {
      delete credentials.rootPassword;
    },
  };
}
