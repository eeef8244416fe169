import { tapeRoleDefinition } from '../../../shared/procedure/tapeRoles.ts';
import type { SessionState } from '../../../shared/session/sessionState.ts';

/** Every tape of the session, with what the labelling checklist asks for. */
export function TapeRegister({ state }: { state: SessionState }) {
  const tapes = Object.values(state.tapes);
  return (
    <section aria-labelledby="tapes-heading">
      <h2 id="tapes-heading">Tapes</h2>
      {tapes.length === 0 ? (
        <p>No tape written yet.</p>
      ) : (
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
      )}
    </section>
  );
}
