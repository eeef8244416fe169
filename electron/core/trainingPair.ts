import { defaultPair } from '../simulator/defaultPair.ts';
import { generateSimHostKey } from '../simulator/simHostKeys.ts';
import { startSimServer, type RunningSimServer } from '../simulator/simServer.ts';
import { MemorySimStore } from '../simulator/simStore.ts';
import { TrainingDesk } from '../simulator/trainingDesk.ts';

/** Training logins of the simulated pair (never a real server's). */
export const TRAINING_LOGIN = { user: 'root', password: 'cms' } as const;

/** The simulated pair a training session runs against, started on first use and kept for the app's life. */
export class TrainingPair {
  private running: Promise<{ server: RunningSimServer; store: MemorySimStore }> | null = null;

  async ports(): Promise<{ ORIG: number; NEW: number }> {
    const { server } = await this.start();
    return { ORIG: server.ports.orig, NEW: server.ports.new };
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
        users: { [TRAINING_LOGIN.user]: TRAINING_LOGIN.password },
      });
      return { server, store };
    })().catch((error: unknown) => {
      this.running = null;
      throw error;
    });
    return this.running;
  }
}
