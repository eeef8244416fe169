import { useState } from 'react';
import { tapeRoleDefinition } from '../../../shared/procedure/tapeRoles.ts';
import type { Tape } from '../../../shared/session/sessionState.ts';
import type { SessionStore } from '../session/sessionStore.ts';
import { TapeDayChecklist } from './TapeDayChecklist.tsx';

/** What TapeRegister reads of the window's store. */
export const TAPE_REGISTER_KEYS = ['readOnlyReason', 'state', 'updateTape'] as const;
export type TapeRegisterStore = Pick<SessionStore, (typeof TAPE_REGISTER_KEYS)[number]>;

/** Every tape of the session, then the labelling checklist: what to write on each, its switch, where it is. */
export function TapeRegister({ store }: { store: TapeRegisterStore }) {
  const tapes = Object.values(store.state.tapes);
  const toLabel = tapes.filter((tape) => !tape.labelled || !tape.writeProtected).length;
  return (
    <section aria-labelledby="tapes-heading">
      <h2 id="tapes-heading">Tapes</h2>
      <TapeDayChecklist state={store.state} />
      {tapes.length === 0 ? (
        <p>No tape written yet.</p>
      ) : (
        <>
          <table className="plan">
            <thead>
              <tr>
                <th scope="col">Tape</th>
                <th scope="col">Role</th>
                <th scope="col">Label</th>
                <th scope="col">n of N</th>
                <th scope="col">Server</th>
                <th scope="col">Date</th>
                <th scope="col">CMS</th>
                <th scope="col">Write-protected</th>
                <th scope="col">Verified</th>
                <th scope="col">Where</th>
              </tr>
            </thead>
            <tbody>
              {tapes.map((tape) => (
                <tr key={tape.id} data-tape={tape.id}>
                  <th scope="row">{tape.id}</th>
                  <td title={tapeRoleDefinition(tape.role).title}>{tape.role}</td>
                  <td>{tape.labelText}</td>
                  <td>
                    {tape.sequence.number} of {tape.sequence.of}
                  </td>
                  <td>{tape.server}</td>
                  <td>{tape.backupDate}</td>
                  <td>{tape.cmsVersion}</td>
                  <td>{tape.writeProtected ? 'yes' : 'NO — set the switch'}</td>
                  <td>{tape.verified ? 'yes' : 'no'}</td>
                  <td>{tape.location}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Labelling checklist</h3>
          <p>
            {toLabel === 0
              ? 'Every tape is labelled and write-protected.'
              : `${toLabel} tape(s) still to do.`}
          </p>
          <ul className="label-checklist">
            {tapes.map((tape) => (
              <LabelItem key={tape.id} tape={tape} store={store} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function LabelItem({ tape, store }: { tape: Tape; store: TapeRegisterStore }) {
  const [location, setLocation] = useState(tape.location);
  const locked = store.readOnlyReason !== null;
  return (
    <li aria-label={`Label of ${tape.id}`}>
      <p>
        <strong>{tape.id}</strong> — write on the label: <q className="label-text">{tape.labelText}</q>
        {' · '}
        {tapeRoleDefinition(tape.role).title} · tape {tape.sequence.number} of {tape.sequence.of} ·{' '}
        {tape.backupDate} · {tape.server} · CMS {tape.cmsVersion}
      </p>
      <label>
        <input
          type="checkbox"
          checked={tape.labelled}
          disabled={locked}
          onChange={(e) => void store.updateTape({ tapeId: tape.id, labelled: e.target.checked })}
        />{' '}
        Label written
      </label>{' '}
      <label>
        <input
          type="checkbox"
          checked={tape.writeProtected}
          disabled={locked}
          onChange={(e) => void store.updateTape({ tapeId: tape.id, writeProtected: e.target.checked })}
        />{' '}
        Write-protect switch set
      </label>{' '}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void store.updateTape({ tapeId: tape.id, location: location.trim() });
        }}
      >
        <label>
          Where it is now{' '}
          <input value={location} onChange={(e) => setLocation(e.target.value)} maxLength={200} required />
        </label>
        <button type="submit" disabled={locked || location.trim() === tape.location}>
          Save where {tape.id} is
        </button>
      </form>
    </li>
  );
}
