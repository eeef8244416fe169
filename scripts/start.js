#!/usr/bin/env node
// `npm start`: builds the app and opens it in Electron. Electron 42+ fetches its binary on first use;
// where that cannot happen (no internet), say so in one sentence and point to the browser harness.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const NO_ELECTRON =
  'The Electron binary is not installed and could not be downloaded on this machine, so the desktop window cannot open: run `npm run dev:browser` and open the address it prints in Chromium to use the app in a browser instead.';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));

function installedElectron() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

function fetchElectron() {
  process.stderr.write("Fetching Electron's binary (first start only)...\n");
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
  return installedElectron();
}

const electron = installedElectron() ?? fetchElectron();
if (!electron) {
  process.stderr.write(`${NO_ELECTRON}\n`);
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', '--silent', 'build'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
