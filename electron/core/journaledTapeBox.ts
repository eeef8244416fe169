import type { ServerRole } from '../../shared/procedure/types.ts';
import type { SessionEvent } from '../../shared/session/sessionEvents.ts';
import { runningStepOf } from '../../shared/session/sessionState.ts';
import { describePlace, samePlace, type TapePlace } from '../../shared/session/tapePlace.ts';
import type { SessionJournal } from '../journal/sessionJournal.ts';
import type { TrainingDesk, TrainingTape } from '../simulator/trainingDesk.ts';

const placeOnDesk = (tape: TrainingTape): TapePlace =>
  tape.drive ? { kind: 'drive', server: tape.drive } : { kind: 'desk' };

/**
 * The training tape box, journaled: every move of a simulated cartridge and every switch the trainee sets
 * is recorded as the box's word (`training-box`), and a tape registered by a step is set to what the box
 * says of it (its place, its write-protect switch), the one witness that is always right in training.
 */
export class JournaledTapeBox {
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly desk: () => Promise<TrainingDesk | null>,
    private readonly journal: () => SessionJournal,
  ) {}

  async move(tapeId: string, to: ServerRole | null): Promise<void> {
    const desk = await this.requireDesk();
    const before = await desk.tapes();
    await desk.moveTape(tapeId, to);
    await this.recordMoves(before, await desk.tapes());
  }

  /** A new blank cartridge, on the desk. */
  async unpack(tapeId: string, capacityBlocks: number): Promise<void> {
    await (await this.requireDesk()).unpackTape(tapeId, capacityBlocks);
    await this.record(tapeId, { kind: 'desk' });
  }

  /** Empties a server's drive onto the desk (nothing when it is empty). */
  async eject(server: ServerRole): Promise<void> {
    const occupant = (await (await this.requireDesk()).tapes()).find((tape) => tape.drive === server);
    if (occupant) await this.move(occupant.id, null);
  }

  async protect(tapeId: string, writeProtected: boolean): Promise<void> {
    await (await this.requireDesk()).setWriteProtect(tapeId, writeProtected);
    if (this.journal().state.tapes[tapeId]) await this.recordSwitch(tapeId, writeProtected);
  }

  /** Keeps registered tapes as the box says, from now on; returns the function that stops it. */
  watchRegistrations(): () => void {
    return this.journal().subscribe((event: SessionEvent) => {
      if (event.type !== 'tape-registered') return;
      this.pending = this.pending.then(() => this.reconcile(event.tapeId)).catch(() => undefined);
    });
  }

  /** Resolves once every registration seen so far has been set to what the box says. */
  settled(): Promise<void> {
    return this.pending;
  }

  private async reconcile(tapeId: string): Promise<void> {
    const desk = await this.desk();
    const truth = (await desk?.tapes())?.find((tape) => tape.id === tapeId);
    const registered = this.journal().state.tapes[tapeId];
    if (!truth || !registered) return;
    if (!samePlace(registered.place, placeOnDesk(truth)) || registered.placeSaidBy !== 'training-box')
      await this.record(tapeId, placeOnDesk(truth));
    if (
      registered.writeProtectSaidBy !== 'training-box' ||
      registered.writeProtected !== truth.writeProtected
    )
      await this.recordSwitch(tapeId, truth.writeProtected);
  }

  /** Tapes taken out first, then the one put in: the journal never holds two cartridges in one drive. */
  private async recordMoves(before: TrainingTape[], after: TrainingTape[]): Promise<void> {
    const was = new Map(before.map((tape) => [tape.id, placeOnDesk(tape)]));
    const changed = after.filter((tape) => {
      const previous = was.get(tape.id);
      return !previous || describePlace(previous) !== describePlace(placeOnDesk(tape));
    });
    for (const tape of [...changed.filter((t) => !t.drive), ...changed.filter((t) => t.drive)])
      await this.record(tape.id, placeOnDesk(tape));
  }

  private async record(tapeId: string, to: TapePlace): Promise<void> {
    const journal = this.journal();
    await journal.append({
      type: 'tape-moved',
      tapeId,
      to,
      by: 'training-box',
      stepId: runningStepOf(journal.state),
      at: new Date().toISOString(),
    });
  }

  private async recordSwitch(tapeId: string, writeProtected: boolean): Promise<void> {
    await this.journal().append({
      type: 'tape-updated',
      tapeId,
      writeProtected,
      writeProtectSaidBy: 'training-box',
      at: new Date().toISOString(),
    });
  }

  private async requireDesk(): Promise<TrainingDesk> {
    const desk = await this.desk();
    if (!desk) throw new Error('The simulated pair is not running.');
    return desk;
  }
}
