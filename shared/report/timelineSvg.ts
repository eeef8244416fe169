import type { Clock } from '../session/sessionState.ts';
import type { StepAttempt, TimelineLane } from '../session/stepTimeline.ts';
import { timelineLayout } from '../session/timelineLayout.ts';
import { escapeHtml, reportTime } from './reportFormat.ts';

const LANE_TITLES: Record<TimelineLane, string> = {
  ORIG: 'ORIG',
  NEW: 'NEW',
  switch: 'Switch',
  technician: 'Technician',
};
const COLOURS = { passed: '#38a169', failed: '#e53e3e', interrupted: '#e53e3e', running: '#d69e2e' };

/** The report's timeline picture: the app's chart layout as a self-contained SVG, step names on the bars. */
export function timelineSvg(
  attempts: readonly StepAttempt[],
  outage: Clock,
  now: number,
  time: (iso: string) => string = reportTime,
): string {
  const layout = timelineLayout(attempts, outage, now);
  if (!layout) return '<p>No step has run yet.</p>';
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="Timeline of the steps on each server" class="timeline">`,
    `<rect x="0" y="0" width="${layout.width}" height="${layout.height}" fill="#fff" stroke="#d0d5dc"/>`,
  ];
  if (layout.outage)
    parts.push(
      `<rect x="${layout.outage.x.toFixed(1)}" y="0" width="${layout.outage.width.toFixed(1)}" height="${layout.height}" fill="#fefcbf"><title>Outage window</title></rect>`,
    );
  parts.push(
    `<text x="${layout.labelX}" y="14" font-size="11">${escapeHtml(time(new Date(layout.start).toISOString()))}</text>`,
    `<text x="${layout.width - 10}" y="14" font-size="11" text-anchor="end">${escapeHtml(time(new Date(layout.finish).toISOString()))}</text>`,
  );
  for (const { lane, labelY } of layout.lanes)
    parts.push(`<text x="4" y="${labelY}" font-size="13">${LANE_TITLES[lane]}</text>`);
  for (const bar of layout.bars) {
    const title = `${bar.attempt.stepId} attempt ${bar.attempt.attempt}: ${bar.outcome}${bar.attempt.reason ? ` (${bar.attempt.reason})` : ''}`;
    parts.push(
      `<rect x="${bar.x.toFixed(1)}" y="${bar.y}" width="${bar.width.toFixed(1)}" height="${bar.height}" fill="${COLOURS[bar.outcome]}"><title>${escapeHtml(title)}</title></rect>`,
    );
    if (bar.width >= 22)
      parts.push(
        `<text x="${(bar.x + 3).toFixed(1)}" y="${bar.y + bar.height - 7}" font-size="10" fill="#fff">${bar.attempt.stepId}</text>`,
      );
  }
  parts.push('</svg>');
  return parts.join('');
}
