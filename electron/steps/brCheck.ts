import { parseBrCheck, type BrCheck } from '../../shared/parsers/brCheck.ts';
import { BoundedScreen } from '../ssh/boundedScreen.ts';
import { runDialog, type DialogHooks, type DialogOutcome } from '../ssh/dialogEngine.ts';
import { validateTapeDevice } from '../ssh/remoteCommand.ts';
import type { RemoteHost } from '../ssh/remoteHost.ts';

export const BR_CHECK = '/cms/bin/br_check';

/** Lists (or verifies) the maintenance backup volume in the drive with `/cms/bin/br_check`. */
export async function runBrCheck(
  connection: RemoteHost,
  options: { device: string; verify: boolean; promptTimeoutMs?: number },
  hooks: Pick<DialogHooks, 'transcript' | 'keepWaiting'> = {},
): Promise<{ outcome: DialogOutcome; result: BrCheck }> {
  const device = validateTapeDevice(options.device);
  const screen = new BoundedScreen();
  const pty = await connection.openPty(BR_CHECK);
  const outcome = await runDialog(
    pty,
    {
      promptTimeoutMs: options.promptTimeoutMs ?? 10 * 60_000,
      rules: [
        {
          id: 'device-type',
          pattern: /Enter device type \[q for qtape, f for floppy\]:/,
          action: { kind: 'send', text: 'q\r' },
          maxHits: 1,
        },
        {
          id: 'device-path',
          pattern: /Enter device path:/,
          action: { kind: 'send', text: `${device}\r` },
          maxHits: 1,
        },
        {
          id: 'list-or-verify',
          pattern: /Enter l to list the tables or v to also verify the volume:/,
          action: { kind: 'send', text: options.verify ? 'v\r' : 'l\r' },
          maxHits: 1,
        },
      ],
    },
    {
      ...hooks,
      transcript: (text) => {
        screen.add(text);
        hooks.transcript?.(text);
      },
    },
  );
  return { outcome, result: screen.parse(parseBrCheck) };
}
