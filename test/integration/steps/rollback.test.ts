import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { pdfToolsUnavailableReason } from '../../support/pdfTools.ts';
import { cmsHa } from '../../support/runCmsHa.ts';
import { itemKeys } from '../../support/cmsKeys.ts';
import { STEP_IDS } from '../../../shared/procedure/types.ts';
import type { UpgradeReport } from '../../../shared/report/upgradeReport.ts';
import { SessionGuardError } from '../../../shared/session/sessionGuardError.ts';
import { skipWithoutSshd, useSimulatedPairBehindSshd } from '../../support/sshd.ts';
import { useTrainingSession } from '../../support/trainingRun.ts';

const skip = skipWithoutSshd('rollback');
const pdfSkip = pdfToolsUnavailableReason();
const run = promisify(execFile);
/** The rollback run's report as PNG pages, kept with the test run's other artifacts. */
const ARTIFACTS = path.resolve('test-artifacts', 'rollback-report');

describe.skipIf(skip)('the way back: a CUE upgrade of ORIG fails at D6 and ORIG is rolled back', () => {
  const pair = useSimulatedPairBehindSshd();
  const session = useTrainingSession(pair);

  it(
    'restores ORIG from its day-before tapes, checked by custody, until it runs its old CMS version and collects data again',
    { timeout: 300_000 },
    async () => {
      const { journal, run, trainee, hands } = session();
      trainee
        .on('P2:tape-loaded-orig', (h) => h.moveTape('DDS4-08', 'ORIG'))
        .on('P2:tape-loaded-new', (h) => h.moveTape('DDS4-01', 'NEW'))
        .on('D6:cue-upgrade-done', async (h) => void (await h.run('ORIG', 'simctl cue-upgrade-fails')));
      for (const stepId of STEP_IDS.slice(0, STEP_IDS.indexOf('D6'))) {
        const result = await run(stepId);
        expect({ stepId, status: result.status }).toEqual({ stepId, status: 'passed' });
        if (stepId === 'P2') {
          await hands.eject('ORIG');
          await hands.eject('NEW');
        }
      }
      const oldVersion = journal.state.tapes['DDS4-01']!.cmsVersion;
      const failed = await run('D6');
      expect(failed).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(/^ORIG runs CMS \S+ and NEW \S+: they must match$/),
      });

      trainee
        .on('RB:system-restored', async (h) => {
          await h.moveTape('DDS4-01', 'ORIG');
          await h.run('ORIG', 'simctl restore-cmsadm');
        })
        .on('RB:full-orig-inserted', (h) => h.moveTape('DDS4-02', 'ORIG'))
        .on('RB:data-restored', async (h) => void (await h.cms('ORIG', itemKeys('RB', 'data-restored'))))
        .on('RB:switch-back', async (h) => {
          await h.run('ORIG', 'simctl data-collection 1 on');
          await h.run('ORIG', 'simctl data-collection 2 on');
        });
      const named: string[] = [];
      const answers = trainee.answerFirst((question, request) => {
        if (question.startsWith('Why roll back?'))
          return 'The CUE upgrade of ORIG broke off; CMS does not start.';
        if (question.startsWith('Id written on CMSADM tape 1 of 1 of ORIG')) {
          named.push(question);
          // The trainee first reaches for the wrong cartridge: the register says which one it is.
          return named.length === 1 ? 'DDS4-02' : 'DDS4-01';
        }
        if (request?.kind === 'sign-off') return 'Pat Switch';
        return null;
      });
      // A "no" at the decision leaves the upgrade where it was: nothing decided, no clock, no note.
      const keepGoing = trainee.refuseConfirmation((text) => text.startsWith('The upgrade stops here'));
      expect(await run('RB')).toMatchObject({ status: 'failed' });
      keepGoing();
      expect(journal.state.clocks['rollback-window'].startedAt).toBeNull();
      expect(journal.state.notes.filter((note) => note.stepId === 'RB')).toEqual([]);

      const rollback = await run('RB');
      answers();
      expect({ status: rollback.status, reason: rollback.reason }).toEqual({
        status: 'passed',
        reason: null,
      });
      expect(named[1]).toContain(
        'DDS4-02 is the Full maintenance backup of ORIG (day before), not CMSADM tape 1 (DDS4-01)',
      );

      const state = journal.state;
      // ORIG runs the version its CMSADM tape was written with, and collects data on every ACD.
      const pkginfo = await (await session().connect('ORIG')).exec('pkginfo -l cms');
      expect(pkginfo.kind === 'exited' && pkginfo.stdout).toContain(`VERSION:  ${oldVersion}`);
      expect(state.steps.RB.checkedItems).toEqual(
        expect.arrayContaining([
          'rollback-decided',
          'cmsadm-tapes-in-hand',
          'system-restored',
          'old-version-back',
          'full-orig-inserted',
          'data-restored',
          'switch-back',
          'data-collection-orig',
          'users-told',
        ]),
      );
      expect(state.steps.RB.tapesLoaded.map((t) => t.tapeId)).toEqual(['DDS4-01', 'DDS4-02']);
      expect(state.steps.RB.itemSignOffs).toEqual([
        expect.objectContaining({ itemId: 'switch-back', party: 'switch-administrator', name: 'Pat Switch' }),
      ]);
      expect(state.clocks['rollback-window'].startedAt).not.toBeNull();
      expect(state.clocks['rollback-window'].endedAt).toBe(state.steps.RB.endedAt);
      expect(state.clocks['admin-freeze'].endedAt).not.toBeNull();
      expect(state.notes.map((note) => note.text)).toContain(
        'Rollback decided: The CUE upgrade of ORIG broke off; CMS does not start.',
      );
      // The upgrade does not go on in this session.
      await expect(
        journal.append({ type: 'step-started', stepId: 'D6', at: new Date().toISOString() }),
      ).rejects.toThrow(SessionGuardError);
    },
  );

  it.skipIf(pdfSkip !== null)(
    "reports the rollback: on the first page, its own section, the switch administrator's sign-off, on US Letter pages",
    { timeout: 120_000 },
    async () => {
      const { journal } = session();
      await journal.append({
        type: 'customer-signed-off',
        name: 'Chris Customer',
        role: 'Contact centre manager',
        at: new Date().toISOString(),
      });
      await rm(ARTIFACTS, { recursive: true, force: true });
      await mkdir(ARTIFACTS, { recursive: true });
      const out = path.join(ARTIFACTS, 'rollback-report.pdf');
      const printed = await cmsHa(
        'report',
        journal.directory,
        '--format',
        'pdf',
        '--paper-size',
        'Letter',
        '--out',
        out,
      );
      expect({ code: printed.code, stderr: printed.stderr }).toEqual({ code: 0, stderr: '' });
      const { stdout: info } = await run('pdfinfo', [out]);
      expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
      await run('pdftoppm', ['-r', '40', '-png', out, path.join(ARTIFACTS, 'page')]);
      const images = (await readdir(ARTIFACTS)).filter((file) => file.endsWith('.png'));

      const { stdout: text } = await run('pdftotext', ['-layout', out, '-']);
      const pages = text.split('\f').filter((page) => page.trim() !== '');
      expect(pages).toHaveLength(images.length);
      const flat = (page: string) => page.replace(/\s+/g, ' ');
      expect(flat(pages[0]!)).toMatch(
        /Outcome The upgrade was stopped and ORIG rolled back with D6 \(failed\), .* not done: ORIG is back as it was the day before, running CMS \S+, and collects data on every ACD again\. Why: The CUE upgrade of ORIG broke off; CMS does not start\. The rollback window lasted /,
      );
      for (const [index, page] of pages.entries())
        expect(flat(page)).toContain(`Page ${index + 1} of ${pages.length}`);
      const all = flat(text);
      expect(all).toMatch(/Rollback ORIG was rolled back\. Why: The CUE upgrade of ORIG broke off/);
      expect(all).toContain(
        'Not restored from DDS4-02: DDS4-02 is the Full maintenance backup of ORIG (day before), not CMSADM tape 1 (DDS4-01).',
      );
      expect(all).toContain('Failed and interrupted attempts, and how each was resolved');
      expect(all).toContain('The admin freeze started at step 1: it ends with the rollback.');
      expect(all).toContain('Pat Switch');
      expect(all).toContain('Chris Customer, Contact centre manager');
      expect(all).toMatch(/installation key SHA256:/);
      // Evidence in sentences, never a dump of keys and values.
      expect(all).not.toMatch(/\b[a-zA-Z]+\.[a-zA-Z]+: |\bkind: |\d+ items\b/);
      const report = JSON.parse(
        await readFile((await cmsHa('report', journal.directory, '--format', 'json')).stdout.trim(), 'utf8'),
      ) as { report: UpgradeReport };
      expect(report.report.rollback).toMatchObject({
        status: 'passed',
        tapesUsed: [{ tapeId: 'DDS4-01' }, { tapeId: 'DDS4-02' }],
        switchSignedOffBy: 'Pat Switch (switch administrator)',
      });
      // ORIG's day-before backups are the latest of the system it runs again: the customer keeps them.
      expect(report.report.tapes.map((tape) => `${tape.id} ${tape.afterUpgrade}`)).toEqual([
        'DDS4-01 keep',
        'DDS4-02 keep',
        'DDS4-03 reusable',
        'DDS4-04 reusable',
      ]);
      expect(flat(pages[0]!)).toMatch(
        /The customer keeps DDS4-01 \(CMSADM-ORIG, .*\); DDS4-02 \(FULL-ORIG, /,
      );
      expect(report.report.deviations.filter((d) => d.group === 'failed-attempt')).toEqual([
        expect.objectContaining({ stepId: 'D6', resolution: 'not resolved: the upgrade was rolled back' }),
        expect.objectContaining({ stepId: 'RB', resolution: 'passed on attempt 2' }),
      ]);
    },
  );
});
