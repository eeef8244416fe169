import { selectionsAsWindow } from '../../../shared/procedure/selectionsAsWindow.ts';
import { evidenceSentence, verdictSentence } from '../../../shared/report/evidenceSentence.ts';
import { windowAtRunText } from '../../../shared/report/windowAtRun.ts';
import { stepDefinition } from '../../../shared/procedure/procedureGraph.ts';
import { RESPONSIBLE_PARTY_TITLES, type StepId } from '../../../shared/procedure/types.ts';
import { rollbackPlan } from '../../../shared/procedure/rollbackPlan.ts';
import { WAY_BACK } from '../../../shared/procedure/wayBack.ts';
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
            {item.responsible && (
              <span className="item-sign-off">
                {' '}
                {signOffOf(run, item.id) ??
                  `(signed off by the ${RESPONSIBLE_PARTY_TITLES[item.responsible]})`}
              </span>
            )}
            {item.selections && (
              <pre className="cms-window" aria-label={`${item.selections.window} as it must look`}>
                {selectionsAsWindow(item.selections).join('\n')}
              </pre>
            )}
          </li>
        ))}
      </ul>
      <WayBackSection stepId={stepId} state={state} />
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

function signOffOf(run: StepRun, itemId: string): string | null {
  const signOff = run.itemSignOffs.find((candidate) => candidate.itemId === itemId);
  return signOff
    ? `Signed off by ${signOff.name}, ${RESPONSIBLE_PARTY_TITLES[signOff.party]}, ${new Date(signOff.at).toLocaleString()}.`
    : null;
}

/** What to do if the step fails; for the rollback, which of its parts this session needs and why. */
function WayBackSection({ stepId, state }: { stepId: StepId; state: SessionState }) {
  if (stepId === 'RB') {
    const plan = rollbackPlan(state);
    return (
      <>
        <h3>What this rollback does</h3>
        <ul aria-label="Rollback plan">
          {Object.values(plan).map((part) => (
            <li key={part.why}>
              {part.needed ? '' : 'Not needed: '}
              {part.why}
            </li>
          ))}
          <li>Data collection is verified on every ACD of ORIG; the rollback window closes when it is.</li>
        </ul>
      </>
    );
  }
  const wayBack = WAY_BACK[stepId];
  return (
    <>
      <h3>If this step fails</h3>
      <p className="way-back">
        {wayBack.text}
        {wayBack.source ? ` (${wayBack.source.section}, p. ${wayBack.source.page})` : ''}
      </p>
    </>
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
      return verdictSentence(evidence.reading, evidence.verdict);
  }
}
