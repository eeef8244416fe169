import { defaultPair } from '../simulator/defaultPair.ts';
import { generateSimHostKey } from '../simulator/simHostKeys.ts';
import { startSimServer, type RunningSimServer } from '../simulator/simServer.ts';
import { MemorySimStore } from '../simulator/simStore.ts';
import type { SimPairState } from '../simulator/simState.ts';
import { TrainingDesk } from '../simulator/trainingDesk.ts';
import { SIM_ROOT_PASSWORD } from '../simulator/programs/su.ts';

/** Training logins of the simulated pair (never a real server's). */
export const TRAINING_LOGIN = { user: 'root', password: 'cms' } as const;
/** On the unfamiliar pair root cannot log in: this user does, and becomes root with su -. */
export const TRAINING_SU_LOGIN = { user: 'cms', password: 'cms', rootPassword: SIM_ROOT_PASSWORD } as const;

/**
 * The simulated pair training sessions run against, started on first use and kept for the app's life.
 * Each training session has its own pair: a new session starts from a fresh one (ORIG not upgraded, the
 * tape box as unpacked), and a session opened again in this run of the app finds its pair as it left it.
 */
export class TrainingPair {
  private running: Promise<{ server: RunningSimServer; store: MemorySimStore }> | null = null;
  /** The session whose pair the simulator holds now, and the pairs of the others, as they left them. */
  private session: string | null = null;
  private readonly parked = new Map<string, SimPairState>();

  /**
   * Starts the pair if needed, puts `session`'s pair on it (a fresh one for a session new to it),
   * prints its outputs as `variant` says, and gives its ports.
   */
  async ports(
    session: string,
    variant: 'default' | 'unfamiliar' = 'default',
  ): Promise<{ ORIG: number; NEW: number }> {
    const { server, store } = await this.start();
    this.putOn(store, session);
    await store.update((pair) => {
      pair.outputs = variant;
      pair.rootLogin = variant === 'unfamiliar' ? 'refused' : 'allowed';
    });
    return { ORIG: server.ports.orig, NEW: server.ports.new };
  }

  /** A training session opened: its pair goes on the simulator, if that runs (else at its first use). */
  async use(session: string): Promise<void> {
    const running = await this.running?.catch(() => null);
    if (running) this.putOn(running.store, session);
  }

  private putOn(store: MemorySimStore, session: string): void {
    if (this.session === session) return;
    const previous = store.swap(this.parked.get(session) ?? defaultPair());
    if (this.session !== null) this.parked.set(this.session, previous);
    this.parked.delete(session);
    this.session = session;
  }

  /** The trainee's hands on the tapes, once the pair runs; null before. */
  async desk(): Promise<TrainingDesk | null> {
    const running = await this.running?.catch(() => null);
    return running ? new TrainingDesk(running.store) : null;
  }

  async close(): Promise<void> {
    const running = await this.running?.catch(() => null);
    this.running = null;
    await running?.server.close();
  }

  private start(): Promise<{ server: RunningSimServer; store: MemorySimStore }> {
    this.running ??= (async () => {
      const store = new MemorySimStore(defaultPair());
      const server = await startSimServer({
        store,
        timeScale: 0.02,
        hostKeys: { orig: generateSimHostKey(), new: generateSimHostKey() },
        ports: { orig: 0, new: 0 },
        users: {
          [TRAINING_LOGIN.user]: TRAINING_LOGIN.password,
          [TRAINING_SU_LOGIN.user]: TRAINING_SU_LOGIN.password,
        },
      });
      return { server, store };
    })().catch((error: unknown) => {
      this.running = null;
      throw error;
    });
    return this.running;
  }
}
