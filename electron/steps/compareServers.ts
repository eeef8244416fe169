import { parseCmsPackageVersion } from '../../shared/parsers/cmsPackageVersion.ts';
import { parseLocale } from '../../shared/parsers/localeOutput.ts';
import { parseMtStatus, summariseMtStatus } from '../../shared/parsers/mtStatus.ts';
import { parseShowrevPatches } from '../../shared/parsers/showrevPatches.ts';
import { logPathOf } from '../../shared/procedure/serverLogs.ts';
import {
  COMPARISON_LOOK_FOR,
  compareServers,
  comparisonRowText,
  type ComparedBefore,
  type ComparisonRow,
  type ServerFacts,
} from '../../shared/procedure/serverComparison.ts';
import type { ServerRole } from '../../shared/procedure/types.ts';
import { mtStatusCommand, shQuote } from '../ssh/remoteCommand.ts';
import { unfinishedReason } from '../ssh/sshConnection.ts';
import { StepFailure, type StepContext } from './stepContext.ts';
import { tapeDeviceOf } from './tapeWork.ts';

const COMMAND_TIMEOUT_MS = 30_000;

/**
 * The manual wants the two servers alike ("the same CMS version and base load", identical data storage
 * values): before D2 and again before D8 the app reads both (read-only commands), shows them side by
 * side, and puts every difference, and everything it could not read, to the technician: fine, or must
 * be fixed (the step stops). The rows and the verdicts are the step's evidence.
 * Returns the storage.def row, which D2's checklist item rests on.
 */
export async function compareBothServers(
  context: StepContext,
  before: ComparedBefore,
): Promise<ComparisonRow> {
  const [orig, neu] = await Promise.all(
    (['ORIG', 'NEW'] as const).map((server) => readFacts(context, server)),
  );
  const rows = compareServers(orig!.facts, neu!.facts, before);
  await context.evidence(null, 'server-comparison', { before, rows });
  context.technician.tell(
    `ORIG and NEW compared before ${before}:\n${rows.map(comparisonRowText).join('\n')}`,
  );
  for (const row of rows.filter(
    (candidate) => candidate.outcome === 'differs' || candidate.outcome === 'unreadable',
  )) {
    const verdict = await context.judge(
      null,
      `${row.aspect} of ORIG and NEW, compared before ${before}`,
      COMPARISON_LOOK_FOR,
      // What the app could not read is shown as each server printed it.
      row.outcome === 'unreadable'
        ? `${comparisonRowText(row)}\n\nORIG printed:\n${orig!.printed[row.aspect] ?? ''}\nNEW printed:\n${neu!.printed[row.aspect] ?? ''}`
        : comparisonRowText(row),
      row.outcome === 'differs' ? 'difference' : 'unreadable',
    );
    if (verdict.verdict === 'looks-wrong')
      throw new StepFailure(`${row.aspect} must be fixed before ${before} goes on: ${verdict.reason}`);
  }
  return rows.find((row) => row.aspect.startsWith('Data storage'))!;
}

/** What one server says, read, and what it printed for each aspect (its commands and their whole output). */
async function readFacts(
  context: StepContext,
  server: ServerRole,
): Promise<{ facts: ServerFacts; printed: Record<string, string> }> {
  const connection = await context.connect(server);
  const transcript = context.transcript(server);
  const printed: Record<string, string> = {};
  const run = async (command: string, aspect: string): Promise<{ ok: boolean; text: string }> => {
    transcript.write(`$ ${command}\n`);
    const result = await connection.exec(command, {
      timeoutMs: COMMAND_TIMEOUT_MS,
      onOutput: (chunk) => transcript.write(chunk.toString('utf8')),
    });
    const text = `${result.stdout}${result.stderr}`;
    printed[aspect] = `${printed[aspect] ?? ''}$ ${command}\n${text}`;
    if (result.kind !== 'exited') return { ok: false, text: unfinishedReason(result, COMMAND_TIMEOUT_MS) };
    return {
      ok: result.code === 0,
      text: result.code === 0 ? result.stdout : text.trim() || `exit ${result.code}`,
    };
  };
  const release = await run('uname -r', 'Solaris release');
  const kernel = await run('uname -v', 'Solaris release');
  const patches = await run('showrev -p', 'Patches (showrev -p)');
  const cms = await run('pkginfo -l cms', 'CMS version and base load');
  const drive = await run(mtStatusCommand(tapeDeviceOf(context, server)), 'Tape drive');
  const storageDef = await run(
    `cat ${shQuote(logPathOf(context.state.servers[server], 'storageDef'))}`,
    'Data storage parameters (storage.def)',
  );
  const locale = await run('locale', 'Locale');
  const facts: ServerFacts = {
    osRelease:
      release.ok && kernel.ok
        ? { text: `${release.text.trim()} ${kernel.text.trim()}` }
        : { unreadable: release.ok ? kernel.text : release.text },
    patches: patches.ok
      ? parseShowrevPatches(patches.text)
      : { kind: 'unrecognised', reason: patches.text, raw: patches.text },
    cmsVersion: cms.ok
      ? parseCmsPackageVersion(cms.text)
      : { kind: 'unrecognised', reason: cms.text, raw: cms.text },
    tapeDrive: summariseMtStatus(parseMtStatus(drive.text)),
    storageDef: storageDef.ok ? { text: storageDef.text } : { unreadable: storageDef.text },
    locale: locale.ok
      ? parseLocale(locale.text)
      : { kind: 'unrecognised', reason: locale.text, raw: locale.text },
  };
  return { facts, printed };
}
