import { describe, expect, it } from 'vitest';
import { diagnoseHandshakeFailure, HandshakeLog } from '../../../electron/ssh/handshakeDiagnosis.ts';
import { RedactingSink } from '../../../electron/ssh/redactingSink.ts';
import { installDhGroupFallback, RFC2409_GROUP2_PRIME_HEX } from '../../../electron/ssh/dhGroupFallback.ts';
import { HostKeyPins, keyAlgorithmOf, sha256Fingerprint } from '../../../electron/ssh/hostKeyPins.ts';

function logOf(lines: string[]): HandshakeLog {
  const log = new HandshakeLog();
  lines.forEach(log.onDebug);
  return log;
}

describe('handshake diagnosis', () => {
  it('names both sides and suggests the legacy profile when it would help', () => {
    const log = logOf([
      'Handshake: (local) KEX method: curve25519-sha256,ecdh-sha2-nistp256,ext-info-c',
      'Handshake: (remote) KEX method: diffie-hellman-group1-sha1,kex-strict-s-v00@openssh.com',
    ]);
    const message = diagnoseHandshakeFailure(
      'Handshake failed: no matching key exchange algorithm',
      log,
      false,
    );
    expect(message).toBe(
      'No key exchange method in common with the server. The server offers diffie-hellman-group1-sha1; this app offered curve25519-sha256, ecdh-sha2-nistp256. This is typical of an old Solaris SSH server: turn on the "legacy algorithms" profile for this server and connect again.',
    );
  });

  it('says when even the legacy profile lacks what the server wants', () => {
    const log = logOf([
      'Handshake: (local) C->S cipher: aes128-cbc,3des-cbc',
      'Handshake: (remote) C->S cipher: blowfish-cbc',
    ]);
    expect(diagnoseHandshakeFailure('Handshake failed: no matching C->S cipher', log, true)).toContain(
      'even with the legacy algorithms profile on. The server offers blowfish-cbc',
    );
  });

  it('explains a DSA-only host whose signature cannot be verified', () => {
    const log = logOf([
      'Handshake: (local) Host key format: ssh-rsa,ssh-dss',
      'Handshake: (remote) Host key format: ssh-dss',
    ]);
    expect(diagnoseHandshakeFailure('Handshake failed: signature verification failed', log, true)).toContain(
      'only with a DSA (ssh-dss) host key',
    );
  });

  it('leaves other errors alone', () => {
    expect(diagnoseHandshakeFailure('connect ECONNREFUSED', new HandshakeLog(), false)).toBeNull();
  });
});

describe('RedactingSink', () => {
  it('redacts a secret even when it arrives split across chunks', () => {
    let out = '';
    const sink = new RedactingSink((text) => (out += text));
    sink.addSecret('hunter22');
    for (const chunk of ['Password: hun', 'ter', '22\r\nLogin ok\r\n']) sink.write(chunk);
    sink.flush();
    expect(out).toBe('Password: [redacted]\r\nLogin ok\r\n');
  });
});

describe('host key pins', () => {
  const blob = Buffer.concat([
    Buffer.from([0, 0, 0, 7]),
    Buffer.from('ssh-rsa'),
    Buffer.from('key material'),
  ]);

  it('computes OpenSSH-style SHA-256 fingerprints and the key type', () => {
    expect(sha256Fingerprint(blob)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(keyAlgorithmOf(blob)).toBe('ssh-rsa');
  });

  it('tells unknown, matching and changed keys apart, and reports each new pin for the journal', async () => {
    const journaled: string[] = [];
    const pins = new HostKeyPins([], (pin) => {
      journaled.push(`${pin.host}:${pin.port} ${pin.fingerprint}`);
    });
    expect(pins.check('cms-orig', 22, blob).kind).toBe('unknown');
    await pins.pin('CMS-ORIG', 22, 'ssh-rsa', sha256Fingerprint(blob));
    expect(pins.check('cms-orig', 22, blob).kind).toBe('match');
    expect(pins.check('cms-orig', 22, Buffer.concat([blob, Buffer.from('x')])).kind).toBe('changed');
    expect(pins.check('cms-orig', 2222, blob).kind).toBe('unknown');
    expect(journaled).toEqual([`CMS-ORIG:22 ${sha256Fingerprint(blob)}`]);
  });

  it('does not pin a key whose recording failed', async () => {
    const pins = new HostKeyPins([], () => Promise.reject(new Error('disk full')));
    await expect(pins.pin('cms-orig', 22, 'ssh-rsa', sha256Fingerprint(blob))).rejects.toThrow('disk full');
    expect(pins.check('cms-orig', 22, blob).kind).toBe('unknown');
  });
});

describe('DH group fallback', () => {
  it('builds the RFC 2409 group 2 when the crypto library has none, and is idempotent', async () => {
    const crypto = await import('node:crypto');
    const fake = {
      createDiffieHellman: crypto.createDiffieHellman,
      createDiffieHellmanGroup: (name: string) => {
        throw new Error(`Unknown DH group ${name}`);
      },
      getDiffieHellman: () => undefined,
    } as unknown as typeof crypto;
    installDhGroupFallback(fake);
    installDhGroupFallback(fake);
    const group = fake.createDiffieHellmanGroup('modp2');
    expect(group.getPrime('hex').toUpperCase()).toBe(RFC2409_GROUP2_PRIME_HEX);
    expect(group.getGenerator('hex')).toBe('02');
    expect(group.getPrime('hex')).toBe(crypto.getDiffieHellman('modp2').getPrime('hex'));
    expect(() => fake.createDiffieHellmanGroup('modp99')).toThrow('Unknown DH group modp99');
  });
});

describe('simulated host keys', () => {
  it('are always keys ssh2 can load (its ed25519 generator sometimes writes one it cannot parse)', async () => {
    const { generateSimHostKey } = await import('../../../electron/simulator/simHostKeys.ts');
    const { utils } = await import('../../../electron/ssh/ssh2.ts');
    for (let i = 0; i < 300; i++) expect(utils.parseKey(generateSimHostKey())).not.toBeInstanceOf(Error);
  });
});
