// `npm run pack:list`: what electron-builder would put into the packaged app, without the Electron binary:
// the production dependency tree (package-lock.json without dev packages) and the files the `build.files`
// globs of package.json match. The packaging test checks it holds no build or test tools.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackList {
  /** Every package of the production tree, as its node_modules path. */
  productionPackages: string[];
  /** The direct production dependencies (package.json `dependencies`). */
  dependencies: string[];
  /** The `build.files` globs. */
  filePatterns: string[];
  /** The project files those globs match now (none of the build output before `npm run build`). */
  files: string[];
}

interface PackageJson {
  dependencies?: Record<string, string>;
  build: { files: string[] };
}

interface PackageLock {
  packages: Record<string, { dev?: boolean }>;
}

export async function packList(root: string): Promise<PackList> {
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as PackageJson;
  const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as PackageLock;
  const productionPackages = Object.entries(lock.packages)
    .filter(([name, entry]) => name !== '' && entry.dev !== true)
    .map(([name]) => name)
    .sort();
  const files: string[] = [];
  for (const pattern of pkg.build.files) files.push(...(await matchFiles(root, pattern)));
  return {
    productionPackages,
    dependencies: Object.keys(pkg.dependencies ?? {}).sort(),
    filePatterns: pkg.build.files,
    files: files.sort(),
  };
}

/** The two glob forms package.json uses: `dir/**` (everything under dir) and a plain file name. */
async function matchFiles(root: string, pattern: string): Promise<string[]> {
  if (!pattern.endsWith('/**')) {
    const exists = await stat(path.join(root, pattern)).then(
      (found) => found.isFile(),
      () => false,
    );
    return exists ? [pattern] : [];
  }
  const base = pattern.slice(0, -3);
  const entries = await readdir(path.join(root, base), { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stdout.write(`${JSON.stringify(await packList(root), null, 2)}\n`);
}
