import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { reportUnexpectedErrors } from '../core/unexpectedErrors.ts';
import { startBrowserHarness } from './browserHarness.ts';

/** `npm run dev:browser`: the app in a browser, on this machine only. */
const { values } = parseArgs({
  options: { port: { type: 'string' }, sessions: { type: 'string' } },
  strict: true,
});
const sessionsRoot = values.sessions ?? path.join(os.homedir(), '.cms-ha', 'sessions');
const harness = await startBrowserHarness({
  sessionsRoot,
  port: values.port === undefined ? 5174 : Number(values.port),
});
process.stdout.write(
  `CMS HA Upgrade (browser harness) — open this address in Chromium:\n  ${harness.url}\nSessions are kept in ${sessionsRoot}. Press Ctrl+C to stop.\n`,
);
reportUnexpectedErrors(process, (error) => {
  process.stderr.write(`cms-ha harness: unexpected error: ${String(error)}\n`);
  harness.service.recordUnexpected(error);
});
const stop = () => {
  harness.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`cms-ha harness: could not close cleanly: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
