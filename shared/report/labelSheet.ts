import type { ReportSigning } from './reportHtml.ts';
import { groupedHex } from './signedHead.ts';
import { TAPE_ROLE_DEFINITIONS, tapeRoleDefinition } from '../procedure/tapeRoles.ts';
import type { SessionState, Tape } from '../session/sessionState.ts';
import { escapeHtml as e } from './reportFormat.ts';
import { tapeChecklist, type ChecklistTape } from './tapeChecklist.ts';

/**
 * Labels in the layout of A4 sheets of 14 (2 × 7, 99.1 × 38.1 mm: Avery L7163 / J8163 and their
 * equivalents). On plain paper the dashed borders are the cutting lines.
 */
const STYLE = `
@page { size: A4; margin: 15.1mm 4.65mm 0 4.65mm; }
body { margin: 0; font-family: "DejaVu Sans", Arial, sans-serif; color: #000; }
.sheet { display: grid; grid-template-columns: repeat(2, 99.1mm); grid-auto-rows: 38.1mm; column-gap: 2.5mm; }
.label { box-sizing: border-box; height: 38.1mm; padding: 2mm 3mm; border: 0.2mm dashed #999; overflow: hidden; font-size: 7.5pt; line-height: 1.25; break-inside: avoid; }
.label .id { font-size: 12pt; font-weight: bold; }
.label .volume { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; font-weight: bold; }
.label .protect { font-weight: bold; margin-top: 0.8mm; }
.blank { color: #555; }
.checklist { break-before: page; margin: 0 10mm; font-size: 10pt; }
.checklist table { border-collapse: collapse; width: 100%; }
.checklist th, .checklist td { border: 1px solid #999; padding: 1mm 2mm; text-align: left; }
`;

/** Printable labels for every tape of the session (and blank ones for tapes still to write), then the tape checklist. */
export function renderLabelSheet(
  state: SessionState,
  hostnames: Partial<Record<'ORIG' | 'NEW', string>>,
  signing: ReportSigning | null = null,
): string {
  const written = Object.values(state.tapes);
  const toWrite = TAPE_ROLE_DEFINITIONS.filter(
    (definition) => !written.some((t) => t.role === definition.role),
  );
  const labels = [
    ...written.map((tape) => writtenLabel(tape, hostnames[tape.server] ?? tape.server)),
    ...toWrite.map((definition) =>
      blankLabel(definition.role, hostnames[definition.server] ?? definition.server),
    ),
  ];
  const site = state.session?.site ?? '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Tape labels — ${e(site)}</title><style>${STYLE}</style></head>
<body>
<div class="sheet">${labels.join('')}</div>
${checklistPage(state, site)}
${signing ? `<p class="signed-head">Made from the session's journal after ${signing.head.events} events, journal head fingerprint ${e(groupedHex(signing.head.hash))}, signed by installation key ${e(signing.keyFingerprint)}.</p>` : ''}
</body></html>
`;
}

function writtenLabel(tape: Tape, host: string): string {
  const definition = tapeRoleDefinition(tape.role);
  const volume =
    definition.kind === 'maintenance'
      ? `<div class="volume">CMS volume label: ${e(tape.labelText)}</div>`
      : '';
  return `<div class="label" data-tape="${e(tape.id)}">
<div class="id">${e(tape.id)} — tape ${tape.sequence.number} of ${tape.sequence.of}</div>
<div>${e(definition.title)}</div>
<div>Server ${e(host)} (${tape.server}) · ${e(tape.backupDate)} · CMS ${e(tape.cmsVersion)}</div>
<div>${e(definition.contents)}</div>
${volume}
<div class="protect">WRITE-PROTECT: switch set to read-only ☐</div>
</div>`;
}

function blankLabel(role: Tape['role'], host: string): string {
  const definition = tapeRoleDefinition(role);
  return `<div class="label blank" data-role="${role}">
<div class="id">Tape ____ of ____ (${role})</div>
<div>${e(definition.title)}</div>
<div>Server ${e(host)} · date __________ · CMS ____________</div>
<div>${e(definition.contents)}</div>
${definition.kind === 'maintenance' ? '<div class="volume">CMS volume label: ______________________________</div>' : ''}
<div class="protect">WRITE-PROTECT: switch set to read-only ☐</div>
</div>`;
}

function checklistPage(state: SessionState, site: string): string {
  const checklist = tapeChecklist(state);
  const row = (tape: ChecklistTape) =>
    `<tr><td>${tape.role}</td><td>${e(tape.title)}</td><td>${tape.writtenBy}</td><td>${tape.usedBy.join(', ') || '—'}</td><td>${e(tape.whereabouts.join('; ') || 'not written yet')}</td></tr>`;
  const table = (tapes: ChecklistTape[]) =>
    tapes.length === 0
      ? '<p>None.</p>'
      : `<table><thead><tr><th>Role</th><th>Tape</th><th>Written in</th><th>Read in</th><th>Tape ids</th></tr></thead><tbody>${tapes.map(row).join('')}</tbody></table>`;
  return `<section class="checklist">
<h1>Tape checklist — ${e(site)}</h1>
<p>${e(checklist.minimumTapes)} A CMSADM backup may fill more than one tape: bring spares.</p>
${checklist.days
  .map(
    (day) =>
      `<h2>${e(day.title)}</h2><h3>Blank tapes to write</h3>${table(day.toWrite)}<h3>Tapes to bring from the day before</h3>${table(day.toBring)}`,
  )
  .join('')}
<h2>After the upgrade</h2>
<p>Once the full maintenance backup of NEW (D9) is done, it is the first archive tape of the HA system; the other maintenance tapes of the upgrade may go back into the nightly rotation.</p>
<h3>Keep</h3>${table(checklist.keep)}
<h3>May be reused for nightly maintenance backups</h3>${table(checklist.reusable)}
</section>`;
}
