import crypto from 'node:crypto';

/**
 * The 1024-bit MODP prime of RFC 2409 section 6.2 (Oakley Group 2), which diffie-hellman-group1-sha1 uses.
 * Electron's BoringSSL has no built-in group for it ("Unknown DH group"), and Solaris 8/9 sshd may offer
 * nothing else.
 */
export const RFC2409_GROUP2_PRIME_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF';

const GROUP_PRIMES: Readonly<Record<string, string>> = { modp2: RFC2409_GROUP2_PRIME_HEX };

const INSTALLED = Symbol.for('cms-ha.dhGroupFallback');

type CryptoModule = typeof crypto & { [INSTALLED]?: true };

/**
 * Wraps `crypto.createDiffieHellmanGroup` so that a group the crypto library lacks is built from its
 * published prime instead. Must run before ssh2 is loaded: ssh2 takes the function at load time.
 */
export function installDhGroupFallback(target: CryptoModule = crypto): void {
  if (target[INSTALLED]) return;
  const original = target.createDiffieHellmanGroup.bind(target);
  const withFallback = (name: string) => {
    try {
      return original(name);
    } catch (error) {
      const prime = GROUP_PRIMES[name];
      if (!prime) throw error;
      return target.createDiffieHellman(Buffer.from(prime, 'hex'), Buffer.from([2]));
    }
  };
  target.createDiffieHellmanGroup = withFallback as typeof crypto.createDiffieHellmanGroup;
  target.getDiffieHellman = withFallback as typeof crypto.getDiffieHellman;
  target[INSTALLED] = true;
}

installDhGroupFallback();
