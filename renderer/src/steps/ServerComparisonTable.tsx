import type { ComparisonRow } from '../../../shared/procedure/serverComparison.ts';

const OUTCOME_TEXT: Record<ComparisonRow['outcome'], string> = {
  same: 'same',
  differs: 'differs: judged by you',
  expected: 'differs, as the procedure expects',
  unreadable: 'not read: judged by you',
  'not-compared': 'not compared',
};

/** ORIG and NEW side by side, as compared before D2 or D8. */
export function ServerComparisonTable({ before, rows }: { before: string; rows: readonly ComparisonRow[] }) {
  return (
    <table className="plan comparison" aria-label={`ORIG and NEW compared before ${before}`}>
      <thead>
        <tr>
          <th scope="col">Compared before {before}</th>
          <th scope="col">ORIG</th>
          <th scope="col">NEW</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.aspect} data-outcome={row.outcome}>
            <th scope="row">{row.aspect}</th>
            <td>{row.orig}</td>
            <td>{row.new}</td>
            <td>
              {OUTCOME_TEXT[row.outcome] ?? row.outcome}
              {row.note ? ` (${row.note})` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
