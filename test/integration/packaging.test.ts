import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { packList } from '../../scripts/packList.ts';

const root = new URL('../..', import.meta.url).pathname;
const run = promisify(execFile);

/** Packages that build, test or serve the app in development: none belongs in the packaged app. */
const TOOLS = [
  'electron',
  'electron-builder',
  'app-builder-lib',
  'esbuild',
  '@esbuild/',
  'vite',
  'vitest',
  '@vitejs/',
  'rolldown',
  'typescript',
  'tsx',
  'eslint',
  'prettier',
  'playwright-core',
  'happy-dom',
  '@testing-library/',
  'fast-check',
  'ws',
  // Bundled into renderer/dist by Vite: the packaged app never loads them from node_modules.
  'react',
  'react-dom',
  'zustand',
  '@xterm/xterm',
];

/** The packages the main process and the preload import (what Node resolves from node_modules at run time). */
async function packagesLoadedByTheShell(): Promise<string[]> {
  const result = await build({
    entryPoints: [`${root}electron/main.ts`, `${root}electron/preload.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    metafile: true,
    outdir: '/nonexistent',
    logLevel: 'silent',
  });
  const imported = new Set<string>();
  for (const input of Object.values(result.metafile.inputs))
    for (const entry of input.imports)
      if (entry.external && !entry.path.startsWith('node:') && entry.path !== 'electron')
        imported.add(
          entry.path.startsWith('@')
            ? entry.path.split('/').slice(0, 2).join('/')
            : entry.path.split('/')[0]!,
        );
  return [...imported].sort();
}

describe('what electron-builder would pack', () => {
  it('holds no build or test tool, only what the main process and the preload load', async () => {
    const list = await packList(root);
    const tools = list.productionPackages.filter((name) =>
      TOOLS.some((tool) => {
        const packageName = name.replace(/^.*node_modules\//, '');
        return tool.endsWith('/') ? packageName.startsWith(tool) : packageName === tool;
      }),
    );
    expect(tools).toEqual([]);
    expect(list.dependencies).toEqual(await packagesLoadedByTheShell());
    expect(list.productionPackages).toContain('node_modules/ssh2');
  });

  it('packs the built shell and renderer only: no sources, tests or session folders', async () => {
    const { filePatterns, files } = await packList(root);
    expect(filePatterns).toEqual(['out/electron/**', 'renderer/dist/**', 'package.json']);
    for (const file of files) expect(file).toMatch(/^(out\/electron\/|renderer\/dist\/|package\.json$)/);
  });

  it("sets Electron's fuses: no running as Node, encrypted cookies, only a verified app.asar", async () => {
    const pkg = JSON.parse(await readFile(`${root}package.json`, 'utf8')) as {
      build: { asar: boolean; electronFuses: Record<string, boolean> };
    };
    expect(pkg.build.asar).toBe(true);
    expect(pkg.build.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it(
    'builds the command-line tool to JavaScript that plain Node runs (no tsx at run time)',
    { timeout: 120_000 },
    async () => {
      await run('npm', ['run', '--silent', 'build:cli'], { cwd: root });
      const { stdout } = await run(process.execPath, [`${root}out/cli/cms-ha.mjs`, 'plan', '--json'], {
        cwd: root,
      });
      const plan = JSON.parse(stdout) as { id: string }[];
      expect(plan.map((step) => step.id)).toContain('D11');
      const bundle = await readFile(`${root}out/cli/cms-ha.mjs`, 'utf8');
      expect(bundle).not.toMatch(/from ["']tsx/);
    },
  );
});
