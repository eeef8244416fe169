import { describe, expect, it } from 'vitest';
import { parseCmsPackageVersion } from '../../../shared/parsers/cmsPackageVersion.ts';
import { parseLocale } from '../../../shared/parsers/localeOutput.ts';
import { parseShowrevPatches, patchDifferences } from '../../../shared/parsers/showrevPatches.ts';
import { compareServers, type ServerFacts } from '../../../shared/procedure/serverComparison.ts';

describe('showrev -p (showrev(1M) line format)', () => {
  it('reads each patch at its highest revision, and "No patches are installed"', () => {
    const output = [
      'Patch: 108528-29 Obsoletes: 108874-01, 108875-09 Requires: 108652-66 Incompatibles:  Packages: SUNWcsu, SUNWcsr',
      'Patch: 108827-36 Obsoletes:  Requires:  Incompatibles:  Packages: SUNWcsu',
      'Patch: 108528-13 Obsoletes:  Requires:  Incompatibles:  Packages: SUNWcsu',
      '',
    ].join('\n');
    expect(parseShowrevPatches(output)).toEqual({ kind: 'patches', patches: { '108528': 29, '108827': 36 } });
    expect(parseShowrevPatches('No patches are installed\n')).toEqual({ kind: 'patches', patches: {} });
  });

  it('does not guess at anything else', () => {
    expect(parseShowrevPatches('')).toMatchObject({ kind: 'unrecognised' });
    expect(parseShowrevPatches('showrev: not found\n')).toMatchObject({
      kind: 'unrecognised',
      reason: 'a line is not a patch line: showrev: not found',
    });
  });

  it('names patches only one server has and revisions that differ', () => {
    expect(patchDifferences({ '108528': 29, '108827': 36 }, { '108528': 30, '112233': 12 })).toEqual([
      'only on ORIG: 108827-36',
      'only on NEW: 112233-12',
      '108528: ORIG at 108528-29, NEW at 108528-30',
    ]);
  });
});

describe('locale (POSIX) and pkginfo -l cms (assumed package)', () => {
  it('reads NAME=value lines, quotes removed, and needs LANG', () => {
    expect(parseLocale('LANG=C\nLC_CTYPE="C"\nLC_ALL=\n')).toEqual({
      kind: 'locale',
      settings: { LANG: 'C', LC_CTYPE: 'C', LC_ALL: '' },
    });
    expect(parseLocale('LC_CTYPE="C"\n')).toMatchObject({ kind: 'unrecognised', reason: 'no LANG line' });
    expect(parseLocale('locale: not found\n')).toMatchObject({ kind: 'unrecognised' });
  });

  it('reads the VERSION field', () => {
    expect(parseCmsPackageVersion('   PKGINST:  cms\n   VERSION:  r3v11ak.g\n')).toEqual({
      kind: 'version',
      version: 'r3v11ak.g',
    });
    expect(parseCmsPackageVersion('ERROR: information for "cms" was not found\n')).toMatchObject({
      kind: 'unrecognised',
    });
  });
});

const facts = (overrides: Partial<ServerFacts> = {}): ServerFacts => ({
  osRelease: { text: '5.9 Generic_117171-07' },
  patches: { kind: 'patches', patches: { '112233': 12 } },
  cmsVersion: { kind: 'version', version: 'r3v11ak.g' },
  tapeDrive: { status: 'ready', family: 'dds4', name: 'HP C5683A', message: null },
  storageDef: { text: 'Intrahour interval:\n30\n' },
  locale: { kind: 'locale', settings: { LANG: 'C' } },
  ...overrides,
});

describe('ORIG and NEW compared', () => {
  it('passes what is the same, and expects the CMS versions to differ before D2 only', () => {
    const orig = facts({ cmsVersion: { kind: 'version', version: 'r3v9ak.g' } });
    const outcomes = (before: 'D2' | 'D8') =>
      compareServers(orig, facts(), before).map((row) => [row.aspect, row.outcome]);
    expect(outcomes('D2')).toEqual([
      ['Solaris release', 'same'],
      ['Patches (showrev -p)', 'same'],
      ['CMS version and base load', 'expected'],
      ['Tape drive', 'same'],
      ['Data storage parameters (storage.def)', 'same'],
      ['Locale', 'same'],
    ]);
    expect(outcomes('D8')[2]).toEqual(['CMS version and base load', 'differs']);
  });

  it('names what differs, compares no patches across Solaris releases, and marks what it could not read', () => {
    const rows = compareServers(
      facts({
        osRelease: { text: '5.8 Generic_117350-02' },
        storageDef: { text: 'Intrahour interval:\n15\n' },
        locale: { kind: 'locale', settings: { LANG: 'en_US.ISO8859-1' } },
        tapeDrive: {
          status: 'no-tape',
          family: null,
          name: null,
          message: 'no tape loaded or drive offline',
        },
      }),
      facts({ patches: { kind: 'unrecognised', reason: 'showrev: not found', raw: '' } }),
      'D2',
    );
    expect(rows.map((row) => [row.aspect, row.outcome, row.note])).toEqual([
      ['Solaris release', 'differs', null],
      ['Patches (showrev -p)', 'unreadable', null],
      ['CMS version and base load', 'same', null],
      ['Tape drive', 'not-compared', expect.stringContaining('P2 compared the drives')],
      ['Data storage parameters (storage.def)', 'differs', 'line 2: ORIG "15", NEW "30"'],
      ['Locale', 'differs', 'LANG: ORIG "en_US.ISO8859-1", NEW "C"'],
    ]);
    const samePatchLevel = compareServers(
      facts({ osRelease: { text: '5.8 a' }, patches: { kind: 'patches', patches: { '108528': 29 } } }),
      facts({ osRelease: { text: '5.9 b' } }),
      'D8',
    );
    expect(samePatchLevel[1]).toMatchObject({ outcome: 'not-compared' });
  });
});
