import { selectionsAsWindow } from '../../../shared/procedure/selectionsAsWindow.ts';
import { evidenceSentence } from '../../../shared/report/evidenceSentence.ts';
import { windowAtRunText } from '../../../shared/report/windowAtRun.ts';
import { stepDefinition } from '../../../shared/procedure/procedureGraph.ts';
import type { StepId } from '../../../shared/procedure/types.ts';
import type { SessionState, StepRun } from '../../../shared/session/sessionState.ts';
import { comparisonOf } from '../../../shared/procedure/serverComparison.ts';
import { ServerComparisonTable } from './ServerComparisonTable.tsx';

/** One step as the manual describes it, with what this session has done of it. */
export function StepDetail({ stepId, state }: { stepId: StepId; state: SessionState }) {
  const step = stepDefinition(stepId);
  const run = state.steps[stepId];
  return (
    <section aria-labelledby="step-detail-heading" className="step-detail">
      <h2 id="step-detail-heading">
        {step.id}: {step.title}
      </h2>
      <p>
        {step.target} · {step.kind} · {run.status}
        {run.attempts > 1 ? ` (attempt ${run.attempts})` : ''} · manual:{' '}
        {step.manual.map((ref) => `${ref.section} (p. ${ref.page})`).join('; ')}
      </p>
      {step.notes.length > 0 && (
        <ul className="notes">
          {step.notes.map((note) => (
            <li key={note.text} data-kind={note.kind}>
              <strong>{note.kind.toUpperCase()}:</strong> {note.text}
            </li>
          ))}
        </ul>
      )}
      {(step.tapesIn.length > 0 || step.tapesOut.length > 0) && (
        <p>
          {step.tapesIn.length > 0 && (
            <>
              Tapes to insert:{' '}
              {step.tapesIn
                .map((role) => {
                  const ids = Object.values(state.tapes)
                    .filter((tape) => tape.role === role)
                    .map((tape) => tape.id);
                  return `${role} (${ids.length > 0 ? ids.join(', ') : 'not written yet'})`;
                })
                .join(', ')}
              .{' '}
            </>
          )}
          {step.tapesOut.length > 0 && <>Tapes written: {step.tapesOut.join(', ')}.</>}
        </p>
      )}
      <h3>Checklist</h3>
      <ul className="checklist">
        {step.checklist.map((item) => (
          <li key={item.id}>
            <label>
              <input type="checkbox" readOnly checked={run.checkedItems.includes(item.id)} /> {item.text}
            </label>
            {item.selections && (
              <pre className="cms-window" aria-label={`${item.selections.window} as it must look`}>
                {selectionsAsWindow(item.selections).join('\n')}
              </pre>
            )}
          </li>
        ))}
      </ul>
      {run.evidence.length > 0 && (
        <>
          <h3>Evidence</h3>
          <ul>
            {run.evidence.map((evidence, index) => {
              const comparison =
                evidence.kind === 'parsed' && evidence.parser === 'server-comparison'
                  ? comparisonOf(evidence.result)
                  : null;
              return (
                <li key={index}>
                  {comparison ? (
                    <ServerComparisonTable before={comparison.before} rows={comparison.rows} />
                  ) : (
                    <>
                      {evidenceTitle(evidence)}
                      {evidence.server && evidence.kind !== 'parsed' ? ` (${evidence.server})` : ''}
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function evidenceTitle(evidence: StepRun['evidence'][number]): string {
  switch (evidence.kind) {
    case 'transcript':
      return `Transcript ${evidence.path}`;
    case 'parsed':
      return evidenceSentence(evidence.parser, evidence.result, evidence.server);
    case 'window-at-run':
      return windowAtRunText(evidence);
    case 'verdict':
      return `${evidence.reading.about}: judged ${evidence.verdict.verdict === 'looks-right' ? 'right' : 'wrong'} by the technician (${evidence.verdict.reason})`;
  }
}
