import { describe, expect, it } from 'vitest';
import { NON_CMS_RESTORE_ERROR } from '../../../electron/simulator/programs/cmsMenu.ts';
import { freshPair, runSim } from '../../support/simProgramRunner.ts';

/** Keystrokes for the CMS menu: Maintenance > Back Up Data with the D1 selections (admin data only). */
const ADMIN_ONLY_BACKUP = ['1', '1', 'y', 'a', 'n', 'y', 'y', 'n', 'y', 'r', 'b', 'q'];
const FULL_BACKUP = ['1', '1', '', '', '', '', '', '', '', '', '', 'r', 'b', 'q'];
const MIGRATE = (types: string) => ['2', '2', types, 'r', 'b', 'q'];
const SINGLE_USER = ['2', '1', 's', 'b', 'q'];

describe('the simulated CMS menu', () => {
  it('writes the D1 admin-only backup with volume label XSMC, no historical tables', async () => {
    const store = freshPair();
    await runSim(store, 'simctl insert DDS4-01');
    const result = await runSim(store, 'cms', ADMIN_ONLY_BACKUP);
    expect(result.stdout).toContain('Maintenance: Back Up Data\nBackups completed today: 0\n');
    expect(result.stdout).toMatch(/Volume label: CMSORIG-261123-01-XSMC-00-F-01\n/);
    const content = (await store.read()).tapes['DDS4-01']!.content;
    expect(content).toMatchObject({ kind: 'maintenance', dataLetters: 'XSMC', mode: 'F', acds: [1, 2] });
    expect(content?.kind === 'maintenance' && content.tables).not.toContain('hsplit');
  });

  it('writes a full backup with the defaults (LSAC, F) and counts the backups of the day', async () => {
    const store = freshPair();
    await runSim(store, 'simctl insert DDS4-01');
    await runSim(store, 'cms', FULL_BACKUP);
    await runSim(store, 'simctl eject');
    await runSim(store, 'simctl insert DDS4-02');
    const second = await runSim(store, 'cms', FULL_BACKUP);
    expect(second.stdout).toContain('Backups completed today: 1');
    expect(second.stdout).toMatch(/Volume label: CMSORIG-261123-02-LSAC-00-F-01/);
  });

  it('migrates admin data only in single-user mode, and only from a tape that holds it', async () => {
    const store = freshPair();
    await runSim(store, 'simctl insert DDS4-01');
    await runSim(store, 'simctl write-maintenance DDS4-01 XSMC F');
    const multiUser = await runSim(store, 'cms', MIGRATE('s'), 'orig');
    expect(multiUser.stdout).toContain(
      'Migration of System Administration data failed: CMS must be in single-user mode.',
    );
    await runSim(store, 'cms', SINGLE_USER);
    const history = await runSim(store, 'cms', MIGRATE('h'));
    expect(history.stdout).toMatch(
      /Migration of Historical data failed: volume CMSORIG-\S+ holds no such data/,
    );
    const admin = await runSim(store, 'cms', MIGRATE('sg'));
    expect(admin.stdout).toContain('Status: Migration of System Administration data completed successfully.');
    expect(admin.stdout).toContain(
      'Status: Migration of Agent/Call Center Admin data completed successfully.',
    );
    const log = (await runSim(store, 'cat /cms/migrate/r3mig.log')).stdout;
    expect(log).toMatch(
      /R3 Migrate: System Administration data migrated from volume CMSORIG-\S+ \(ACDs 1 2\): completed, 0 errors/,
    );
  });

  it('damages the CMS database on a second migration of the same data, as the manual warns', async () => {
    const store = freshPair();
    await runSim(store, 'simctl insert DDS4-01');
    await runSim(store, 'simctl write-maintenance DDS4-01 XSMC F');
    await runSim(store, 'cms', SINGLE_USER);
    await runSim(store, 'cms', MIGRATE('s'));
    const again = await runSim(store, 'cms', MIGRATE('s'));
    expect(again.stdout).toContain('The CMS database is now inconsistent; turn CMS off and set it up again.');
    expect((await store.read()).hosts.orig.cmsDamaged).toBe(true);
    expect((await runSim(store, 'cat /cms/maint/r3mig/mig.log')).stdout).toContain(
      'already migrated into this CMS setup',
    );
  });

  it('migrates historical data once per tape: the incremental and then the full tape', async () => {
    const store = freshPair();
    for (const [tape, letters, mode] of [
      ['DDS4-01', 'XXAC', 'I'],
      ['DDS4-02', 'LSAC', 'F'],
    ] as const) {
      await runSim(store, `simctl insert ${tape}`, [], 'new');
      await runSim(store, `simctl write-maintenance ${tape} ${letters} ${mode}`, [], 'new');
      const result = await runSim(store, 'cms', MIGRATE('h'), 'new');
      expect(result.stdout).toContain('Status: Migration of Historical data completed successfully.');
      await runSim(store, 'simctl eject', [], 'new');
    }
  });

  it('shows the manual error on restoring non-CMS data without custom tables, and logs it', async () => {
    const store = freshPair();
    await runSim(store, 'simctl insert DDS4-01');
    await runSim(store, 'simctl write-maintenance DDS4-01 LSAC F');
    const result = await runSim(store, 'cms', ['1', '2', 'y', 'y', 'r', 'b', 'q']);
    expect(result.stdout).toContain('Errors: Initialization errors. See Error Log.');
    const errorLog = await runSim(store, 'cms', ['1', '4', 'b', 'q']);
    expect(errorLog.stdout).toContain(NON_CMS_RESTORE_ERROR);
  });

  it('lists the interval archives with the times in the manual format, and data collection per ACD', async () => {
    const store = freshPair();
    const archive = await runSim(store, 'cms', ['1', '3', 'b', 'q']);
    expect(archive.stdout).toContain('Maintenance: Archiving Status: List All');
    expect(archive.stdout).toMatch(
      /acd1 {6}Interval {4}Finished {3}11\/23\/26 {3}8:05 a\.m\. {3}8:30 a\.m\./,
    );
    await runSim(store, 'simctl data-collection 2 off');
    const collection = await runSim(store, 'cms', ['2', '3', 'b', 'q']);
    expect(collection.stdout).toContain('acd1      on\nacd2      off\n');
  });
});
