import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { Server, type AuthContext, type ServerChannel, type ServerConnection } from '../ssh/ssh2.ts';
import { startProgramSession, type SimRuntime } from './programSession.ts';
import { runCommandLine, runInteractiveShell } from './simShell.ts';
import { SIM_HOST_NAMES, type SimHostName } from './simState.ts';

export interface SimServerOptions extends SimRuntime {
  /** Private host keys (OpenSSH or PEM text), one per host, so pins survive restarts. */
  hostKeys: Record<SimHostName, string>;
  /** Ports to listen on; 0 picks a free one. */
  ports: Record<SimHostName, number>;
  users: Record<string, string>;
  bindAddress?: string;
}

export interface RunningSimServer {
  ports: Record<SimHostName, number>;
  close(): Promise<void>;
}

/** The simulated CMS pair served by an embedded SSH server: one listener per host. */
export async function startSimServer(options: SimServerOptions): Promise<RunningSimServer> {
  const servers: InstanceType<typeof Server>[] = [];
  const ports = {} as Record<SimHostName, number>;
  for (const host of SIM_HOST_NAMES) {
    const server = new Server({ hostKeys: [options.hostKeys[host]] }, (client) =>
      serveClient(client, host, options),
    );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.ports[host], options.bindAddress ?? '127.0.0.1', () => resolve());
    });
    ports[host] = (server.address() as AddressInfo).port;
    servers.push(server);
  }
  return {
    ports,
    close: async () => {
      await Promise.all(
        servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
      );
    },
  };
}

function passwordMatches(users: Record<string, string>, user: string, password: string): boolean {
  const expected = users[user];
  if (expected === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(password);
  return a.length === b.length && timingSafeEqual(a, b);
}

function serveClient(client: ServerConnection, host: SimHostName, options: SimServerOptions): void {
  client.on('error', () => undefined);
  client.on('authentication', (context) => {
    if (context.username === 'root' && !['password', 'keyboard-interactive'].includes(context.method))
      return context.reject(['password', 'keyboard-interactive']);
    if (context.username === 'root') {
      // As sshd with PermitRootLogin no: the password is asked, and refused whatever it is.
      options.store.read().then(
        (state) => (state.rootLogin === 'refused' ? rejectRoot(context) : authenticate(context)),
        () => context.reject(),
      );
      return;
    }
    authenticate(context);
  });
  const rejectRoot = (context: AuthContext) => {
    if (context.method === 'keyboard-interactive')
      return context.prompt([{ prompt: 'Password: ', echo: false }], () => context.reject());
    context.reject();
  };
  const authenticate = (context: AuthContext) => {
    if (context.method === 'password') {
      return passwordMatches(options.users, context.username, context.password)
        ? context.accept()
        : context.reject();
    }
    if (context.method === 'keyboard-interactive') {
      context.prompt([{ prompt: 'Password: ', echo: false }], (answers) => {
        if (passwordMatches(options.users, context.username, answers[0] ?? '')) context.accept();
        else context.reject();
      });
      return;
    }
    context.reject(['password', 'keyboard-interactive']);
  };
  client.on('ready', () => {
    client.on('session', (acceptSession) => {
      const session = acceptSession();
      let terminal = false;
      const size = { cols: 80, rows: 24 };
      let terminalType: string | null = null;
      session.on('pty', (accept, _reject, info) => {
        terminal = true;
        terminalType = info.term ?? null;
        Object.assign(size, { cols: info.cols, rows: info.rows });
        accept?.();
      });
      session.on('window-change', (accept, _reject, info) => {
        Object.assign(size, { cols: info.cols, rows: info.rows });
        accept?.();
      });
      session.on('env', (accept) => accept?.());
      const serve = (stream: ServerChannel, run: Parameters<typeof startProgramSession>[4]) => {
        startProgramSession(
          {
            onInput: (listener) => stream.on('data', (data: Buffer) => listener(data.toString('utf8'))),
            onInputEnd: (listener) => {
              stream.on('end', listener);
              stream.on('close', listener);
            },
            write: (text) => {
              if (stream.writable) stream.write(text);
            },
            writeError: (text) => {
              if (stream.writable) stream.stderr.write(text);
            },
            terminalSize: () => (terminal ? { ...size } : null),
            terminalType: () => terminalType,
          },
          terminal,
          host,
          options,
          run,
        )
          .catch((error: Error) => {
            if (stream.writable) stream.stderr.write(`simulator: ${error.message}\n`);
            return 70;
          })
          .then((code) => {
            if (!stream.writable) return;
            stream.exit(code);
            stream.end();
          })
          .catch(() => stream.destroy());
      };
      session.on('exec', (accept, _reject, info) => {
        serve(accept(), (context) => runCommandLine(info.command, context));
      });
      session.on('shell', (accept) => {
        serve(accept(), async (context) => {
          const hostname = (await context.store.read()).hosts[host].hostname;
          return runInteractiveShell(context, hostname);
        });
      });
    });
  });
}
