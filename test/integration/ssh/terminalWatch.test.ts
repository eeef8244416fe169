import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SessionTerminals } from '../../../electron/core/sessionTerminals.ts';
import { createSessionFolder } from '../../../electron/journal/sessionFolders.ts';
import { SessionJournal } from '../../../electron/journal/sessionJournal.ts';
import type { WindowCheck } from '../../../shared/procedure/windowCheck.ts';
import { ScenarioBuilder } from '../../support/sessionScenario.ts';
import { connect } from '../../support/sshClient.ts';
import { skipWithoutSshd, useSshd, TEST_PASSWORD, TEST_USER } from '../../support/sshd.ts';
import { useTempDirs } from '../../support/tempDir.ts';

const skip = skipWithoutSshd('terminalWatch');
const tempDir = useTempDirs();

/**
 * The manual's Back Up Data example of p. 40 (historical incremental, ACD-specific admin, non-CMS),
 * drawn as a full-screen program draws: clear the screen, then each row at its place.
 */
const INCREMENTAL_WINDOW = [
  'Maintenance: Backup Data',
  'Backups completed today: 1',
  'Status:',
  'Errors:',
  '',
  'Device name: default',
  'Verify tape can be read after backup? (y,n): y',
  '',
  'ACD(s) to back up (Select one):',
  '<x> All ACDs <_> Current ACD',
  '',
  'Data to back up (Select any you wish):',
  '[ ] Local system administration data',
  '[ ] CMS system administration data',
  '[x] ACD-specific administration data',
  '[x] Historical data,',
  '    Select one:',
  '    <_> Full <x> Incremental',
  '[x] Non-CMS data',
  '[ ] Specific tables',
  'Help | Window | Commands | Keep | Exit | Scroll | Current | MainMenu',
]
  .map((row, index) => `\x1b[${index + 1};1H${row}`)
  .join('');

describe.skipIf(skip)("the watch on the technician's terminal", () => {
  const sshd = useSshd();

  it("reads a Back Up Data window off the terminal and says how it differs from the running step's selections", async () => {
    const directory = await createSessionFolder(await tempDir(), 'Watch', '2026-12-02');
    const journal = await SessionJournal.open(directory);
    for (const event of new ScenarioBuilder().created().events) await journal.append(event);
    // Where the test user behind sshd can read it (session folders are private).
    const shared = await tempDir();
    await chmod(shared, 0o755);
    const screenFile = path.join(shared, 'window.txt');
    await writeFile(screenFile, `\x1b[H\x1b[2J${INCREMENTAL_WINDOW}`, { mode: 0o644 });
    const connection = await connect(sshd().port, TEST_USER, { password: TEST_PASSWORD });
    const checks: (WindowCheck | null)[] = [];
    const terminals = new SessionTerminals(journal, async () => connection, {
      data: () => undefined,
      closed: () => undefined,
      evidenceNotRecorded: () => undefined,
      windowCheck: (_id, check) => checks.push(check),
    });
    const terminalId = await terminals.start('ORIG', 'D1');
    terminals.write(terminalId, `cat ${screenFile}\r`);
    for (let i = 0; i < 200 && checks.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    // D1 is the admin-only backup: the incremental window of step 5 is the wrong one.
    expect(checks).toEqual([
      {
        window: 'Maintenance: Backup Data',
        stepId: 'D1',
        requirement: expect.stringMatching(
          /^Maintenance > Back Up Data: all ACDs; CMS system administration/,
        ),
        differences: [
          'CMS system administration data is not selected: this backup must include it.',
          'Historical data is selected (incremental): this backup must exclude it.',
        ],
        unreadable: null,
      },
    ]);
    // The window leaves the screen: the check is withdrawn.
    terminals.write(terminalId, 'clear\r');
    for (let i = 0; i < 200 && checks.length === 1; i++) await new Promise((r) => setTimeout(r, 25));
    expect(checks.at(-1)).toBeNull();
    await terminals.closeAll();
    connection.close();
    await journal.close();
  });
});
