import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumUnavailableReason, launchChromium } from '../support/chromium.ts';

const skipReason = chromiumUnavailableReason();
if (skipReason) console.warn(`planView: ${skipReason}`);

describe.skipIf(skipReason !== null)('the plan in the renderer (Chromium)', () => {
  let server: ViteDevServer;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    server = await createServer({
      configFile: fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url)),
      server: { port: 0, host: '127.0.0.1' },
      logLevel: 'silent',
    });
    await server.listen();
    url = server.resolvedUrls!.local[0]!;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows every step of both days with its server, tapes and the manual discrepancies', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(url);
    await page.getByRole('heading', { name: 'Upgrade day' }).waitFor();

    expect(await page.locator('tr[data-step]').count()).toBe(17);
    const d7 = page.locator('tr[data-step="D7"]');
    expect(await d7.locator('td').allTextContents()).toEqual([
      'Migrate historical data to NEW: first the incremental tape, then the full tape of the day before',
      'NEW',
      'guided',
      'D4, D5, P4b',
      'INCR-ORIG, FULL-ORIG',
      '–',
    ]);
    expect(await page.locator('.discrepancy').count()).toBe(2);
    expect(errors).toEqual([]);
  });
});
