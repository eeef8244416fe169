import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SimPairState } from './simState.ts';

/** Where the simulated pair's state lives: in memory (embedded server) or in a folder (behind sshd). */
export interface SimStore {
  read(): Promise<SimPairState>;
  /** Applies `change` to the state atomically with respect to other updates, and saves it. */
  update<T>(change: (state: SimPairState) => T): Promise<T>;
}

export class MemorySimStore implements SimStore {
  constructor(private state: SimPairState) {}

  async read(): Promise<SimPairState> {
    return structuredClone(this.state);
  }

  async update<T>(change: (state: SimPairState) => T): Promise<T> {
    const draft = structuredClone(this.state);
    const result = change(draft);
    this.state = draft;
    return result;
  }

  /** The whole pair swapped for another (a training pair changing sessions); the old one is given back. */
  swap(next: SimPairState): SimPairState {
    const previous = this.state;
    this.state = structuredClone(next);
    return previous;
  }
}

const STATE_FILE = 'state.json';
const LOCK_DIR = 'state.lock';

/**
 * State in `<dir>/state.json`, shared by the separate processes sshd starts for each command. Updates
 * take a lock directory (mkdir is atomic) and replace the file by rename, so a reader never sees half a file.
 */
export class FolderSimStore implements SimStore {
  constructor(readonly directory: string) {}

  static async create(directory: string, initial: SimPairState): Promise<FolderSimStore> {
    await mkdir(directory, { recursive: true });
    const store = new FolderSimStore(directory);
    await store.write(initial);
    return store;
  }

  async read(): Promise<SimPairState> {
    return JSON.parse(await readFile(path.join(this.directory, STATE_FILE), 'utf8')) as SimPairState;
  }

  async update<T>(change: (state: SimPairState) => T): Promise<T> {
    await this.lock();
    try {
      const state = await this.read();
      const result = change(state);
      await this.write(state);
      return result;
    } finally {
      await rm(path.join(this.directory, LOCK_DIR), { recursive: true, force: true });
    }
  }

  private async write(state: SimPairState): Promise<void> {
    const temporary = path.join(this.directory, `${STATE_FILE}.${process.pid}.tmp`);
    await writeFile(temporary, JSON.stringify(state, null, 1));
    await rename(temporary, path.join(this.directory, STATE_FILE));
  }

  private async lock(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await mkdir(path.join(this.directory, LOCK_DIR));
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 500) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
  }
}
