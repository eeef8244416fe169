#!/usr/bin/env node
// `cms-ha`: in a checkout with the development tools, the TypeScript source runs through tsx (always
// current); elsewhere the JavaScript built by `npm run build:cli` runs on plain Node.
import { existsSync } from 'node:fs';

const source = new URL('../electron/cliMain.ts', import.meta.url);
const tsx = existsSync(source) ? await import('tsx/esm/api').catch(() => null) : null;
if (tsx) {
  tsx.register();
  await import(source.href);
} else {
  await import(new URL('../out/cli/cms-ha.mjs', import.meta.url).href);
}
