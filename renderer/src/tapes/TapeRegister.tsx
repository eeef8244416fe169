import { useState } from 'react';
import { tapeRoleDefinition } from '../../../shared/procedure/tapeRoles.ts';
import { TAPE_CORRECTIONS, type TapeCorrection } from '../../../shared/session/sessionEvents.ts';
import type { Tape } from '../../../shared/session/sessionState.ts';
import { describePlace, describeWitness, type TapePlace } from '../../../shared/session/tapePlace.ts';
import type { SessionStore } from '../session/sessionStore.ts';
import { TapeDayChecklist } from './TapeDayChecklist.tsx';

/** What TapeRegister reads of the window's store. */
export const TAPE_REGISTER_KEYS = [
  'correctTape',
  'moveTape',
  'readOnlyReason',
  'state',
  'updateTape',
] as const;
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
                  <td>
                    {tape.writeProtected ? 'yes' : 'NO — set the switch'}{' '}
                    <small>({describeWitness(tape.writeProtectSaidBy)})</small>
                  </td>
                  <td>{tape.verified ? 'yes' : 'no'}</td>
                  <td>
                    {describePlace(tape.place)} <small>({describeWitness(tape.placeSaidBy)})</small>
                    {tape.condition !== 'intact' && (
                      <strong className="tape-condition"> — {tape.condition.toUpperCase()}</strong>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <OtherTapes store={store} />
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
      <PlaceForm tape={tape} store={store} locked={locked} />
      <CorrectionForm tape={tape} store={store} locked={locked} />
      {tape.corrections.length > 0 && (
        <ul aria-label={`Corrections of ${tape.id}`}>
          {tape.corrections.map((entry, index) => (
            <li key={index}>
              {entry.correction}
              {entry.detail ? ` (${entry.detail})` : ''}: {entry.reason} — {entry.by},{' '}
              {entry.at.slice(0, 16).replace('T', ' ')}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

const CORRECTION_LABELS: Record<TapeCorrection, string> = {
  overwritten: 'was written over',
  lost: 'is lost',
  discarded: 'was discarded',
  relabelled: 'was relabelled',
  moved: 'is somewhere else',
};

/** The technician's correction of the register: what happened to the tape, why, and who says so. */
function CorrectionForm({ tape, store, locked }: { tape: Tape; store: TapeRegisterStore; locked: boolean }) {
  const [correction, setCorrection] = useState<TapeCorrection>('overwritten');
  const [detail, setDetail] = useState('');
  const [reason, setReason] = useState('');
  const [by, setBy] = useState('');
  const needsDetail = correction === 'moved' || correction === 'relabelled';
  const ready = reason.trim() !== '' && by.trim() !== '' && (!needsDetail || detail.trim() !== '');
  return (
    <form
      className="inline-form"
      aria-label={`Correct the register for ${tape.id}`}
      onSubmit={(event) => {
        event.preventDefault();
        void store.correctTape({
          tapeId: tape.id,
          correction,
          ...(detail.trim() ? { detail: detail.trim() } : {}),
          reason: reason.trim(),
          by: by.trim(),
        });
        setReason('');
        setDetail('');
      }}
    >
      <label>
        {tape.id}{' '}
        <select value={correction} onChange={(e) => setCorrection(e.target.value as TapeCorrection)}>
          {TAPE_CORRECTIONS.map((option) => (
            <option key={option} value={option}>
              {CORRECTION_LABELS[option]}
            </option>
          ))}
        </select>
      </label>{' '}
      {needsDetail && (
        <label>
          {correction === 'moved' ? 'Where it is now' : 'What its label says now'}{' '}
          <input value={detail} onChange={(e) => setDetail(e.target.value)} maxLength={200} />
        </label>
      )}{' '}
      <label>
        Why <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
      </label>{' '}
      <label>
        Who says so <input value={by} onChange={(e) => setBy(e.target.value)} maxLength={100} />
      </label>{' '}
      <button type="submit" disabled={locked || !ready}>
        Record the correction of {tape.id}
      </button>
    </form>
  );
}

const PLACE_CHOICES = ['drive:ORIG', 'drive:NEW', 'desk', 'customer', 'bin', 'elsewhere'] as const;
type PlaceChoice = (typeof PLACE_CHOICES)[number];
const PLACE_CHOICE_LABELS: Record<PlaceChoice, string> = {
  'drive:ORIG': 'in the drive of ORIG',
  'drive:NEW': 'in the drive of NEW',
  desk: 'on the desk, with me',
  customer: 'handed to the customer',
  bin: 'discarded (bin)',
  elsewhere: 'somewhere else…',
};

function placeOfChoice(choice: PlaceChoice, where: string): TapePlace {
  if (choice === 'drive:ORIG' || choice === 'drive:NEW')
    return { kind: 'drive', server: choice === 'drive:ORIG' ? 'ORIG' : 'NEW' };
  if (choice === 'elsewhere') return { kind: 'elsewhere', where: where.trim() };
  return { kind: choice };
}

/** Where the technician says the cartridge is now: one of the places the app knows, or their own words. */
function PlaceForm({ tape, store, locked }: { tape: Tape; store: TapeRegisterStore; locked: boolean }) {
  const [choice, setChoice] = useState<PlaceChoice>('desk');
  const [where, setWhere] = useState('');
  const place = placeOfChoice(choice, where);
  const unchanged = describePlace(place) === describePlace(tape.place);
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void store.moveTape({ tapeId: tape.id, to: place });
      }}
    >
      <label>
        Where {tape.id} is now{' '}
        <select value={choice} onChange={(e) => setChoice(e.target.value as PlaceChoice)}>
          {PLACE_CHOICES.map((option) => (
            <option key={option} value={option}>
              {PLACE_CHOICE_LABELS[option]}
            </option>
          ))}
        </select>
      </label>
      {choice === 'elsewhere' && (
        <label>
          Where <input value={where} onChange={(e) => setWhere(e.target.value)} maxLength={200} required />
        </label>
      )}
      <button type="submit" disabled={locked || unchanged || (choice === 'elsewhere' && !where.trim())}>
        Save where {tape.id} is
      </button>
    </form>
  );
}

/** Tapes the journal saw move that hold no backup of this upgrade (blank ones, an old tape put aside). */
function OtherTapes({ store }: { store: TapeRegisterStore }) {
  const others = Object.entries(store.state.tapePlaces).filter(([id]) => !store.state.tapes[id]);
  if (others.length === 0) return null;
  return (
    <>
      <h3>Other tapes (no backup of this upgrade on them)</h3>
      <ul aria-label="Other tapes">
        {others.map(([id, whereabouts]) => (
          <li key={id}>
            {id}: {describePlace(whereabouts.place)} <small>({describeWitness(whereabouts.by)})</small>
          </li>
        ))}
      </ul>
    </>
  );
}
