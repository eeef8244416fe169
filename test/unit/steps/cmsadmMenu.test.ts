import { describe, expect, it } from 'vitest';
import { cmsadmBackupRules } from '../../../electron/steps/cmsadmBackup.ts';
import { runDialog } from '../../../electron/ssh/dialogEngine.ts';
import { fakeTerminal } from '../../support/fakeTerminal.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** cmsadm's menu as some other release might number it: the manual names the option, not its number. */
const REORDERED_MENU = `Avaya Call Management System Administration Menu
  1) acd_create      Define a new ACD
  2) acd_remove      Remove an ACD
  3) pkg_install     Install a feature package
  4) run_cms         Turn CMS on or off
  5) backup          Filesystem backup
Enter choice (1-5) or q to quit: `;

function dialog(device: string | null = null) {
  const terminal = fakeTerminal();
  const outcome = runDialog(terminal.channel, { rules: cmsadmBackupRules(device), promptTimeoutMs: 5_000 });
  return { terminal, outcome };
}

describe("cmsadm's menu, answered by the words of its options", () => {
  it('chooses the backup option by its name wherever it is in the menu', async () => {
    const { terminal, outcome } = dialog();
    terminal.print(REORDERED_MENU);
    await tick();
    expect(terminal.typed).toEqual(['5\r']);
    terminal.exit(0);
    await outcome;
  });

  it('shows a menu without a backup option to the technician instead of answering it', async () => {
    const { terminal, outcome } = dialog();
    terminal.print(
      REORDERED_MENU.replace('5) backup          Filesystem backup', '5) fs_save         Filesystem backup'),
    );
    const result = await outcome;
    expect(terminal.typed).toEqual([]);
    expect(result).toMatchObject({ kind: 'failed', ruleId: 'menu' });
    expect(result.kind === 'failed' && result.reason).toContain(
      'cmsadm\'s menu has no option named "backup"',
    );
    expect(result.kind === 'failed' && result.reason).toContain('5) fs_save         Filesystem backup');
  });

  it("does not take the drive listing (the manual's own sample) for the menu", async () => {
    const { terminal, outcome } = dialog('/dev/rmt/1');
    terminal.print(REORDERED_MENU);
    await tick();
    // The manual's sample of a server with two drives (p. 25).
    terminal.print(
      'Select the tape drive:\n 1) Exabyte EXB-8900 8mm Helical Scan tape drive: /dev/rmt/0\n 2) Exabyte EXB-8500 8mm Helical Scan tape drive: /dev/rmt/1\nEnter choice (1-2):',
    );
    await tick();
    expect(terminal.typed).toEqual(['5\r', '2\r']);
    terminal.exit(0);
    await outcome;
  });
});
