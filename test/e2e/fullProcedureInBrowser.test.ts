import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { STEP_IDS, type ServerRole, type StepId } from '../../shared/procedure/types.ts';
import { useAppInChromium } from '../support/appInChromium.ts';
import { chromiumUnavailableReason } from '../support/chromium.ts';
import { cmsHa } from '../support/runCmsHa.ts';
import {
  chooseAction,
  keyPlanFor,
  LOG_OUT,
  openWindow,
  type KeyStep,
} from '../../electron/simulator/screens/keyPlans.ts';
import { ARCHIVING_STATUS } from '../../electron/simulator/screens/setupWindows.ts';
import { KEYS } from '../../electron/simulator/screens/screenAssumptions.ts';
import { stepDefinition } from '../../shared/procedure/procedureGraph.ts';

const skipReason = chromiumUnavailableReason();
if (skipReason) console.warn(`fullProcedureInBrowser: ${skipReason}`);

/** The keys of the full-screen CMS interface, as a keyboard names them. */
const KEY_NAMES: Record<string, string> = {
  [KEYS.up]: 'ArrowUp',
  [KEYS.down]: 'ArrowDown',
  [KEYS.enter]: 'Enter',
  [KEYS.space]: 'Space',
  [KEYS.mainMenu]: 'F8',
  [KEYS.exit]: 'F5',
};

/** Screenshots of the main views, kept after the run for a person to look at. */
const ARTIFACTS = path.resolve('test-artifacts', 'screenshots');
const HOSTNAME: Record<ServerRole, string> = { ORIG: 'cms-orig', NEW: 'cms-new' };
const ENDED = new Set(['passed', 'failed', 'interrupted', 'skipped']);

/**
 * A trainee working through the whole upgrade in the app, in Chromium: tapes moved with the training
 * tape box, CMS menu work typed into the app's terminal, every question answered in the inbox.
 */
class TraineeAtTheWindow {
  /** Which tape the trainee put into each drive. */
  readonly drives: Record<ServerRole, string | null> = { ORIG: null, NEW: null };
  private readonly actions = new Map<string, () => Promise<void>>();
  /** The blank tapes each backup writes (CMSADM and maintenance), by step and server, in the order asked for. */
  readonly cmsadmTapes: Record<string, string[]> = {};
  /** A tape the trainee offers first by mistake, by step and server (once). */
  readonly wrongFirst: Record<string, string> = {};
  answered = 0;
  /** The steps at which the servers were compared and the trainee judged their difference. */
  readonly comparisonsJudged: string[] = [];
  /** Who signed off what, as the app asked: `step: party`. */
  readonly signedOffBy: string[] = [];
  /** How far down the window the lowest question reached (its bottom edge, in pixels). */
  lowestQuestionBottom = 0;

  constructor(public page: Page) {}

  on(key: string, action: () => Promise<void>): this {
    this.actions.set(key, action);
    return this;
  }

  stepState(stepId: StepId): Locator {
    return this.page.locator(`tr[data-step="${stepId}"] td[data-status]`);
  }

  /** Goes to one of the window's views by its tab. */
  async view(title: 'Now' | 'Step' | 'Plan' | 'Tapes' | 'Servers' | 'Report'): Promise<void> {
    const tab = this.page.getByRole('tab', { name: new RegExp(`^${title}`) });
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  }

  /** Moves a tape in the training tape box (the Tapes view), then comes back to the view it was on. */
  async moveTape(tape: string, server: ServerRole | null): Promise<void> {
    const row = this.page.locator(`[data-training-tape="${tape}"]`);
    const where = server ? `${server} drive` : 'on the desk';
    if (((await row.locator('td').nth(1).textContent()) ?? '') !== where) {
      const back = await this.page.getByRole('tab', { selected: true }).textContent();
      await this.view('Tapes');
      await row
        .getByRole('button', { name: server ? `Put ${tape} into the ${server} drive` : `Take ${tape} out` })
        .click();
      await expect.poll(() => row.locator('td').nth(1).textContent()).toBe(where);
      if (back?.startsWith('Step')) await this.view('Step');
    }
    for (const drive of ['ORIG', 'NEW'] as const) if (this.drives[drive] === tape) this.drives[drive] = null;
    if (server) this.drives[server] = tape;
  }

  /** Types a command line into a fresh terminal; waits for the shell to come back. */
  async terminal(server: ServerRole, command: string): Promise<void> {
    await this.openTerminal(server);
    await this.page.keyboard.type(`${command}\r`);
    await this.finishInTerminal(server);
  }

  /**
   * Does a checklist item's work in the full-screen CMS interface through the app's terminal: `cms`, then
   * the training plan's keys one at a time, as a person types them (the window redraws between keys,
   * and the watch sees Run highlighted before the Enter that chooses it). The terminal is photographed
   * with the window set, before that Enter.
   */
  async cmsWork(server: ServerRole, stepId: StepId, itemId: string): Promise<void> {
    const item = stepDefinition(stepId).checklist.find((candidate) => candidate.id === itemId)!;
    await this.inCms(server, keyPlanFor(item)!, `window-${stepId}-${itemId}`);
  }

  /**
   * `cms` in a fresh terminal, the plan's keys one by one. The terminal is photographed before the Enter
   * that ends the plan's last step but one (Run chosen: `<name>.png`) and, once the Status line no
   * longer says the work has started, before logging out (`<name>-after.png`).
   */
  async inCms(server: ServerRole, plan: readonly KeyStep[], photograph: string): Promise<void> {
    const screen = this.page.locator('.terminal-screen');
    await this.openTerminal(server);
    await this.page.keyboard.type('cms\r');
    await expect.poll(() => this.page.locator('.xterm-rows').textContent()).toContain('Main Menu');
    for (const [index, step] of plan.entries()) {
      if (index === plan.length - 1) {
        await expect
          .poll(() => this.page.locator('.xterm-rows').textContent(), { timeout: 60_000 })
          .not.toMatch(/Status: \w+ started\./);
        await this.page.waitForTimeout(300);
        await screen.screenshot({ path: path.join(ARTIFACTS, `${photograph}-after.png`) });
      }
      for (const [keyIndex, key] of step.keys.entries()) {
        const choosing = index === plan.length - 2 && keyIndex === step.keys.length - 1;
        if (choosing) {
          await this.page.waitForTimeout(400);
          await screen.screenshot({ path: path.join(ARTIFACTS, `${photograph}.png`) });
        }
        await this.page.keyboard.press(KEY_NAMES[key]!);
        await this.page.waitForTimeout(choosing ? 300 : 60);
      }
    }
    await this.finishInTerminal(server);
  }

  private async openTerminal(server: ServerRole): Promise<void> {
    await this.page.getByRole('button', { name: `Open a terminal on ${server}` }).click();
    await expect
      .poll(() => this.page.locator('.xterm-rows').textContent(), { timeout: 15_000 })
      .toContain(`${HOSTNAME[server]}#`);
    await this.page.locator('.terminal-screen').click();
  }

  /** Types `hostname` and waits for the shell to print it (the work before it is over), then closes the terminal. */
  private async finishInTerminal(server: ServerRole): Promise<void> {
    const rows = this.page.locator('.xterm-rows > div');
    const finished = new RegExp(`(^|# )${HOSTNAME[server]}\\s*$`);
    await this.page.keyboard.type('hostname\r');
    await expect
      .poll(async () => (await rows.allTextContents()).some((row) => finished.test(row)), {
        timeout: 30_000,
      })
      .toBe(true)
      .catch(async (error: Error) => {
        throw new Error(
          `${error.message}\nThe terminal shows:\n${(await rows.allTextContents()).join('\n')}`,
        );
      });
    await this.page.getByRole('button', { name: 'Close the terminal' }).click();
  }

  /**
   * Runs a step from the window's home, which names it as the next thing to do, and answers the app
   * until the step has ended. Every question is in view when it is asked, at the window's size.
   */
  async run(stepId: StepId, onQuestion?: (question: Locator) => Promise<boolean>): Promise<string> {
    await this.view('Now');
    await expect
      .poll(() => this.page.getByRole('heading', { level: 2 }).first().textContent())
      .toMatch(new RegExp(`^${stepId}: `));
    await this.page.getByRole('button', { name: new RegExp(`^Run (again )?${stepId}$`) }).click();
    const question = this.page.locator('.inbox .question').first();
    for (;;) {
      if (await question.isVisible()) {
        const box = (await question.boundingBox())!;
        const height = this.page.viewportSize()!.height;
        expect({ stepId, top: box.y >= 0, bottomInView: box.y + box.height <= height }).toEqual({
          stepId,
          top: true,
          bottomInView: true,
        });
        this.lowestQuestionBottom = Math.max(this.lowestQuestionBottom, box.y + box.height);
        if (!(await onQuestion?.(question))) await this.answer(stepId, question);
        this.answered++;
        continue;
      }
      const status = (await this.stepState(stepId).textContent()) ?? '';
      if (ENDED.has(status) && !(await this.page.getByRole('heading', { name: `Running ${stepId}` }).count()))
        return status;
      await this.page.waitForTimeout(100);
    }
  }

  private async answer(stepId: StepId, question: Locator): Promise<void> {
    const page = this.page;
    if ((await question.getAttribute('role')) === 'dialog') {
      await page.getByRole('button', { name: 'It matches: trust this server' }).click();
      return;
    }
    if ((await question.getAttribute('role')) === 'group') {
      const item = (await question.getAttribute('data-item')) ?? '';
      await this.actions.get(`${stepId}:${item}`)?.();
      await question.getByRole('button', { name: 'Yes, done' }).click();
      return;
    }
    if (
      (await question.getAttribute('aria-label')) === 'Your verdict' &&
      /Solaris release of ORIG and NEW, compared before D[28]/.test((await question.textContent()) ?? '')
    ) {
      // The servers held side by side before D2 and D8: their Solaris releases differ, which is fine.
      this.comparisonsJudged.push(stepId);
      expect(await question.getByLabel('Output to judge').textContent()).toMatch(
        /ORIG: 5\.8 .*\n\s+NEW: +5\.9 /,
      );
      await question
        .getByLabel('Why (kept in the report)')
        .fill('NEW runs the Solaris release of its platform');
      await question.getByRole('button', { name: 'Fine for the upgrade' }).click();
      return;
    }
    if ((await question.getAttribute('aria-label')) === 'Your verdict') {
      // D4: NEW is in single user mode, so the app asks the trainee to read Data Collection there.
      expect(await question.textContent()).toMatch(/Data Collection window of NEW.*single user mode/s);
      await this.inCms(
        'NEW',
        [...openWindow('System Setup', 'Data Collection'), LOG_OUT],
        'window-D4-data-collection',
      );
      await question.getByLabel('Why (kept in the report)').fill('Data Collection on NEW shows every ACD on');
      await question.getByRole('button', { name: 'Looks right' }).click();
      return;
    }
    const text = (await question.textContent()) ?? '';
    const tapeButton = question.getByRole('button', { name: /^Tape \d+ is in: continue$/ });
    if (await tapeButton.count()) {
      const server: ServerRole = text.startsWith('NEW') ? 'NEW' : 'ORIG';
      const number = Number(/^Tape (\d+)/.exec((await tapeButton.textContent()) ?? '')![1]);
      const wrong = this.wrongFirst[`${stepId}:${server}`];
      delete this.wrongFirst[`${stepId}:${server}`];
      const tape = wrong ?? this.cmsadmTapes[`${stepId}:${server}`]![number - 1]!;
      // The verification pass asks for each tape by the name it was given when written.
      if (text.includes('Verification: insert tape')) expect(text).toContain(`It is ${tape}.`);
      await this.moveTape(tape, server);
      const name = question.getByLabel(/^Name written on tape/);
      if (await name.count()) await name.fill(tape);
      await tapeButton.click();
      return;
    }
    const input = question.getByRole('textbox');
    if (text.startsWith('Id written on the cartridge in the drive')) {
      await input.fill(this.drives[stepId === 'D9' ? 'NEW' : 'ORIG']!);
    } else if (text.startsWith('Cut-off time')) {
      await question.getByLabel("Date and time on the site's clock").fill('2026-11-24T07:00');
      await question.getByLabel('Site time zone').selectOption('Europe/London');
    } else if (
      text.startsWith('Name of the switch administrator') ||
      text.startsWith('Name of the TSC engineer')
    ) {
      // The people the manual makes responsible sign off their part by name.
      this.signedOffBy.push(`${stepId}: ${text.startsWith('Name of the switch') ? 'switch' : 'TSC'}`);
      await input.fill(text.startsWith('Name of the switch') ? 'P. Switch' : 'T. Centre');
    } else if (text.startsWith('How long may the outage window last')) {
      await input.fill('6:00');
    } else if (text.startsWith('Press Enter to check the archiving status again')) {
      // Training only: the app has the training server finish the next interval archive now.
      expect(text).toContain('type "now"');
      await input.fill('now');
    } else if (!text.startsWith('Which server is the primary')) {
      throw new Error(`The trainee does not know how to answer: ${text}`);
    }
    await question.getByRole('button', { name: 'Answer' }).click();
  }
}

describe.skipIf(skipReason !== null)('the whole training upgrade through the app in Chromium', () => {
  const app = useAppInChromium();
  beforeAll(() => mkdir(ARTIFACTS, { recursive: true }));

  it(
    'runs P1 to D11 with tape swaps, refuses a wrong tape, survives a reload mid-backup, and exports every report',
    { timeout: 300_000 },
    async () => {
      const page = await app().openApp({ width: 1366, height: 768 });
      await page.getByLabel('Site').fill('Acme Leeds');
      await page.getByLabel('Technician').fill('R. Tech');
      await page.getByRole('button', { name: 'Start a training upgrade on the simulated pair' }).click();
      await page.locator('[data-training-tape="DDS4-01"]').waitFor({ state: 'attached' });

      const trainee = new TraineeAtTheWindow(page);
      let d2Attempts = 0;
      trainee
        .on('P4b:full-backup-run', async () => {
          await trainee.moveTape('DDS4-02', 'ORIG');
          await trainee.cmsWork('ORIG', 'P4b', 'full-backup-run');
        })
        .on('D1:admin-backup-run', async () => {
          await trainee.moveTape('DDS4-03', 'ORIG');
          await trainee.cmsWork('ORIG', 'D1', 'admin-backup-run');
        })
        .on('D2:single-user-mode', () => trainee.cmsWork('NEW', 'D2', 'single-user-mode'))
        // The first time, the trainee picks up the full backup instead of the admin tape.
        .on('D2:admin-tape-inserted', () =>
          trainee.moveTape(++d2Attempts === 1 ? 'DDS4-02' : 'DDS4-03', 'NEW'),
        )
        .on('D2:migrate-system-admin', () => trainee.cmsWork('NEW', 'D2', 'migrate-system-admin'))
        .on('D2:migrate-agent-admin', () => trainee.cmsWork('NEW', 'D2', 'migrate-agent-admin'))
        .on('D5:incremental-backup-run', async () => {
          await trainee.moveTape('DDS4-04', 'ORIG');
          await trainee.cmsWork('ORIG', 'D5', 'incremental-backup-run');
        })
        .on('D6:cue-upgrade-done', () => trainee.terminal('ORIG', 'simctl cue-upgrade r3v11ak.g'))
        .on('D7:incremental-tape-inserted', () => trainee.moveTape('DDS4-04', 'NEW'))
        .on('D7:migrate-historical-incremental', () =>
          trainee.cmsWork('NEW', 'D7', 'migrate-historical-incremental'),
        )
        .on('D7:full-tape-inserted', () => trainee.moveTape('DDS4-02', 'NEW'))
        .on('D7:migrate-historical-full', () => trainee.cmsWork('NEW', 'D7', 'migrate-historical-full'))
        .on('D8:admin-tape-inserted', () => trainee.moveTape('DDS4-03', 'ORIG'))
        .on('D8:single-user-mode', () => trainee.cmsWork('ORIG', 'D8', 'single-user-mode'))
        .on('D8:migrate-admin-back', () => trainee.cmsWork('ORIG', 'D8', 'migrate-admin-back'))
        .on('D8:multi-user-mode', () => trainee.cmsWork('ORIG', 'D8', 'multi-user-mode'))
        .on('D9:full-backup-run', async () => {
          await trainee.moveTape('DDS4-05', 'NEW');
          await trainee.cmsWork('NEW', 'D9', 'full-backup-run');
        })
        .on('D10:full-new-inserted', () => trainee.moveTape('DDS4-05', 'ORIG'))
        .on('D10:restore-run', async () => {
          await trainee.cmsWork('ORIG', 'D10', 'restore-run');
          // The manual: "To view the error log, select Maintenance > Error Log".
          await trainee.inCms(
            'ORIG',
            [...openWindow('Maintenance', 'Error Log'), LOG_OUT],
            'window-D10-error-log',
          );
        })
        // Before busying out, the trainee looks at the archiving status the app judged, as the manual shows it.
        .on('D3:links-busied-out', () =>
          trainee.inCms(
            'ORIG',
            [
              ...openWindow('Maintenance', 'Archiving Status'),
              chooseAction(ARCHIVING_STATUS, 'List all'),
              LOG_OUT,
            ],
            'window-D3-archiving-status',
          ),
        );

      // ORIG's CMSADM backup does not fit on one short tape: the app asks for a second one.
      await trainee.view('Tapes');
      for (const tape of ['SHORT-1', 'SHORT-2']) {
        await page.getByLabel('New tape name').fill(tape);
        await page.getByLabel('Capacity in blocks').fill('1000000');
        await page.getByRole('button', { name: 'Unpack a blank tape' }).click();
        await page.locator(`[data-training-tape="${tape}"]`).waitFor();
      }
      trainee.cmsadmTapes['P4a:ORIG'] = ['SHORT-1', 'SHORT-2'];
      // The blank tape each maintenance backup is written on, named before Run.
      trainee.cmsadmTapes['P4b:ORIG'] = ['DDS4-02'];
      trainee.cmsadmTapes['D1:ORIG'] = ['DDS4-03'];
      trainee.cmsadmTapes['D5:ORIG'] = ['DDS4-04'];
      trainee.cmsadmTapes['D9:NEW'] = ['DDS4-05'];
      trainee.cmsadmTapes['D11:NEW'] = ['DDS4-06'];
      trainee.cmsadmTapes['D11:ORIG'] = ['DDS4-07'];

      // P2 asks for a tape in each drive before it reads them.
      trainee
        .on('P2:tape-loaded-orig', () => trainee.moveTape('DDS4-08', 'ORIG'))
        .on('P2:tape-loaded-new', () => trainee.moveTape('DDS4-01', 'NEW'));
      // For P4b's backup the trainee first picks up the CMSADM tape just written: refused, by name.
      trainee.wrongFirst['P4b:ORIG'] = 'SHORT-1';
      let refusalShown = false;
      let reloaded = false;
      const reloadedViews: string[] = [];
      for (const stepId of STEP_IDS) {
        const status = await trainee.run(stepId, async (question) => {
          if (stepId === 'P4b' && !refusalShown && !trainee.wrongFirst['P4b:ORIG']) {
            await expect
              .poll(() => page.locator('.inbox .messages').textContent())
              .toContain('SHORT-1 holds the CMSADM backup of ORIG');
            refusalShown = true;
          }
          // Mid-backup: the window reloads while the app waits for tape 2 and comes back to the same place.
          if (stepId !== 'P4a' || reloaded || !/insert tape 2/.test((await question.textContent()) ?? ''))
            return false;
          reloaded = true;
          await expect
            .poll(() => page.getByRole('list', { name: 'Progress' }).textContent())
            .toContain('ORIG: Writing tape 1');
          await page.screenshot({
            path: path.join(ARTIFACTS, 'step-view-tape-question.png'),
            fullPage: true,
          });
          const before = await trainee.stepState('P4a').textContent();
          await page.reload();
          await page.getByRole('heading', { name: 'Running P4a' }).waitFor();
          await expect
            .poll(() => page.locator('.inbox .question').first().textContent())
            .toMatch(/insert tape 2/);
          expect(await page.getByRole('list', { name: 'Progress' }).textContent()).toContain(
            'ORIG: Writing tape 1',
          );
          expect(await trainee.stepState('P4a').textContent()).toBe(before);
          return false;
        });
        if (stepId === 'D2' && status === 'failed') {
          await expect
            .poll(() => page.getByRole('alert').first().textContent())
            .toMatch(
              /D2 failed: wrong tape in the drive of NEW: it holds DDS4-02, .*Take it out and insert DDS4-03;.*ADMIN-ORIG must be XSMC-F/,
            );
          await page.getByRole('button', { name: 'Dismiss' }).click();
          expect(await trainee.run('D2')).toBe('passed');
          continue;
        }
        expect({ stepId, status }).toEqual({ stepId, status: 'passed' });
        // A reload on another view lands on that view, the session as it was.
        const reloadOn = ({ P3b: 'Plan', D5: 'Tapes', D9: 'Servers' } as const)[stepId as string];
        if (reloadOn) {
          await trainee.view(reloadOn);
          await page.reload();
          await expect
            .poll(() =>
              page.getByRole('tab', { name: new RegExp(`^${reloadOn}`) }).getAttribute('aria-selected'),
            )
            .toBe('true');
          await expect.poll(() => trainee.stepState(stepId).textContent()).toBe('passed');
          reloadedViews.push(reloadOn);
        }
        if (stepId === 'P2') {
          await trainee.moveTape('DDS4-08', null);
          await trainee.moveTape('DDS4-01', null);
        }
      }
      expect(reloaded).toBe(true);
      expect(reloadedViews).toEqual(['Plan', 'Tapes', 'Servers']);
      // D2 ran twice (the wrong tape first): the Solaris releases were judged each time. At D8 ORIG runs
      // NEW's release after its CUE upgrade: nothing differs, nothing is asked.
      expect(trainee.comparisonsJudged).toEqual(['D2', 'D2']);
      // The switch administrator and the TSC signed off their parts by name, once each (D2's kept).
      expect(trainee.signedOffBy).toEqual(['P1: switch', 'D2: TSC', 'D3: switch', 'D6: TSC']);
      // Every question was wholly in view when asked, at 1366 × 768.
      expect(trainee.lowestQuestionBottom).toBeGreaterThan(0);
      expect(trainee.lowestQuestionBottom).toBeLessThanOrEqual(768);
      expect(refusalShown).toBe(true);
      expect(d2Attempts).toBe(2);

      // Every tape in the register, with the two-tape CMSADM set of ORIG.
      const tapeRows = await Promise.all(
        (await page.locator('tr[data-tape]').all()).map(async (row) => [
          await row.getAttribute('data-tape'),
          await row.locator('td').first().textContent(),
        ]),
      );
      expect(tapeRows).toEqual([
        ['SHORT-1', 'CMSADM-ORIG'],
        ['SHORT-2', 'CMSADM-ORIG'],
        ['DDS4-02', 'FULL-ORIG'],
        ['DDS4-03', 'ADMIN-ORIG'],
        ['DDS4-04', 'INCR-ORIG'],
        ['DDS4-05', 'FULL-NEW'],
        ['DDS4-06', 'CMSADM-NEW'],
        ['DDS4-07', 'CMSADM-ORIG-FINAL'],
      ]);
      expect(await page.locator('tr[data-tape="SHORT-2"]').textContent()).toContain('2 of 2');
      expect(await page.getByText('Can start next:').count()).toBe(0);
      expect(await page.locator('[data-lane-step][data-status="passed"]').count()).toBe(17);
      expect(await page.locator('svg.timeline rect.bar[data-outcome="failed"]').count()).toBe(1);
      expect(await page.locator('svg.timeline rect.outage').count()).toBe(1);
      expect(await page.getByLabel('HA roles').textContent()).toContain('NEW is the primary server');

      // The step view reads the transcript of the backup it ran.
      await trainee.view('Plan');
      await page.getByRole('button', { name: 'Details of P4a' }).click();
      await page.getByRole('button', { name: 'Show P4a-ORIG-1.log' }).click();
      await expect
        .poll(() => page.getByRole('region', { name: 'Transcript transcripts/P4a-ORIG-1.log' }).textContent())
        .toContain('Tape Verification');

      // Each view of the finished upgrade, at the laptop's 1366 × 768 and at 1920 × 1080.
      for (const size of [
        { width: 1366, height: 768 },
        { width: 1920, height: 1080 },
      ]) {
        await page.setViewportSize(size);
        for (const view of ['Now', 'Step', 'Plan', 'Tapes', 'Servers', 'Report'] as const) {
          await trainee.view(view);
          await page.waitForTimeout(200);
          await page.screenshot({
            path: path.join(ARTIFACTS, `view-${view.toLowerCase()}-${size.width}x${size.height}.png`),
          });
        }
      }
      await page.setViewportSize({ width: 1366, height: 768 });
      expect((await readdir(ARTIFACTS)).filter((file) => file.startsWith('view-'))).toHaveLength(12);
      // The terminal with each full-screen CMS window the upgrade uses, set and after its work.
      expect((await readdir(ARTIFACTS)).filter((file) => file.startsWith('window-'))).toEqual(
        expect.arrayContaining(
          [
            'P4b-full-backup-run',
            'D1-admin-backup-run',
            'D2-single-user-mode',
            'D2-migrate-system-admin',
            'D2-migrate-agent-admin',
            'D5-incremental-backup-run',
            'D7-migrate-historical-incremental',
            'D7-migrate-historical-full',
            'D8-migrate-admin-back',
            'D8-multi-user-mode',
            'D10-restore-run',
            'D4-data-collection',
            'D3-archiving-status',
            'D10-error-log',
          ].flatMap((name) => [`window-${name}.png`, `window-${name}-after.png`]),
        ),
      );

      // The finished upgrade exports every form of its report from the app; the JSON verifies against the session.
      await trainee.view('Report');
      for (const name of [
        'Export HTML report',
        'Export PDF report',
        'Export JSON record (with transcripts)',
        'Export CSV of steps and tapes',
        'Export Tape labels and checklist',
      ]) {
        await page.getByRole('button', { name }).click();
        await page.getByRole('button', { name }).waitFor();
        await expect.poll(() => page.getByRole('button', { name }).isEnabled()).toBe(true);
      }
      const files = (
        await page.getByRole('list', { name: 'Exported files' }).locator('code').allTextContents()
      ).sort();
      expect(files.map((file) => path.basename(file))).toEqual([
        'journal-head.txt',
        'steps.csv',
        'tape-labels.html',
        'tapes.csv',
        'upgrade-report.html',
        'upgrade-report.json',
        'upgrade-report.pdf',
      ]);
      // "Open" in the browser harness hands the export over as a download.
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Open upgrade-report.pdf' }).first().click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('upgrade-report.pdf');
      expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
      const sessionDirectory = path.dirname(path.dirname(files[0]!));
      // The watch saw each Run in the app's terminal and journaled the selections on screen, all as required.
      const runsSeen = (await readFile(path.join(sessionDirectory, 'journal.jsonl'), 'utf8'))
        .split('\n')
        .filter((line) => line.includes('"kind":"window-at-run"'))
        .map((line) => {
          const { event } = JSON.parse(line) as {
            event: { stepId: string; evidence: { differences: string[] | null; wentAheadDespite: boolean } };
          };
          return [event.stepId, event.evidence.differences, event.evidence.wentAheadDespite];
        });
      expect(runsSeen).toEqual(
        ['P4b', 'D1', 'D2', 'D2', 'D5', 'D7', 'D7', 'D8', 'D9', 'D10'].map((stepId) => [stepId, [], false]),
      );
      expect((await readFile(files.find((f) => f.endsWith('.pdf'))!)).subarray(0, 5).toString()).toBe(
        '%PDF-',
      );
      const verified = await cmsHa(
        'verify',
        sessionDirectory,
        files.find((f) => f.endsWith('.json'))!,
      );
      expect(verified.stdout).toMatch(/^The report matches the journal after \d+ events/);
      expect(
        await readFile(
          files.find((f) => f.endsWith('upgrade-report.html'))!,
          'utf8',
        ),
      ).toContain('Every step of the procedure is done.');

      // The window's home ends on the completion summary: the steps, the tapes to hand over, the exports.
      await trainee.view('Now');
      const summary = page.getByRole('region', { name: 'Completion summary' });
      await summary.getByRole('heading', { name: 'The upgrade is complete' }).waitFor();
      expect(await summary.locator('[data-summary-step]').count()).toBe(17);
      expect(await summary.getByRole('list', { name: 'Tapes the customer keeps' }).textContent()).toMatch(
        /\(CMSADM-ORIG\): SHORT-1: .*SHORT-2: .*\(FULL-NEW\): DDS4-05/,
      );
      expect(await summary.getByRole('list', { name: 'Exports made' }).textContent()).toContain(
        'upgrade-report.pdf',
      );
      // No stale banner of an earlier failure (D2's first attempt) once the upgrade is complete.
      expect(await page.getByRole('alert').count()).toBe(0);
      await page.screenshot({ path: path.join(ARTIFACTS, 'completion-summary.png') });

      // The customer's representative signs off in the window: the report and cms-ha verify name them.
      const signOff = summary.getByRole('form', { name: 'Customer sign-off' });
      await signOff.getByLabel('Customer representative').fill('J. Admin');
      await signOff.getByLabel('Role').fill('Contact centre manager');
      await signOff.getByRole('button', { name: 'Record the sign-off' }).click();
      await expect
        .poll(() => summary.getByRole('status').textContent())
        .toMatch(/^Signed off by J\. Admin \(Contact centre manager\)/);
      await trainee.view('Report');
      await page.getByRole('button', { name: 'Export JSON record (with transcripts)' }).click();
      await expect
        .poll(() => page.getByRole('list', { name: 'Exported files' }).locator('code').count())
        .toBe(8);
      const signedJson = (await page
        .getByRole('list', { name: 'Exported files' })
        .locator('code')
        .first()
        .textContent())!;
      const signedOff = await cmsHa('verify', sessionDirectory, signedJson);
      expect(signedOff.stdout).toContain(
        'Signed off by the customer representative J. Admin (Contact centre manager)',
      );
      expect(app().errors).toEqual([]);
    },
  );
});
