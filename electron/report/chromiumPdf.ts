import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { PdfPrinter } from './exportReport.ts';

/** Where Chromium usually is on the machines the CLI runs on; CMS_HA_CHROMIUM names another. */
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Headless, and nothing that reaches for the network (the laptop is offline, the report self-contained). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
] as const;

export function findChromium(): string | null {
  const configured = process.env.CMS_HA_CHROMIUM;
  if (configured) return existsSync(configured) ? configured : null;
  return CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

/**
 * Prints HTML to A4 PDF with a headless Chromium, offline: the report is self-contained and the page
 * is given no network. The Electron app prints with its own `printToPDF` instead.
 */
export function chromiumPdfPrinter(executablePath: string | null = findChromium()): PdfPrinter | undefined {
  if (!executablePath) return undefined;
  return async (html, frame) => {
    const browser = await chromium.launch({
      executablePath,
      args: [...CHROMIUM_FLAGS],
    });
    try {
      const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: frame.headerTemplate,
        footerTemplate: frame.footerTemplate,
      });
    } finally {
      await browser.close();
    }
  };
}
