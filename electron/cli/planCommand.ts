import { planSummary, type PlanStepSummary } from '../../shared/procedure/planSummary.ts';

const PHASE_HEADINGS = {
  'day-before': 'Day before (about 24 h ahead)',
  'upgrade-day': 'Upgrade day',
  rollback: 'The way back (only if the upgrade is called off, from P4 on)',
} as const;

/** `cms-ha plan [--json]`: the procedure as a readable table, or as JSON. */
export function planCommand(options: { json: boolean }): string {
  const steps = planSummary();
  if (options.json) return `${JSON.stringify(steps, null, 2)}\n`;
  return formatPlanTable(steps);
}

export function formatPlanTable(steps: readonly PlanStepSummary[]): string {
  const columns = [
    { heading: 'Step', value: (s: PlanStepSummary) => s.id },
    { heading: 'Where', value: (s: PlanStepSummary) => s.server },
    { heading: 'How', value: (s: PlanStepSummary) => s.kind },
    { heading: 'After', value: (s: PlanStepSummary) => s.prerequisites.join(',') || '-' },
    { heading: 'Tapes in', value: (s: PlanStepSummary) => s.tapesIn.join(', ') || '-' },
    { heading: 'Tapes out', value: (s: PlanStepSummary) => s.tapesOut.join(', ') || '-' },
    { heading: 'What', value: (s: PlanStepSummary) => s.title },
  ];
  const widths = columns.map((column) =>
    Math.max(column.heading.length, ...steps.map((step) => column.value(step).length)),
  );
  const row = (cells: string[]) =>
    cells
      .map((cell, index) => (index === cells.length - 1 ? cell : cell.padEnd(widths[index]!)))
      .join('  ')
      .trimEnd();
  const out: string[] = [];
  for (const phase of ['day-before', 'upgrade-day', 'rollback'] as const) {
    out.push(PHASE_HEADINGS[phase], '');
    out.push(row(columns.map((c) => c.heading)));
    out.push(row(widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? 4 : w))));
    for (const step of steps.filter((s) => s.phase === phase))
      out.push(row(columns.map((c) => c.value(step))));
    out.push('');
  }
  out.push(
    'How: automated = the app runs it over SSH; guided = CMS menus, the app checks the result; manual = checklist.',
  );
  return `${out.join('\n')}\n`;
}
