import { isDeepStrictEqual } from 'node:util';
import { buildUpgradeReport, REPORT_FORMAT, REPORT_VERSION } from '../../shared/report/upgradeReport.ts';
import type { ReportRecordFile } from './exportReport.ts';
import { readSessionRecord } from './sessionRecord.ts';
import { reduceSession } from '../../shared/session/reduceSession.ts';
import type { SessionEvent } from '../../shared/session/sessionEvents.ts';
import { parsePaperHead, type SignedHead } from '../../shared/report/signedHead.ts';
import type { JournalHead } from '../journal/journalHead.ts';
import { keyFingerprint, signedHeadIsValid } from '../signing/installationKey.ts';
import { sealMismatch, transcriptBytes, transcriptPrefixText } from '../journal/transcriptSeal.ts';

export interface VerifyResult {
  ok: boolean;
  /** What was checked and found, one sentence each. */
  findings: string[];
}

/**
 * Checks a JSON report against the session folder it claims to come from: the journal's chain intact,
 * the report's fingerprint a point in that chain, and the report's content exactly what the journal's
 * events up to that point produce. A journal or a report edited by hand fails.
 */
export interface VerifyOptions {
  /** The text of the QR code on the signed paper copy (or typed from it). */
  paper?: string;
  /** This installation's public key, to say whether it signed (null when it has none). */
  installationPublicKey?: string | null;
}

export async function verifyReport(
  sessionDirectory: string,
  reportText: string,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  let file: ReportRecordFile;
  try {
    file = JSON.parse(reportText) as ReportRecordFile;
  } catch {
    return { ok: false, findings: ['The report file is not JSON.'] };
  }
  if (file?.report?.format !== REPORT_FORMAT || typeof file.report.journal?.chainFingerprint !== 'string')
    return { ok: false, findings: ['The file is not a CMS HA upgrade report (JSON export).'] };
  const record = await readSessionRecord(sessionDirectory);
  const findings: string[] = [];
  if (record.problem) findings.push(`The session's journal is damaged: ${record.problem}.`);
  const { events: count, chainFingerprint } = file.report.journal;
  if (record.eventHashes[count - 1] !== chainFingerprint) {
    findings.push(
      `The report's chain fingerprint ${chainFingerprint} is not in this session's journal: the report comes from another session or another history of it.`,
    );
    return { ok: false, findings };
  }
  const events = record.events.slice(0, count);
  if (!isDeepStrictEqual(file.events, events))
    findings.push("The events in the report differ from the journal's.");
  const rebuilt = buildUpgradeReport(events, chainFingerprint, file.report.journal.problem);
  // Only a report of this format can be rebuilt word for word: another format is not trusted unread
  // (a hand-edited report must not pass by claiming an older format).
  const sameFormat = file.report.version === REPORT_VERSION;
  if (!sameFormat)
    findings.push(
      `The report is in format ${String(file.report.version)}; this version writes and checks format ${REPORT_VERSION}: verify it with the version that made it.`,
    );
  const differences = sameFormat
    ? differingPaths(JSON.parse(JSON.stringify(rebuilt)), file.report, 'report')
    : [];
  if (differences.length > 0)
    findings.push(
      `The report's content differs from what the journal records at: ${differences.slice(0, 5).join(', ')}.`,
    );
  const seals = await sealFindings(sessionDirectory, events, file.transcripts ?? {});
  findings.push(...seals.problems);
  const signature = signatureFindings(file, options.installationPublicKey ?? null);
  findings.push(...signature.problems);
  const paper = options.paper === undefined ? null : paperFindings(options.paper, record.eventHashes);
  findings.push(...(paper?.problems ?? []));
  if (findings.length > 0) return { ok: false, findings };
  const later = record.events.length - count;
  return {
    ok: true,
    findings: [
      `The report matches the journal after ${count} events (fingerprint ${chainFingerprint}).`,
      ...signature.notes,
      ...(rebuilt.customerSignOff
        ? [
            `Signed off by the customer representative ${rebuilt.customerSignOff.name} (${rebuilt.customerSignOff.role}), recorded ${rebuilt.customerSignOff.at}.`,
          ]
        : ['No customer sign-off is recorded in the report.']),
      ...(paper?.notes ?? []),
      ...seals.notes,
      headNote(record.head, options.installationPublicKey ?? null),
      ...(later > 0 ? [`The session has ${later} more events since the report was made.`] : []),
    ],
  };
}

function whoseKey(publicKey: string, installationPublicKey: string | null): string {
  const fingerprint = keyFingerprint(publicKey);
  if (installationPublicKey === null) return `installation key ${fingerprint}`;
  return publicKey === installationPublicKey
    ? `this installation's key ${fingerprint}`
    : `installation key ${fingerprint}, which is not this installation's (${keyFingerprint(installationPublicKey)})`;
}

/** The report's own signature: present, valid, and for exactly the point in the journal it reports. */
function signatureFindings(
  file: ReportRecordFile,
  installationPublicKey: string | null,
): { problems: string[]; notes: string[] } {
  const head = file.signedHead as SignedHead | undefined;
  if (!head || typeof head !== 'object')
    return {
      problems: ['The report is not signed: it was made by an older version, or its signature was removed.'],
      notes: [],
    };
  if (!signedHeadIsValid(head))
    return {
      problems: [
        "The report's signature is not valid for the journal point it states: the report or its signature was altered.",
      ],
      notes: [],
    };
  if (head.events !== file.report.journal.events || head.hash !== file.report.journal.chainFingerprint)
    return {
      problems: [
        `The report's signature is for another point in the journal (${head.events} events) than the report's own.`,
      ],
      notes: [],
    };
  return {
    problems: [],
    notes: [
      `The report is signed by ${whoseKey(head.publicKey, installationPublicKey)}; compare it with the key printed on the signed paper copy.`,
    ],
  };
}

/**
 * The signed paper copy's head (its QR code's text): validly signed, and a point of this journal's
 * history. A journal rewritten after the paper was signed, by anyone, key holder included, fails.
 */
function paperFindings(
  text: string,
  eventHashes: readonly string[],
): { problems: string[]; notes: string[] } {
  const head = parsePaperHead(text);
  if (!head)
    return {
      problems: [
        "The --paper text is not the text of a report's QR code (CMSHA1, events, hash, key, signature).",
      ],
      notes: [],
    };
  if (!signedHeadIsValid(head))
    return {
      problems: ["The paper copy's signature is not valid: the text was mistyped or altered."],
      notes: [],
    };
  if (eventHashes[head.events - 1] !== head.hash)
    return {
      problems: [
        `The journal is not the one the paper copy was signed for: its history up to event ${head.events} differs (it was rewritten after the paper was signed), or it is another session.`,
      ],
      notes: [],
    };
  return {
    problems: [],
    notes: [
      `The signed paper copy (${head.events} events, installation key ${keyFingerprint(head.publicKey)}) matches the journal's history.`,
    ],
  };
}

/** What the head file beside the journal says about who wrote it last (its checks ran when it was read). */
function headNote(head: JournalHead | null, installationPublicKey: string | null): string {
  if (!head)
    return "The session folder has no journal head (a session of an older version, or the file was removed): lines cut off the journal's end would not show here; the signed paper copy would.";
  if (!head.publicKey)
    return `The journal's head (${head.events} events) is not signed: a session of an older version, or its signature was removed.`;
  return `The journal's head (${head.events} events) is signed by ${whoseKey(head.publicKey, installationPublicKey)}.`;
}

function differingPaths(expected: unknown, actual: unknown, at: string): string[] {
  if (isDeepStrictEqual(expected, actual)) return [];
  if (typeof expected !== 'object' || typeof actual !== 'object' || expected === null || actual === null)
    return [at];
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...keys].flatMap((key) =>
    differingPaths(
      (expected as Record<string, unknown>)[key],
      (actual as Record<string, unknown>)[key],
      Array.isArray(expected) ? `${at}[${key}]` : `${at}.${key}`,
    ),
  );
}

/**
 * Every transcript sealed in the journal's events, checked in the session folder (its first sealed bytes
 * unchanged) and in the report (its copy starts with exactly them). Output after the last seal (a step
 * that did not end normally) is said, not failed: the journal does not vouch for it.
 */
async function sealFindings(
  sessionDirectory: string,
  events: readonly SessionEvent[],
  inReport: Readonly<Record<string, string>>,
): Promise<{ problems: string[]; notes: string[] }> {
  const seals = reduceSession(events).transcriptSeals;
  const problems: string[] = [];
  const notes: string[] = [];
  for (const [relative, seal] of Object.entries(seals)) {
    const mismatch = await sealMismatch(sessionDirectory, relative, seal);
    if (mismatch) {
      problems.push(`Transcript ${mismatch}`);
      continue;
    }
    const sealedText = await transcriptPrefixText(sessionDirectory, relative, seal.bytes);
    const copy = inReport[relative];
    if (copy !== undefined && !copy.startsWith(sealedText))
      problems.push(`The report's copy of ${relative} differs from the transcript that was sealed.`);
    const now = await transcriptBytes(sessionDirectory, relative);
    if (now > seal.bytes)
      notes.push(
        `${relative} has ${now - seal.bytes} bytes after its last seal, which the journal does not vouch for.`,
      );
  }
  const count = Object.keys(seals).length;
  if (count > 0 && problems.length === 0)
    notes.unshift(`${count} sealed transcript(s) are unchanged in the session folder and in the report.`);
  return { problems, notes };
}
