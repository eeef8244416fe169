/**
 * Child process for the DH fallback test. It first takes the 1024-bit group away from Node's crypto, as
 * Electron's BoringSSL lacks it, then connects to a group1-only sshd either through the app's SSH layer
 * (which installs the fallback before ssh2 loads) or through bare ssh2. Prints one JSON line.
 * argv: <with-fallback|bare-ssh2> <port> <user> <password>
 */
import crypto from 'node:crypto';

const [mode, port, user, password] = process.argv.slice(2);
const original = crypto.createDiffieHellmanGroup.bind(crypto);
const boringSslLike = ((name: string) => {
  if (name === 'modp2') throw new Error('Unknown DH group');
  return original(name);
}) as typeof crypto.createDiffieHellmanGroup;
crypto.createDiffieHellmanGroup = boringSslLike;
crypto.getDiffieHellman = boringSslLike;

const report = (result: object) => process.stdout.write(`${JSON.stringify(result)}\n`);

if (mode === 'with-fallback') {
  const { SshConnection } = await import('../../electron/ssh/sshConnection.ts');
  const { HostKeyPins } = await import('../../electron/ssh/hostKeyPins.ts');
  try {
    const connection = await SshConnection.connect({
      target: { host: '127.0.0.1', port: Number(port), user: user!, legacyAlgorithms: true },
      credentials: { password },
      questions: { confirmHostKey: async () => true, answerPrompts: async () => [password!] },
      pins: new HostKeyPins(),
    });
    const result = await connection.exec('id -un');
    connection.close();
    report({
      connected: true,
      kex: connection.negotiated.kex,
      stdout: result.kind === 'exited' ? result.stdout : null,
    });
  } catch (error) {
    report({ connected: false, error: (error as Error).message });
  }
} else {
  const { default: ssh2 } = await import('ssh2');
  const client = new ssh2.Client();
  client.on('ready', () => {
    report({ connected: true });
    client.end();
  });
  client.on('error', (error) => report({ connected: false, error: error.message }));
  client.connect({
    host: '127.0.0.1',
    port: Number(port),
    username: user,
    password,
    algorithms: {
      kex: ['diffie-hellman-group1-sha1'],
      serverHostKey: ['ssh-rsa'],
      cipher: ['aes128-cbc'],
      hmac: ['hmac-sha1'],
    },
    hostVerifier: () => true,
  });
}
