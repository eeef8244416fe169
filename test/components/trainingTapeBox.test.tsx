import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TrainingTapeBox } from '../../renderer/src/training/TrainingTapeBox.tsx';
import { storeWith } from './fakeStore.ts';

afterEach(cleanup);

describe('TrainingTapeBox', () => {
  it('moves a tape into either drive or out, sets its switch, and unpacks a short tape', async () => {
    const store = storeWith({
      trainingTapes: [
        { id: 'DDS4-01', capacityBlocks: 40_000_000, writeProtected: false, content: 'blank', drive: 'ORIG' },
        { id: 'DDS4-02', capacityBlocks: 40_000_000, writeProtected: true, content: 'blank', drive: null },
      ],
    });
    const { container } = render(<TrainingTapeBox store={store} />);
    expect(store.refreshTrainingTapes).toHaveBeenCalled();
    const first = container.querySelector<HTMLElement>('[data-training-tape="DDS4-01"]')!;
    expect(first.textContent).toContain('ORIG drive');
    expect(within(first).queryByRole('button', { name: 'Put DDS4-01 into the ORIG drive' })).toBeNull();
    await userEvent.click(within(first).getByRole('button', { name: 'Put DDS4-01 into the NEW drive' }));
    expect(store.moveTrainingTape).toHaveBeenCalledWith('DDS4-01', 'NEW');
    await userEvent.click(within(first).getByRole('button', { name: 'Take DDS4-01 out' }));
    expect(store.moveTrainingTape).toHaveBeenLastCalledWith('DDS4-01', null);
    await userEvent.click(within(first).getByRole('checkbox', { name: 'write-protected' }));
    expect(store.protectTrainingTape).toHaveBeenCalledWith('DDS4-01', true);

    await userEvent.type(screen.getByLabelText('New tape name'), 'SHORT-1');
    await userEvent.clear(screen.getByLabelText('Capacity in blocks'));
    await userEvent.type(screen.getByLabelText('Capacity in blocks'), '500000');
    await userEvent.click(screen.getByRole('button', { name: 'Unpack a blank tape' }));
    expect(store.unpackTrainingTape).toHaveBeenCalledWith('SHORT-1', 500_000);
  });

  it('offers to start the simulated pair when it is not running (a training session reopened later)', async () => {
    const store = storeWith({ trainingTapes: null });
    render(<TrainingTapeBox store={store} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start the simulated pair' }));
    expect(store.connectTraining).toHaveBeenCalled();
  });
});
