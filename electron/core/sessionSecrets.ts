/**
 * The secrets typed during a session's run of the app (the root password for su), held in memory only,
 * so that every transcript opened now or later redacts them, whenever they become known.
 */
export class SessionSecrets {
  private readonly known = new Set<string>();
  private readonly listeners = new Set<(secret: string) => void>();

  add(secret: string): void {
    if (secret === '' || this.known.has(secret)) return;
    this.known.add(secret);
    for (const listener of this.listeners) listener(secret);
  }

  /** Gives `register` every secret known now and each one learnt later, until the returned stop. */
  feed(register: (secret: string) => void): () => void {
    for (const secret of this.known) register(secret);
    this.listeners.add(register);
    return () => this.listeners.delete(register);
  }
}
