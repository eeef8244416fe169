import { testInstallationKey } from './installationKey.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startBrowserHarness, type BrowserHarness } from '../../electron/harness/browserHarness.ts';
import { launchChromium } from './chromium.ts';

export interface AppInChromium {
  harness: BrowserHarness;
  browser: Browser;
  /** Where the harness keeps its sessions. */
  sessionsRoot: string;
  /** Console and page errors of every page opened with `openApp`. */
  errors: string[];
  openApp(viewport?: { width: number; height: number }): Promise<Page>;
}

/** The browser harness on a fresh sessions folder and Debian's Chromium, for the enclosing describe. */
export function useAppInChromium(): () => AppInChromium {
  let app: AppInChromium | undefined;
  beforeAll(async () => {
    const sessionsRoot = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-ui-'));
    const harness = await startBrowserHarness({ sessionsRoot, installationKey: await testInstallationKey() });
    const browser = await launchChromium();
    const errors: string[] = [];
    app = {
      harness,
      browser,
      sessionsRoot,
      errors,
      openApp: async (viewport) => {
        const page = await browser.newPage(viewport ? { viewport } : {});
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text());
        });
        await page.goto(harness.url);
        return page;
      },
    };
  });
  afterAll(async () => {
    await app?.browser.close();
    await app?.harness.close();
    if (app) await rm(app.sessionsRoot, { recursive: true, force: true });
  });
  return () => app!;
}
