import type { SessionStore } from '../session/sessionStore.ts';
/**
 * What the app reads off the CMS window on screen against what the step prescribes. When the app can
 * tell that a key activates Run, it holds that key and asks; otherwise this note is the only warning.
 */
export function WindowCheckNote({ check }: { check: NonNullable<SessionStore['terminalCheck']> }) {
  if (check.differences === null)
    return (
      <div role="status" className="window-check unreadable" aria-label="Check of the CMS window">
        <p>
          {check.window} is on the screen, but its selections could not be read ({check.unreadable}). Compare
          them yourself with what {check.stepId} requires: {check.requirement}
        </p>
      </div>
    );
  if (check.differences.length === 0)
    return (
      <div role="status" className="window-check matches" aria-label="Check of the CMS window">
        <p>
          {check.window}: the selections on the screen are the ones {check.stepId} requires.
        </p>
      </div>
    );
  return (
    <div role="alert" className="window-check differs" aria-label="Check of the CMS window">
      <p>
        {check.window}: the selections on the screen are not the ones {check.stepId} requires. Do not select
        Run until they are:
      </p>
      <ul>
        {check.differences.map((difference) => (
          <li key={difference}>{difference}</li>
        ))}
      </ul>
      <p>{check.requirement}</p>
    </div>
  );
}
