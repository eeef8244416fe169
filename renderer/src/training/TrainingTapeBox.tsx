import { useEffect, useState } from 'react';
import type { SessionStore, TrainingTape } from '../session/sessionStore.ts';

/** What TrainingTapeBox reads of the window's store. */
export const TRAINING_TAPE_BOX_KEYS = [
  'connectTraining',
  'moveTrainingTape',
  'protectTrainingTape',
  'refreshTrainingTapes',
  'state',
  'trainingTapes',
  'unpackTrainingTape',
] as const;
export type TrainingTapeBoxStore = Pick<SessionStore, (typeof TRAINING_TAPE_BOX_KEYS)[number]>;

/**
 * Training only: the trainee's hands at the simulated servers. Tapes go into a drive or back on the desk
 * here, as they would by hand at the real servers; the app itself never moves a tape.
 */
export function TrainingTapeBox({ store }: { store: TrainingTapeBoxStore }) {
  const { refreshTrainingTapes } = store;
  const eventCount = store.state.eventCount;
  // Backups and restores change what is on the tapes: reread the box whenever the journal moves on.
  useEffect(() => void refreshTrainingTapes(), [refreshTrainingTapes, eventCount]);
  return (
    <section aria-labelledby="tape-box-heading" className="tape-box">
      <h2 id="tape-box-heading">Training: the tape box</h2>
      <p>At a real site you carry these tapes between the servers yourself.</p>
      {store.trainingTapes === null ? (
        <p>
          The simulated pair is not running in this run of the app.{' '}
          <button type="button" onClick={() => void store.connectTraining()}>
            Start the simulated pair
          </button>
        </p>
      ) : (
        <>
          <TapeTable store={store} tapes={store.trainingTapes} />
          <UnpackForm store={store} />
        </>
      )}
    </section>
  );
}

function TapeTable({ store, tapes }: { store: TrainingTapeBoxStore; tapes: readonly TrainingTape[] }) {
  return (
    <table className="plan">
      <thead>
        <tr>
          <th scope="col">Tape</th>
          <th scope="col">On it</th>
          <th scope="col">Where</th>
          <th scope="col">Switch</th>
          <th scope="col">
            <span className="visually-hidden">Move</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tapes.map((tape) => (
          <tr key={tape.id} data-training-tape={tape.id}>
            <th scope="row">{tape.id}</th>
            <td>{tape.content}</td>
            <td>{tape.drive ? `${tape.drive} drive` : 'on the desk'}</td>
            <td>
              <label>
                <input
                  type="checkbox"
                  checked={tape.writeProtected}
                  onChange={(e) => void store.protectTrainingTape(tape.id, e.target.checked)}
                />{' '}
                write-protected
              </label>
            </td>
            <td>
              {(['ORIG', 'NEW'] as const)
                .filter((server) => tape.drive !== server)
                .map((server) => (
                  <button
                    key={server}
                    type="button"
                    aria-label={`Put ${tape.id} into the ${server} drive`}
                    onClick={() => void store.moveTrainingTape(tape.id, server)}
                  >
                    Into {server}
                  </button>
                ))}
              {tape.drive && (
                <button
                  type="button"
                  aria-label={`Take ${tape.id} out`}
                  onClick={() => void store.moveTrainingTape(tape.id, null)}
                >
                  Eject
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function UnpackForm({ store }: { store: TrainingTapeBoxStore }) {
  const [name, setName] = useState('');
  const [blocks, setBlocks] = useState('1000000');
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void store.unpackTrainingTape(name.trim(), Number(blocks));
        setName('');
      }}
    >
      <label>
        New tape name <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        Capacity in blocks{' '}
        <input type="number" min={1000} value={blocks} onChange={(e) => setBlocks(e.target.value)} required />
      </label>
      <button type="submit">Unpack a blank tape</button>
    </form>
  );
}
