import type { Phase, StepDefinition } from '../../../shared/procedure/types.ts';

const PHASES: readonly { phase: Phase; heading: string }[] = [
  { phase: 'day-before', heading: 'Day before (about 24 h ahead)' },
  { phase: 'upgrade-day', heading: 'Upgrade day' },
];

export function PlanTable({ steps }: { steps: readonly StepDefinition[] }) {
  return (
    <>
      {PHASES.map(({ phase, heading }) => (
        <section key={phase} aria-labelledby={`phase-${phase}`}>
          <h2 id={`phase-${phase}`}>{heading}</h2>
          <table className="plan">
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">What</th>
                <th scope="col">Where</th>
                <th scope="col">How</th>
                <th scope="col">After</th>
                <th scope="col">Tapes in</th>
                <th scope="col">Tapes out</th>
              </tr>
            </thead>
            <tbody>
              {steps
                .filter((step) => step.phase === phase)
                .map((step) => (
                  <tr key={step.id} data-step={step.id}>
                    <th scope="row">{step.id}</th>
                    <td>
                      {step.title}
                      {step.notes
                        .filter((note) => note.kind === 'discrepancy')
                        .map((note) => (
                          <p key={note.text} className="discrepancy">
                            Manual discrepancy: {note.text}
                          </p>
                        ))}
                    </td>
                    <td>{step.target}</td>
                    <td>{step.kind}</td>
                    <td>{step.prerequisites.join(', ') || '–'}</td>
                    <td>{step.tapesIn.join(', ') || '–'}</td>
                    <td>{step.tapesOut.join(', ') || '–'}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
