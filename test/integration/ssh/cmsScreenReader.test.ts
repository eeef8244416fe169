import { describe, expect, it } from 'vitest';
import { readCmsScreen, type CmsMove } from '../../../electron/steps/cmsScreenReader.ts';
import { parseArchiveStatus } from '../../../shared/parsers/archiveStatus.ts';
import { parseDataCollection } from '../../../shared/parsers/dataCollection.ts';
import { skipWithoutSshd, useSimulatedPairBehindSshd } from '../../support/sshd.ts';

const skip = skipWithoutSshd('cmsScreenReader');

const ARCHIVE: CmsMove[] = [
  { menu: /^Main Menu$/i, option: 'Maintenance' },
  { menu: /^Maintenance$/i, option: 'Archiving Status' },
  { window: /^Maintenance: Archiving Status$/i, action: 'List all' },
];
const DATA_COLLECTION: CmsMove[] = [
  { menu: /^Main Menu$/i, option: 'System Setup' },
  { menu: /^System Setup$/i, option: 'Data Collection' },
];

/** The app reads read-only CMS windows by driving the full-screen interface on a terminal, by its words. */
describe.skipIf(skip)('reading CMS windows from the rendered screen, behind real sshd', () => {
  const pair = useSimulatedPairBehindSshd();

  it('reads Archiving Status: List all and Data Collection, and logs out again', async () => {
    const login = await pair().login('orig');
    let printed = '';
    const archive = await readCmsScreen(login, ARCHIVE, /^Maintenance: Archiving Status: List all$/i, {
      onOutput: (text) => (printed += text),
    });
    expect(archive.kind).toBe('read');
    const records = archive.kind === 'read' ? parseArchiveStatus(archive.text) : null;
    expect(records).toMatchObject({ kind: 'recognised', records: [{ acd: 'acd1' }, { acd: 'acd2' }] });
    // The terminal got cursor addressing and reverse video, not a line menu.
    expect(printed).toContain('\x1b[7m');

    await pair().store.update((state) => {
      state.hosts.orig.acds[1]!.dataCollection = false;
    });
    const collection = await readCmsScreen(login, DATA_COLLECTION, /^System Setup: Data Collection$/i, {
      onOutput: () => undefined,
    });
    expect(collection.kind === 'read' && parseDataCollection(collection.text)).toMatchObject({
      kind: 'recognised',
      acds: [
        { acd: 'acd1', on: true },
        { acd: 'acd2', on: false },
      ],
    });
    const sim = await pair().store.read();
    expect(sim.hosts.orig.cmsLogins).toEqual([]);
    expect(sim.hosts.orig.cmsState).toBe('multi-user');
    login.close();
  });

  it('gives the technician the screen when the interface does not show the words it looks for', async () => {
    const login = await pair().login('new');
    const reading = await readCmsScreen(
      login,
      [{ menu: /^Main Menu$/i, option: 'Reports Archive' }],
      /^never$/,
      { onOutput: () => undefined, giveUpWhenQuietMs: 1_000 },
    );
    expect(reading).toMatchObject({
      kind: 'not-reached',
      reason: 'the menu shows no option "Reports Archive" with a cursor on it',
    });
    expect(reading.kind === 'not-reached' && reading.text).toContain('Main Menu');
    // Hung up: the login is gone with the terminal.
    await expect.poll(async () => (await pair().store.read()).hosts.new.cmsLogins).toEqual([]);
    login.close();
  });

  it('gives up on an interface drawn otherwise once it has gone quiet, and hands over its screen', async () => {
    await pair().store.update((state) => {
      state.outputs = 'unfamiliar';
    });
    const login = await pair().login('orig');
    const reading = await readCmsScreen(login, DATA_COLLECTION, /^System Setup: Data Collection$/i, {
      onOutput: () => undefined,
      // Far beyond the test's own time limit: only going quiet can end the wait in time.
      timeoutMs: 600_000,
      giveUpWhenQuietMs: 1_000,
    });
    await pair().store.update((state) => {
      state.outputs = 'default';
    });
    expect(reading).toMatchObject({ kind: 'not-reached', reason: 'no menu titled ^Main Menu$ came up' });
    expect(reading.kind === 'not-reached' && reading.text).toContain('F8=MainMenu');
    login.close();
  });

  it('is refused without a terminal: no exec path reads CMS', async () => {
    const login = await pair().login('orig');
    const result = await login.exec('cms', { input: '\r', timeoutMs: 30_000 });
    expect(result).toMatchObject({ kind: 'exited', code: 1 });
    expect(result.stderr).toContain('needs a terminal');
    login.close();
  });
});
