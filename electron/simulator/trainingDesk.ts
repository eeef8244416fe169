import type { ServerRole } from '../../shared/procedure/types.ts';
import { runCommandLine } from './simShell.ts';
import type { SimHostName } from './simState.ts';
import type { SimStore } from './simStore.ts';

export interface TrainingTape {
  id: string;
  capacityBlocks: number;
  writeProtected: boolean;
  /** What is on it, as the simulator knows it: blank, a CMSADM set member, or a maintenance backup. */
  content: string;
  /** The drive it is in, or null when it lies on the desk. */
  drive: ServerRole | null;
}

const HOST_OF: Record<ServerRole, SimHostName> = { ORIG: 'orig', NEW: 'new' };

/**
 * The trainee's hands on the simulated pair's tapes: what the technician does physically at the real
 * servers. Every action is a `simctl` command, the same the simulator offers at its shell prompt.
 */
export class TrainingDesk {
  constructor(private readonly store: SimStore) {}

  async tapes(): Promise<TrainingTape[]> {
    const state = await this.store.read();
    return Object.values(state.tapes).map((tape) => {
      const content = tape.content;
      const inDrive = (['ORIG', 'NEW'] as const).find((server) =>
        state.hosts[HOST_OF[server]].drives.some((drive) => drive.tapeId === tape.id),
      );
      return {
        id: tape.id,
        capacityBlocks: tape.capacityBlocks,
        writeProtected: tape.writeProtected,
        content:
          content === null
            ? 'blank'
            : content.kind === 'cmsadm'
              ? `CMSADM backup of ${content.host}, tape ${content.number}${content.of ? ` of ${content.of}` : ''}`
              : `maintenance backup ${content.volumeLabel}`,
        drive: inDrive ?? null,
      };
    });
  }

  /** Takes the tape out of whatever drive holds it and, unless `to` is null, puts it into `to`'s drive (emptied first). */
  async moveTape(tapeId: string, to: ServerRole | null): Promise<void> {
    const tape = (await this.tapes()).find((t) => t.id === tapeId);
    if (!tape) throw new Error(`There is no tape ${tapeId} in the training box.`);
    if (tape.drive) await this.simctl(tape.drive, ['eject']);
    if (to === null) return;
    const occupant = (await this.tapes()).find((t) => t.drive === to);
    if (occupant) await this.simctl(to, ['eject']);
    await this.simctl(to, ['insert', tapeId]);
  }

  async unpackTape(tapeId: string, capacityBlocks: number): Promise<void> {
    await this.simctl('ORIG', ['new-tape', tapeId, String(capacityBlocks)]);
  }

  async setWriteProtect(tapeId: string, on: boolean): Promise<void> {
    await this.simctl('ORIG', ['protect', tapeId, on ? 'on' : 'off']);
  }

  private async simctl(server: ServerRole, args: string[]): Promise<void> {
    let errors = '';
    const code = await runCommandLine(['simctl', ...args].join(' '), {
      io: {
        write: () => undefined,
        writeError: (text) => (errors += text),
        readLine: async () => null,
        readKey: async () => null,
        setRaw: () => undefined,
        setEcho: () => undefined,
      },
      store: this.store,
      host: HOST_OF[server],
      now: () => new Date(),
      delay: async () => undefined,
      terminalSize: () => null,
    });
    if (code !== 0) throw new Error(errors.replace(/^simctl: /, '').trim() || `simctl ${args[0]} failed`);
  }
}
