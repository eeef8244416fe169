import { testInstallationKey } from '../test/support/installationKey.ts';
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startBrowserHarness } from '../electron/harness/browserHarness.ts';
import { RECORDED_SESSION } from '../test/support/recordTrainingSession.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { figure, MiB, round, type Figure } from './measure.ts';

const TRANSCRIPT_LINES = 200_000;
const TERMINAL_BYTES = 10 * MiB;

/** Time from a click to the transcript on screen, measured in the page. */
async function showTranscript(page: Page, step: string, file: string): Promise<number> {
  await page.getByRole('button', { name: `Details of ${step}` }).click();
  const button = page.getByRole('button', { name: `Show ${file}` });
  await button.waitFor();
  // In-page code as text: this project compiles without the DOM library.
  return page.evaluate(`new Promise((resolve) => {
    const target = [...document.querySelectorAll('button')].find((b) => b.textContent === ${JSON.stringify(`Show ${file}`)});
    const started = performance.now();
    const observer = new MutationObserver(() => {
      const shown = document.querySelector(${JSON.stringify(`[aria-label="Transcript transcripts/${file}"] pre`)});
      if (shown && shown.textContent) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - started));
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    target.click();
  })`) as Promise<number>;
}

/** Streams `bytes` of console output into the live terminal and returns the longest main-thread task. */
async function longestTaskWhileStreaming(page: Page, bytes: number): Promise<number> {
  await page.evaluate(`(() => {
    window.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longest = Math.max(window.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  })()`);
  // Self-check: a deliberate 120 ms task must be seen, or the figure below would mean nothing.
  await page.evaluate(
    `setTimeout(() => { const end = performance.now() + 120; while (performance.now() < end) {} }, 0)`,
  );
  await page.waitForTimeout(200);
  const seen = (await page.evaluate('window.longest')) as number;
  if (seen < 100) throw new Error(`the Long Tasks observer did not see a 120 ms task (saw ${seen} ms)`);
  await page.evaluate('window.longest = 0');
  await page.locator('.terminal-screen').click();
  await page.keyboard.type(`simctl noise ${bytes}\r`);
  await page
    .locator('.xterm-rows > div', { hasText: /noise done\s*$/ })
    .first()
    .waitFor({ timeout: 180_000 });
  return page.evaluate('window.longest') as Promise<number>;
}

/** In Chromium through the harness: a 200,000-line transcript shown, and 10 MiB streamed into the terminal. */
export async function rendererBenchmark(): Promise<Figure[]> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-bench-ui-'));
  const session = path.join(root, 'acme-bench');
  await cp(RECORDED_SESSION, session, { recursive: true });
  const line = 'cpio: writing block of the CMSADM backup to /dev/rmt/0, tape 1\r\n';
  let lines = '';
  for (let i = 0; i < 1_000; i++) lines += line;
  for (let i = 0; i < TRANSCRIPT_LINES / 1_000; i++)
    await appendFile(path.join(session, 'transcripts', 'P4a-ORIG-1.log'), lines);
  const harness = await startBrowserHarness({
    sessionsRoot: root,
    installationKey: await testInstallationKey(),
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(harness.url);
    await page.getByRole('button', { name: /Acme Contact Centre, Leeds/ }).click();
    const small = await showTranscript(page, 'D11', 'D11-ORIG-1.log');
    const large = await showTranscript(page, 'P4a', 'P4a-ORIG-1.log');

    // A training session for the live terminal.
    await page.getByRole('button', { name: 'Other sessions' }).click();
    await page.getByLabel('Site').fill('Bench');
    await page.getByLabel('Technician').fill('RT');
    await page.getByRole('button', { name: 'Start a training upgrade on the simulated pair' }).click();
    await page.getByRole('button', { name: 'Open a terminal on ORIG' }).click();
    await page.getByRole('button', { name: 'It matches: trust this server' }).click();
    await page.locator('.xterm-rows').filter({ hasText: 'cms-orig#' }).waitFor({ timeout: 20_000 });
    const quiet = await longestTaskWhileStreaming(page, 64 * 1024);
    const loud = await longestTaskWhileStreaming(page, TERMINAL_BYTES);
    return [
      figure({
        name: `Renderer: show a step's transcript of ${TRANSCRIPT_LINES.toLocaleString('en')} lines`,
        unit: 'ms',
        app: round(large, 0),
        baseline: round(small, 0),
        baselineName: 'the same view with a 2 KiB transcript',
        target: 'first paint under 1 s',
        met: large < 1000,
      }),
      figure({
        name: 'Renderer: longest main-thread task while 10 MiB streams into the terminal',
        unit: 'ms',
        app: round(loud, 0),
        baseline: round(quiet, 0),
        baselineName: 'the same with 64 KiB',
        target: 'no task over 100 ms',
        met: loud <= 100,
        notes:
          loud === 0
            ? 'no long task at all (the Long Tasks API reports tasks of 50 ms or more; its self-check saw a 120 ms task)'
            : undefined,
      }),
    ];
  } finally {
    await browser.close();
    await harness.close();
    await rm(root, { recursive: true, force: true });
  }
}
