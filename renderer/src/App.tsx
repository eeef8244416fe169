import { PROCEDURE_STEPS } from '../../shared/procedure/steps.ts';
import { PlanTable } from './plan/PlanTable.tsx';

/** The app's window. For now: the HA upgrade plan; sessions, servers and steps arrive with later work. */
export function App() {
  return (
    <main>
      <header>
        <h1>CMS HA Upgrade</h1>
        <p>Avaya CMS R3V11: turn a single CMS server into a High Availability pair.</p>
      </header>
      <PlanTable steps={PROCEDURE_STEPS} />
    </main>
  );
}
