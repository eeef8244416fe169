import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppInChromium } from '../support/appInChromium.ts';
import { chromiumUnavailableReason } from '../support/chromium.ts';

const skipReason = chromiumUnavailableReason();
if (skipReason) console.warn(`appInBrowser: ${skipReason}`);

describe.skipIf(skipReason !== null)('the app in Chromium through the browser harness', () => {
  const app = useAppInChromium();
  const openApp = () => app().openApp();

  const stepState = (page: Page, stepId: string) => page.locator(`tr[data-step="${stepId}"] td[data-status]`);

  it(
    'starts a training upgrade, runs steps answering the app, and comes back to the same session after a reload',
    { timeout: 120_000 },
    async () => {
      const page = await openApp();
      await page.getByLabel('Site').fill('Acme Leeds');
      await page.getByLabel('Technician').fill('R. Tech');
      await page.getByRole('button', { name: 'Start a training upgrade on the simulated pair' }).click();
      // The session opens on what to do now: P1, at the switch.
      await page.getByRole('heading', { name: /^P1: Upgrade the switches/ }).waitFor();
      await page.getByRole('button', { name: 'Run P1' }).waitFor();
      expect(await page.locator('tr[data-step]').count()).toBe(17);
      expect(await page.locator('.discrepancy').count()).toBe(2);
      expect(await stepState(page, 'D1').textContent()).toBe('pending');

      await page.keyboard.press('Alt+2');
      await page.getByRole('button', { name: 'Open a terminal on ORIG' }).click();
      // First contact with ORIG: its host key is shown and pinned only once confirmed.
      await expect
        .poll(() => page.getByRole('dialog', { name: 'Host key of ORIG' }).textContent())
        .toMatch(/First connection to ORIG .* this ssh-ed25519 fingerprint .*SHA256:/);
      await page.getByRole('button', { name: 'It matches: trust this server' }).click();
      await expect
        .poll(() => page.locator('.xterm-rows').textContent(), { timeout: 15_000 })
        .toContain('cms-orig#');
      await page.locator('.terminal-screen').click();
      await page.keyboard.type('uname -a\r');
      await expect
        .poll(() => page.locator('.xterm-rows').textContent(), { timeout: 15_000 })
        .toContain('SunOS cms-orig 5.8');
      // The terminal is CMS's 80 × 24 on the server; another size chosen in the window reaches it.
      await page.keyboard.type('simctl tty\r');
      await expect
        .poll(() => page.locator('.xterm-rows').textContent(), { timeout: 15_000 })
        .toContain('terminal 80x24');
      await page.getByLabel('Terminal size').selectOption('100 × 30');
      await page.locator('.terminal-screen').click();
      await page.keyboard.type('simctl tty\r');
      await expect
        .poll(() => page.locator('.xterm-rows').textContent(), { timeout: 15_000 })
        .toContain('terminal 100x30');
      expect(await page.locator('.xterm-rows > div').count()).toBe(30);
      // A server prints an OSC 8 hyperlink: clicking it opens nothing and asks nothing.
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        dialog.dismiss().catch(() => undefined);
      });
      const pagesBefore = page.context().pages().length;
      const osc8 = async (uri: string) => {
        await page.keyboard.press('Escape');
        await page.keyboard.type(`]8;;${uri}`);
        await page.keyboard.press('Escape');
        await page.keyboard.type('\\');
      };
      await page.keyboard.type("echo '");
      await osc8('https://example.invalid/steal');
      await page.keyboard.type('CLICKME');
      await osc8('');
      await page.keyboard.type("'\r");
      const link = page.locator('.xterm-rows span', { hasText: /^CLICKME$/ }).last();
      await link.waitFor({ timeout: 15_000 });
      await link.hover();
      await link.click();
      await page.waitForTimeout(500);
      expect(dialogs).toEqual([]);
      expect(page.context().pages()).toHaveLength(pagesBefore);
      // More output than the core lets out unacknowledged: the terminal acknowledges what it draws, so
      // all of it arrives.
      await page.keyboard.type('simctl noise 2500000\r');
      await expect
        .poll(() => page.locator('.xterm-rows').textContent(), { timeout: 60_000 })
        .toContain('noise done');
      await page.getByRole('button', { name: 'Close the terminal' }).click();

      await page.keyboard.press('Alt+3');
      await page.getByRole('button', { name: 'Details of D2' }).click();
      await page.getByRole('heading', { name: /^D2: Install and set up NEW/ }).waitFor();
      expect(await page.getByText(/Do not use the full maintenance backup tape/).count()).toBe(1);

      await page.getByRole('tab', { name: /^Now/ }).click();
      await page.getByRole('button', { name: 'Run P1' }).click();
      await page.getByRole('button', { name: 'Yes, done' }).waitFor();
      // A reload in the middle of the step comes back to the same step and the same question.
      await page.reload();
      await page.getByRole('heading', { name: 'Running P1' }).waitFor();
      for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Yes, done' }).click();
      // The switch administrator signs off the switch's administration by name.
      await page.getByLabel(/^Name of the switch administrator/).fill('P. Switch');
      await page.getByRole('button', { name: 'Answer' }).click();
      await expect.poll(() => stepState(page, 'P1').textContent()).toBe('passed');
      await page.keyboard.press('Alt+3');
      await page.getByRole('button', { name: 'Details of P1' }).click();
      await page.getByLabel('Initials').fill('RT');
      await page.getByRole('button', { name: 'Sign off P1' }).click();
      await page.getByText(/^Signed off by RT at /).waitFor();

      await page.keyboard.press('Alt+3');
      await page.getByRole('button', { name: 'Run P3b' }).click();
      // The cut-off on the site's clock, with its time zone; the window shows the instant in UTC.
      await page.getByLabel("Date and time on the site's clock").fill('2026-11-24T07:00');
      await page.getByLabel('Site time zone').selectOption('Europe/Paris');
      expect(await page.getByRole('status', { name: 'The time chosen' }).textContent()).toMatch(
        /^2026-11-24 07:00 Europe\/Paris = 2026-11-24 06:00 UTC/,
      );
      await page.getByRole('button', { name: 'Answer' }).click();
      await page.getByLabel(/How long may the outage window last/).fill('4:30');
      await page.getByRole('button', { name: 'Answer' }).click();
      for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Yes, done' }).click();
      await expect.poll(() => stepState(page, 'P3b').textContent()).toBe('passed');

      await page.keyboard.press('Alt+3');
      await page.getByRole('button', { name: 'Run P3a' }).click();
      await page.getByRole('button', { name: 'Stop the step' }).click();
      await expect.poll(() => stepState(page, 'P3a').textContent()).toBe('failed');
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toContain('P3a failed: no primary server chosen');

      // The view is kept in the address beside the harness's token: a reload lands on the same view.
      const token = new URL(page.url()).hash.match(/token=[^&]+/)![0];
      await page.getByRole('tab', { name: /^Tapes/ }).click();
      expect(page.url()).toContain(token);
      expect(page.url()).toMatch(/view=tapes/);
      await page.reload();
      await expect
        .poll(() => page.getByRole('tab', { name: /^Tapes/ }).getAttribute('aria-selected'))
        .toBe('true');
      await page.getByRole('heading', { name: 'Tapes', exact: true }).waitFor();
      // A reloaded window comes back to the session the core has open.
      await expect.poll(() => stepState(page, 'P1').textContent()).toBe('passed');
      expect(await stepState(page, 'P3b').textContent()).toBe('passed');
      expect(await stepState(page, 'P3a').textContent()).toBe('failed');

      // Back to the list of sessions, and into the same one again.
      await page.getByRole('button', { name: 'Other sessions' }).click();
      await page.getByRole('heading', { name: 'Start' }).waitFor();
      await page.waitForTimeout(300);
      expect(
        await page
          .getByRole('button', {
            name: /^Open Acme Leeds, \d{4}-\d\d-\d\d started \d\d:\d\d, R\. Tech — training — P3a failed, 2 of 17 steps done$/,
          })
          .count(),
      ).toBe(1);
      expect(await page.getByRole('heading', { name: 'Start' }).count()).toBe(1);
      await page.getByRole('button', { name: /Acme Leeds/ }).click();
      await expect.poll(() => stepState(page, 'P1').textContent()).toBe('passed');
      expect(app().errors).toEqual([]);
    },
  );

  it('refuses a WebSocket without the per-run token', async () => {
    const page = await app().browser.newPage();
    await page.goto(app().harness.url.replace(/#token=.*/, ''));
    const refused = await page.evaluate(
      (port) =>
        new Promise<boolean>((resolve) => {
          const socket = new WebSocket(`ws://127.0.0.1:${port}/api?token=wrong`);
          socket.onopen = () => resolve(false);
          socket.onerror = () => resolve(true);
        }),
      app().harness.port,
    );
    expect(refused).toBe(true);
  });

  it('answers a malformed address with 400 and keeps serving (no crash from a stray request)', async () => {
    const base = `http://127.0.0.1:${app().harness.port}`;
    expect((await fetch(`${base}/%`)).status).toBe(400);
    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${base}/`)).status).toBe(200);
  });
});
