import { escapeHtml as e, reportDuration, reportTime } from './reportFormat.ts';
import { qrCodeSvg } from './headQrCode.ts';
import { groupedHex, paperHeadText, type SignedHead } from './signedHead.ts';
import { timelineSvg } from './timelineSvg.ts';
import { DEVIATION_GROUP_WORDS, outcomeSentences } from './reportOutcome.ts';
import type { PaperSize } from './paperSize.ts';
import type { DeviationGroup, ReportStep, UpgradeReport } from './upgradeReport.ts';

type TimeOf = (iso: string | null) => string;
/** The report's times on the site's clock, UTC beside. */
const timeOf =
  (report: UpgradeReport): TimeOf =>
  (iso) =>
    reportTime(iso, report.session.siteTimeZone);

/** The last lines of each transcript, by its path in the session; the full text goes into the JSON export. */
export type TranscriptExcerpts = Readonly<Record<string, string>>;

const STYLE = `
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #1b1f24; margin: 1.5rem; }
h1 { font-size: 18pt; margin: 0 0 .25rem; } h2 { font-size: 13pt; margin: 1.25rem 0 .4rem; border-bottom: 2px solid #2b6cb0; }
h3 { font-size: 11pt; margin: .8rem 0 .3rem; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0; }
th, td { border: 1px solid #c3c9d1; padding: .2rem .35rem; text-align: left; vertical-align: top; }
th { background: #edf2f7; }
.status-passed { color: #276749; font-weight: bold; } .status-failed, .status-interrupted { color: #9b2c2c; font-weight: bold; }
.muted { color: #4a5568; } .fingerprint { font-family: "DejaVu Sans Mono", monospace; word-break: break-all; }
pre { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; background: #f6f7f9; border: 1px solid #d0d5dc; padding: .3rem; white-space: pre-wrap; word-break: break-all; margin: .2rem 0; }
.step { border: 1px solid #c3c9d1; padding: .4rem .6rem; margin: .5rem 0; }
td.time { white-space: nowrap; font-size: 9pt; } .nowrap { white-space: nowrap; }
.summary td:first-child { width: 14rem; font-weight: bold; }
.outcome p { margin: 0.2rem 0; }
.outcome p.warning { color: #9b2c2c; font-weight: bold; }
svg.timeline { width: 100%; height: auto; }
.sign-off { break-inside: avoid-page; } th.sign { width: 24%; } .sign-off tbody td { height: 2.2rem; }
.head { display: flex; gap: 1rem; align-items: flex-start; margin-top: .6rem; } svg.qr { width: 42mm; height: 42mm; flex: none; }
.small { font-size: 7.5pt; }
@media print { body { margin: 0; } h2, h3 { break-after: avoid-page; } tr, pre, li { break-inside: avoid-page; } }
`;

/** The report's point in the journal as signed by the installation that exported it. */
export interface ReportSigning {
  head: SignedHead;
  keyFingerprint: string;
}

/** A self-contained HTML report: no scripts, no external resources; it opens offline and prints on A4 or US Letter. */
export function renderReportHtml(
  report: UpgradeReport,
  excerpts: TranscriptExcerpts,
  generatedAt: string,
  signing: ReportSigning,
  paper: PaperSize = 'A4',
): string {
  const title = `CMS HA upgrade report — ${report.session.site}`;
  const t = timeOf(report);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(title)}</title><style>${STYLE}@page { size: ${paper === 'Letter' ? 'letter' : 'A4'}; margin: 14mm 12mm; }</style></head>
<body>
<h1>${e(title)}</h1>
<p class="muted">Generated ${e(t(generatedAt))}${report.session.training ? ' — a training session on the simulated pair' : ''}. ${report.rollback ? '<strong>The upgrade was stopped and ORIG rolled back</strong>: see the Rollback section.' : report.complete ? 'Every step of the procedure is done.' : '<strong>The upgrade is not complete</strong>: see the steps below.'} Times are ${report.session.siteTimeZone ? `on the site's clock (${e(report.session.siteTimeZone)}) with UTC beside` : 'in UTC (no site time zone was given)'}.</p>
${report.journal.problem ? `<p><strong>The session's journal is damaged (${e(report.journal.problem)}); this report covers only what was recorded before that point.</strong></p>` : ''}
${outcome(report)}
${summary(report)}
${servers(report)}
<h2>Timeline</h2>
${timelineSvg(report.timeline, report.clocks.outageWindow, Date.parse(generatedAt), t)}
<p class="muted">One bar per step attempt (green passed, red failed or interrupted); the outage window is shaded.</p>
${rollback(report)}
${plan(report)}
${report.steps.map((step) => stepSection(step, excerpts, t)).join('\n')}
${tapes(report)}
${migrations(report)}
${deviations(report)}
${maintenance(report)}
${signOff(report, signing)}
</body></html>
`;
}

/**
 * Names and signatures, and the journal head they sign for: its fingerprint, the installation key's, the
 * signature, and a QR code of all three, so the paper copy can be checked against the session later.
 */
function signOff(report: UpgradeReport, { head, keyFingerprint }: ReportSigning): string {
  const paper = paperHeadText(head);
  return `<section class="sign-off"><h2>Sign-off</h2>
<table><thead><tr><th>Role</th><th>Name</th><th class="sign">Signature</th><th class="sign">Date and time</th></tr></thead><tbody>
<tr><th scope="row">Technician</th><td>${e(report.session.technician)}</td><td></td><td></td></tr>
${report.steps
  .flatMap((step) => step.itemSignOffs.map((signOff) => ({ step, signOff })))
  .map(
    ({ step, signOff }) =>
      `<tr><th scope="row">${e(signOff.party[0]!.toUpperCase() + signOff.party.slice(1))} (${step.id})</th><td>${e(signOff.name)}<br><span class="muted">${e(signOff.text)}; signed off ${e(timeOf(report)(signOff.at))}</span></td><td></td><td></td></tr>`,
  )
  .join('\n')}
<tr><th scope="row">Customer representative</th><td>${
    report.customerSignOff
      ? `${e(report.customerSignOff.name)}, ${e(report.customerSignOff.role)}<br><span class="muted">sign-off recorded ${e(timeOf(report)(report.customerSignOff.at))}</span>`
      : e(report.session.customerContact)
  }</td><td></td><td></td></tr>
</tbody></table>
<div class="head">${qrCodeSvg(paper, 'QR code of the signed journal head')}
<div><p>Signed for: the session's journal after <strong>${head.events}</strong> events, journal head fingerprint<br><span class="fingerprint">${e(groupedHex(head.hash))}</span></p>
<p>Signed by installation key <span class="fingerprint">${e(keyFingerprint)}</span>; signature <span class="fingerprint small">${e(head.signature)}</span></p>
<p class="muted">Check it later against the session folder: <code>cms-ha verify &lt;session folder&gt; &lt;report.json&gt; --paper "&lt;the QR code's text&gt;"</code>. A journal rewritten after this page was signed no longer matches it, whoever holds the key.</p></div></div>
</section>`;
}

function outcome(report: UpgradeReport): string {
  return `<section class="outcome" aria-label="Outcome"><h2>Outcome</h2>${outcomeSentences(report)
    .map((sentence) => `<p${sentence.startsWith('WARNING') ? ' class="warning"' : ''}>${e(sentence)}</p>`)
    .join('')}</section>`;
}

function summary(report: UpgradeReport): string {
  const { session, clocks } = report;
  const reportTime = timeOf(report);
  const rows: [string, string][] = [
    ['Site', session.site],
    ['Technician', session.technician],
    ['Customer contact', session.customerContact || '—'],
    ['Session started', reportTime(session.createdAt)],
    ['Cut-off (no administration changes after)', reportTime(clocks.cutOff)],
    [
      'Admin freeze',
      `${reportTime(clocks.adminFreeze.startedAt)} to ${reportTime(clocks.adminFreeze.endedAt)} (${reportDuration(clocks.adminFreeze.durationMs)})`,
    ],
    [
      'Outage window (busy-out to data collection on NEW)',
      `${reportTime(clocks.outageWindow.startedAt)} to ${reportTime(clocks.outageWindow.endedAt)} (${reportDuration(clocks.outageWindow.durationMs)})`,
    ],
    ...(report.rollback
      ? ([
          [
            'Rollback window',
            `${reportTime(clocks.rollbackWindow.startedAt)} to ${reportTime(clocks.rollbackWindow.endedAt)} (${reportDuration(clocks.rollbackWindow.durationMs)})`,
          ],
        ] as [string, string][])
      : []),
  ];
  return `<h2>Summary</h2><table class="summary">${rows.map(([k, v]) => `<tr><td>${e(k)}</td><td>${e(v)}</td></tr>`).join('')}</table>`;
}

function servers(report: UpgradeReport): string {
  const reportTime = timeOf(report);
  const rows = report.servers
    .map(
      (server) =>
        `<tr><th scope="row">${server.role}</th><td>${e(server.user)}@${e(server.host)}:${server.port}</td><td>${e(server.platform ?? 'not set')}</td><td>${e(server.cmsVersion ?? 'unknown')}</td><td>${e(server.haRole ?? 'not agreed')}</td><td>${server.legacyAlgorithms ? 'yes' : 'no'}</td><td>${server.hostKeys.map((key) => `${e(key.algorithm)} <span class="fingerprint">${e(key.fingerprint)}</span> (pinned ${e(reportTime(key.pinnedAt))})`).join('<br>') || 'none pinned'}</td></tr>`,
    )
    .join('');
  return `<h2>Servers</h2><table><thead><tr><th>Server</th><th>Login</th><th>Platform</th><th>CMS version</th><th>HA role</th><th>Legacy SSH algorithms</th><th>Host key</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function plan(report: UpgradeReport): string {
  const reportTime = timeOf(report);
  const signedOff = (step: ReportStep) =>
    [
      ...(step.signOff ? [`${e(step.signOff.initials)}, ${e(reportTime(step.signOff.at))}`] : []),
      ...step.itemSignOffs.map((signOff) => `${e(signOff.name)} (${e(signOff.party)})`),
    ].join('<br>') || '—';
  const rows = report.steps
    .map(
      (step) =>
        `<tr><th scope="row">${step.id}</th><td>${e(step.title)}</td><td>${step.target}</td><td class="status-${step.status}">${step.status}${step.judgedByTechnician ? '<br><span class="muted">on the technician\'s verdict</span>' : ''}</td><td>${step.attempts}</td><td class="time">${e(reportTime(step.startedAt))}</td><td class="time">${e(reportTime(step.endedAt))}</td><td>${e(reportDuration(step.durationMs))}</td><td>${signedOff(step)}</td></tr>`,
    )
    .join('');
  return `<h2>The plan</h2><table><thead><tr><th>Step</th><th>What</th><th>Where</th><th>State</th><th>Attempts</th><th>Started</th><th>Ended</th><th>Duration</th><th>Signed off</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function stepSection(step: ReportStep, excerpts: TranscriptExcerpts, reportTime: TimeOf): string {
  const checklist = step.checklist
    .map((item) => `<li>${item.ticked ? '☑' : '☐'} ${e(item.text)}</li>`)
    .join('');
  const evidence = step.evidence.map((item) => `<li>${e(item.summary)}</li>`).join('');
  const transcripts = step.transcripts
    .map(
      (transcript) =>
        `<h3>Transcript ${e(transcript.path)}${transcript.server ? ` (${transcript.server})` : ''}, last lines</h3><pre>${e(excerpts[transcript.path] ?? '(not available)')}</pre>`,
    )
    .join('');
  return `<section class="step" id="step-${step.id}">
<h3>${step.id}: ${e(step.title)} — <span class="status-${step.status}">${step.status}</span></h3>
<p class="muted">${e(step.target)} · ${e(step.kind)} · manual: ${e(step.manual)}${step.reason ? ` · ${e(step.reason)}` : ''}</p>
${checklist ? `<ul>${checklist}</ul>` : ''}
${step.tapesLoaded.length ? `<p>Tapes loaded: ${step.tapesLoaded.map((load) => `${e(load.tapeId)} on ${load.server} (${e(reportTime(load.at))})`).join('; ')}</p>` : ''}
${evidence ? `<ul>${evidence}</ul>` : ''}
${step.wayBack && step.status !== 'passed' && step.attempts > 0 ? `<p><strong>If it fails:</strong> ${e(step.wayBack)}</p>` : ''}
${transcripts}
</section>`;
}

function tapes(report: UpgradeReport): string {
  const reportTime = timeOf(report);
  if (report.tapes.length === 0) return '<h2>Tapes</h2><p>No tape written.</p>';
  const rows = report.tapes
    .map(
      (tape) =>
        `<tr><th scope="row" class="nowrap">${e(tape.id)}</th><td>${e(tape.roleTitle)}</td><td>${tape.sequence.number} of ${tape.sequence.of}</td><td>${tape.server}, ${e(tape.backupDate)}, CMS ${e(tape.cmsVersion)}</td><td>${tape.writeProtected ? 'yes' : 'NO'}</td><td>${tape.verified ? 'yes' : 'no'}</td><td>${e(tape.location)}</td><td>${tape.condition !== 'intact' ? `<strong>${tape.condition.toUpperCase()}</strong>: no longer holds this backup (see its history)` : tape.afterUpgrade === 'keep' ? 'keep' : 'may return to nightly rotation'}</td></tr>`,
    )
    .join('');
  const histories = report.tapes
    .map(
      (tape) =>
        `<h3>${e(tape.id)}: ${e(tape.labelText)}</h3><ul>${tape.history.map((entry) => `<li>${e(reportTime(entry.at))}: ${e(entry.text)}</li>`).join('')}</ul>`,
    )
    .join('');
  return `<h2>Tapes</h2><table><thead><tr><th>Tape</th><th>Role</th><th>n of N</th><th>Written</th><th>Write-protected</th><th>Verified</th><th>Where</th><th>After the upgrade</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Tape histories</h2>${histories}`;
}

const MIGRATION_OUTCOMES: Readonly<Record<UpgradeReport['migrations'][number]['outcome'], string>> = {
  unconfirmed: 'ran; how it ended was never confirmed',
  succeeded: 'succeeded (log)',
  failed: 'failed (log)',
  'judged-right': 'judged right by the technician',
  'judged-wrong': 'judged wrong by the technician',
};

function migrations(report: UpgradeReport): string {
  const reportTime = timeOf(report);
  if (report.migrations.length === 0) return '<h2>Data migrations</h2><p>None yet.</p>';
  return `<h2>Data migrations</h2><p>Each migration is recorded when it was run, before its log was read; the outcome is what the log, or the technician where the log could not be read, says.</p><table><thead><tr><th>Step</th><th>Server</th><th>Data</th><th>From tape</th><th>Run at</th><th>Outcome</th></tr></thead><tbody>${report.migrations
    .map(
      (m) =>
        `<tr><td>${m.stepId}</td><td>${m.server}</td><td>${e(m.dataType)}</td><td>${e(m.tapeId)}</td><td>${e(reportTime(m.at))}</td><td>${e(MIGRATION_OUTCOMES[m.outcome])}${m.outcomeDetail ? `: ${e(m.outcomeDetail)}` : ''}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

const DEVIATION_GROUPS: { group: DeviationGroup; title: string; empty: string }[] = [
  {
    group: 'judgement',
    title: "The technician's judgements",
    empty: 'None: the app read every output it relied on, and no difference was judged.',
  },
  { group: 'refusal', title: 'Mistakes the app refused', empty: 'None.' },
  {
    group: 'failed-attempt',
    title: 'Failed and interrupted attempts, and how each was resolved',
    empty: 'None.',
  },
  { group: 'skip', title: 'Skipped steps', empty: 'None.' },
  {
    group: 'other',
    title: 'Other records (notes, tape register corrections, CMS set up again)',
    empty: 'None.',
  },
];

function deviations(report: UpgradeReport): string {
  const reportTime = timeOf(report);
  if (report.deviations.length === 0) return '<h2>Deviations</h2><p>None: the procedure ran as written.</p>';
  return `<h2>Deviations</h2>${DEVIATION_GROUPS.map(({ group, title, empty }) => {
    const found = report.deviations.filter((deviation) => deviation.group === group);
    const count = `${found.length} ${DEVIATION_GROUP_WORDS[group][found.length === 1 ? 0 : 1]}`;
    return `<h3>${e(title)}</h3>${
      found.length === 0
        ? `<p>${e(empty)}</p>`
        : `<p class="muted">${e(count)}.</p><table><thead><tr><th>When</th><th>Step</th><th>What</th>${group === 'failed-attempt' ? '<th>Resolution</th>' : ''}</tr></thead><tbody>${found
            .map(
              (d) =>
                `<tr><td class="time">${e(reportTime(d.at))}</td><td>${d.stepId ?? '—'}</td><td>${e(d.text)}</td>${group === 'failed-attempt' ? `<td>${e(d.resolution ?? '—')}</td>` : ''}</tr>`,
            )
            .join('')}</tbody></table>`
    }`;
  }).join('')}`;
}

/** The way back as it was taken: why, the window, each part done or not needed, tapes and sign-offs. */
function rollback(report: UpgradeReport): string {
  const rollback = report.rollback;
  if (!rollback) return '';
  const reportTime = timeOf(report);
  return `<section aria-label="Rollback"><h2>Rollback</h2>
<p><strong>${rollback.status === 'passed' ? 'ORIG was rolled back' : `The rollback is ${e(rollback.status)}`}.</strong> ${rollback.reason ? `Why: ${e(rollback.reason)}` : ''}</p>
<table class="summary">
<tr><td>Decided</td><td>${e(reportTime(rollback.decidedAt))}${rollback.stoppedAt ? `, with ${e(rollback.stoppedAt)} not done` : ''}</td></tr>
<tr><td>Rollback window</td><td>${e(reportTime(rollback.window.startedAt))} to ${e(reportTime(rollback.window.endedAt))} (${e(reportDuration(rollback.window.durationMs))})</td></tr>
<tr><td>Tapes used</td><td>${rollback.tapesUsed.length ? rollback.tapesUsed.map((tape) => `${e(tape.tapeId)} (${e(tape.role)}), ${e(reportTime(tape.at))}`).join('<br>') : 'none'}</td></tr>
<tr><td>CMS version on ORIG after the restore</td><td>${e(rollback.versionAfterRestore ?? 'not read')}</td></tr>
<tr><td>Switch given back to ORIG, signed off by</td><td>${e(rollback.switchSignedOffBy ?? '—')}</td></tr>
</table>
<ul>${rollback.parts.map((part) => `<li>${part.needed ? '' : 'Not needed: '}${e(part.why)}</li>`).join('')}</ul>
</section>`;
}

function maintenance(report: UpgradeReport): string {
  return `<h2>Maintenance schedule to adopt</h2><table><thead><tr><th>Task</th><th>Server</th><th>How often</th></tr></thead><tbody>${report.maintenanceSchedule
    .map((task) => `<tr><td>${e(task.task)}</td><td>${e(task.server)}</td><td>${e(task.frequency)}</td></tr>`)
    .join('')}</tbody></table>`;
}
