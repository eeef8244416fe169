import { BoundedScreen } from '../ssh/boundedScreen.ts';
import { parseCmsadmBackup, type CmsadmBackup } from '../../shared/parsers/cmsadmBackup.ts';
import {
  runDialog,
  type DialogAction,
  type DialogHooks,
  type DialogOutcome,
  type DialogRule,
} from '../ssh/dialogEngine.ts';
import type { RemoteHost } from '../ssh/remoteHost.ts';

/**
 * A menu is answered by the words of its options: "Enter the number associated with the `backup`
 * option" (manual p. 25). A menu without exactly one such option is shown to the technician, never
 * answered with a guessed number.
 */
export function menuOption(listing: string, name: string): DialogAction {
  const options = [...listing.matchAll(/^[ \t]*(\d+)\)[ \t]+(\S+)/gm)];
  const matching = options.filter((option) => option[2]!.toLowerCase() === name);
  if (matching.length === 1) return { kind: 'send', text: `${matching[0]![1]}\r` };
  return {
    kind: 'fail',
    reason: `cmsadm's menu has ${matching.length === 0 ? 'no option' : 'several options'} named "${name}" (the manual: "Enter the number associated with the ${name} option"), so the app did not answer it. The menu it showed:\n${listing.trimEnd()}\nRun the backup by hand in cmsadm and tell support which option it was.`,
  };
}

/**
 * The CMSADM backup dialog of the manual (pp. 25-26) as rules: menu choice "backup", the drive choice
 * when there are several, each tape asked of the technician (write and verification passes), done at the
 * label instruction; a write-protected tape fails the step.
 */
export function cmsadmBackupRules(device: string | null): DialogRule[] {
  return [
    {
      // The manual prints no cmsadm menu: the numbered listing before the prompt is assumed. The drive
      // choice (its listing follows "Select the tape drive:", earlier in the output) matches first.
      id: 'menu',
      pattern: /((?:^[ \t]*\d+\)[^\r\n]*\r?\n)+)[^\r\n]*Enter choice \(1-\d+\)[^:\r\n]*:/m,
      action: (match) => menuOption(match[1]!, 'backup'),
      maxHits: 1,
    },
    {
      id: 'drive-choice',
      pattern: /Select the tape drive:\r?\n([\s\S]*?)Enter choice \(1-(\d+)\):/,
      action: (match) => {
        const choices = [...match[1]!.matchAll(/^\s*(\d+)\) .*: (\S+)\s*$/gm)];
        const chosen = choices.find((choice) => choice[2] === device);
        if (!chosen) {
          return {
            kind: 'fail',
            reason: `this server has several tape drives (${choices.map((c) => c[2]).join(', ')}); say which one to use`,
          };
        }
        return { kind: 'send', text: `${chosen[1]}\r` };
      },
    },
    {
      id: 'first-cartridge',
      pattern: /Please insert the first cartridge tape into (\S+)\.\r?\nPress ENTER when ready/,
      action: (match) => ({
        kind: 'ask',
        question: `Insert tape 1 of the CMSADM backup into ${match[1]}, then continue.`,
        request: { kind: 'insert-tape', purpose: 'write', tapeNumber: 1, device: match[1]! },
      }),
    },
    {
      id: 'retry-tape',
      pattern: /Please insert tape number (\d+) into (\S+) and press Enter/,
      action: (match) => ({
        kind: 'ask',
        question: `The drive had no usable tape. Insert tape ${match[1]} into ${match[2]}, then continue.`,
        request: { kind: 'insert-tape', purpose: 'write', tapeNumber: Number(match[1]), device: match[2]! },
      }),
      maxHits: 3,
    },
    {
      id: 'end-of-medium',
      pattern:
        /End of medium on "output"\.\r?\nPlease remove the current tape, number it, insert tape number (\d+), and\r?\npress Enter/,
      action: (match) => ({
        kind: 'ask',
        question: `Tape ${Number(match[1]) - 1} is full. Number it, then insert tape ${match[1]} and continue.`,
        request: { kind: 'insert-tape', purpose: 'write', tapeNumber: Number(match[1]), device },
      }),
    },
    {
      // cpio's count after the write pass; the verification pass follows.
      id: 'write-finished',
      pattern: /(\d+) blocks\r?\nTape Verification/,
      action: { kind: 'note' },
    },
    {
      id: 'verify-first',
      pattern: /Insert the first tape\r?\nPress Return to proceed :/,
      action: {
        kind: 'ask',
        question: 'Verification: insert tape 1 again, then continue.',
        request: { kind: 'insert-tape', purpose: 'verify', tapeNumber: 1, device },
      },
    },
    {
      id: 'verify-next',
      // The line before the request, when it is not the usual flow, is the console's own reason (a wrong
      // tape in the drive): shown word for word, whatever its wording.
      pattern: /(?:([^\r\n]+)\r?\n)?Insert tape number (\d+)\r?\nPress Return to proceed :/,
      action: (match) => {
        const said = match[1]?.trim() ?? '';
        const usual =
          said === '' || /^(?:\d+ blocks|Tape Verification|Press Return to proceed :.*)$/.test(said);
        return {
          kind: 'ask',
          question: `${usual ? '' : `The console says: "${said}" — `}Verification: insert tape ${match[2]}, then continue.`,
          request: { kind: 'insert-tape', purpose: 'verify', tapeNumber: Number(match[2]), device },
        };
      },
    },
    {
      id: 'write-protected',
      pattern: /write protected or reserved\./,
      action: {
        kind: 'fail',
        reason: 'the tape is write-protected: slide its switch to writable or use another tape',
      },
    },
    {
      id: 'label',
      pattern: /Please label the backup tape\(s\) with the date and the current CMS\r?\nversion \(([^)]+)\)/,
      action: { kind: 'done' },
    },
  ];
}

export interface CmsadmBackupRun {
  outcome: DialogOutcome;
  /** The parsed result, from the whole console transcript. */
  result: CmsadmBackup;
}

/** P4a / D11 on one server: drives `cmsadm` over a terminal; the technician handles the tapes through `hooks.ask`. */
export async function runCmsadmBackup(
  connection: RemoteHost,
  options: { device: string | null; promptTimeoutMs?: number },
  hooks: DialogHooks,
): Promise<CmsadmBackupRun> {
  const screen = new BoundedScreen();
  const pty = await connection.openPty('cmsadm');
  const outcome = await runDialog(
    pty,
    { rules: cmsadmBackupRules(options.device), promptTimeoutMs: options.promptTimeoutMs ?? 15 * 60_000 },
    {
      ...hooks,
      transcript: (text) => {
        screen.add(text);
        hooks.transcript?.(text);
      },
    },
  );
  // Done at the label instruction: the terminal is closed rather than the menu left with a key the
  // manual does not name.
  if (outcome.kind === 'completed') pty.close();
  return { outcome, result: screen.parse(parseCmsadmBackup) };
}
