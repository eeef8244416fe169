import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../electron/report/chromiumPdf.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this workplace's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS],
  });
}

/**
 * Why browser tests cannot run here, or null when they can. `.ci/run` installs Chromium and sets
 * CMS_HA_REQUIRE_BROWSER=1, so there a missing browser fails instead of skipping.
 */
export function chromiumUnavailableReason(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  const reason = `skipped: ${CHROMIUM_PATH} is missing (install Debian's chromium package, as .ci/run does)`;
  if (process.env.CMS_HA_REQUIRE_BROWSER === '1') throw new Error(reason.replace('skipped: ', ''));
  return reason;
}
