import { describe, expect, it } from 'vitest';
import { TrainingDesk } from '../../../electron/simulator/trainingDesk.ts';
import { freshPair, runSim } from '../../support/simProgramRunner.ts';

describe("the trainee's tape box", () => {
  it('moves tapes between the drives and the desk the way hands would, emptying a drive first', async () => {
    const store = freshPair();
    const desk = new TrainingDesk(store);
    await desk.moveTape('DDS4-01', 'ORIG');
    await desk.moveTape('DDS4-02', 'ORIG');
    await desk.moveTape('DDS4-01', 'NEW');
    const where = Object.fromEntries((await desk.tapes()).map((t) => [t.id, t.drive]));
    expect(where).toMatchObject({ 'DDS4-01': 'NEW', 'DDS4-02': 'ORIG', 'DDS4-03': null });
    // The simulated servers see the same drives.
    expect((await runSim(store, 'mt -f /dev/rmt/0 status', [], 'new')).code).toBe(0);
    await desk.moveTape('DDS4-02', null);
    expect((await desk.tapes()).find((t) => t.id === 'DDS4-02')!.drive).toBeNull();
  });

  it('unpacks a short tape and sets write-protect switches', async () => {
    const desk = new TrainingDesk(freshPair());
    await desk.unpackTape('SHORT-1', 500_000);
    await desk.setWriteProtect('SHORT-1', true);
    expect((await desk.tapes()).find((t) => t.id === 'SHORT-1')).toEqual({
      id: 'SHORT-1',
      capacityBlocks: 500_000,
      writeProtected: true,
      content: 'blank',
      drive: null,
    });
  });

  it('says what is wrong with a move that cannot be made', async () => {
    const store = freshPair();
    const desk = new TrainingDesk(store);
    await expect(desk.moveTape('NOPE-9', 'ORIG')).rejects.toThrow(
      'There is no tape NOPE-9 in the training box.',
    );
    await desk.moveTape('DDS4-01', 'ORIG');
    await runSim(store, 'simctl drive /dev/rmt/0 busy');
    await expect(desk.moveTape('DDS4-01', 'NEW')).rejects.toThrow('/dev/rmt/0 is busy');
  });
});
