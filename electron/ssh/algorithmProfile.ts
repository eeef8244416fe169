import type { Algorithms } from './ssh2.ts';

/**
 * What Solaris 8/9-era sshd speak, added after ssh2's modern defaults when a host's "legacy algorithms"
 * profile is on. Group-exchange-sha1 and group14 come before group1, and ssh-rsa before ssh-dss:
 * Electron's BoringSSL builds group1 only through the fallback and cannot verify DSA signatures.
 */
export const LEGACY_ALGORITHMS = {
  kex: ['diffie-hellman-group-exchange-sha1', 'diffie-hellman-group14-sha1', 'diffie-hellman-group1-sha1'],
  serverHostKey: ['ssh-rsa', 'ssh-dss'],
  cipher: ['aes128-cbc', 'aes256-cbc', '3des-cbc'],
  hmac: ['hmac-sha1'],
} as const;

/**
 * ssh2's defaults with SHA-1 host key signatures (`ssh-rsa`, among ssh2's defaults) taken out, or, with the
 * legacy profile, everything an old Solaris sshd needs added. RSA host keys still verify with SHA-2
 * (`rsa-sha2-256/512`) without the profile.
 */
export function algorithmsFor(legacy: boolean): Algorithms {
  if (!legacy) return { serverHostKey: { remove: ['ssh-rsa'] } } as Algorithms;
  return {
    kex: { append: [...LEGACY_ALGORITHMS.kex] },
    // ssh-rsa is already among ssh2's defaults; appending it again would be refused as a duplicate.
    serverHostKey: { append: ['ssh-dss'] },
    cipher: { append: [...LEGACY_ALGORITHMS.cipher] },
    hmac: { append: [...LEGACY_ALGORITHMS.hmac] },
  } as Algorithms;
}
