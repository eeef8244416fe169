import { createHash } from 'node:crypto';

/** OpenSSH's form: `SHA256:` and the unpadded base64 of the SHA-256 of the raw public key blob. */
export function sha256Fingerprint(publicKeyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(publicKeyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The algorithm name at the start of an SSH public key blob (e.g. `ssh-rsa`). */
export function keyAlgorithmOf(publicKeyBlob: Buffer): string {
  if (publicKeyBlob.length < 4) return 'unknown';
  const length = publicKeyBlob.readUInt32BE(0);
  return publicKeyBlob.subarray(4, 4 + length).toString('latin1') || 'unknown';
}

export interface HostKeyPin {
  host: string;
  port: number;
  algorithm: string;
  fingerprint: string;
  pinnedAt: string;
}

export type HostKeyCheck =
  | { kind: 'match'; pin: HostKeyPin }
  | { kind: 'unknown'; algorithm: string; fingerprint: string }
  | { kind: 'changed'; pin: HostKeyPin; algorithm: string; fingerprint: string };

/**
 * The host keys the technician confirmed. In the app they come from the session (its `host-key-pinned`
 * events) and `onPinned` journals each new confirmation, so the pins live in the session and go out
 * with the report. A pin whose recording fails is not made: the connection is refused.
 */
export class HostKeyPins {
  private readonly pins = new Map<string, HostKeyPin>();

  constructor(
    initial: readonly HostKeyPin[] = [],
    private readonly onPinned: (pin: HostKeyPin) => void | Promise<void> = () => undefined,
  ) {
    for (const pin of initial) this.pins.set(keyOf(pin.host, pin.port), pin);
  }

  check(host: string, port: number, publicKeyBlob: Buffer): HostKeyCheck {
    const fingerprint = sha256Fingerprint(publicKeyBlob);
    const algorithm = keyAlgorithmOf(publicKeyBlob);
    const pin = this.pins.get(keyOf(host, port));
    if (!pin) return { kind: 'unknown', algorithm, fingerprint };
    if (pin.fingerprint === fingerprint) return { kind: 'match', pin };
    return { kind: 'changed', pin, algorithm, fingerprint };
  }

  async pin(
    host: string,
    port: number,
    algorithm: string,
    fingerprint: string,
    at = new Date(),
  ): Promise<HostKeyPin> {
    const pin = { host, port, algorithm, fingerprint, pinnedAt: at.toISOString() };
    await this.onPinned(pin);
    this.pins.set(keyOf(host, port), pin);
    return pin;
  }

  list(): HostKeyPin[] {
    return [...this.pins.values()];
  }
}

function keyOf(host: string, port: number): string {
  return `${host.toLowerCase()}:${port}`;
}
