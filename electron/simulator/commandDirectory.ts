import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PROGRAMS } from './programs/index.ts';

const SIM_COMMAND = fileURLToPath(new URL('./simCommand.ts', import.meta.url));
const BUNDLE = 'sim-command.mjs';

/**
 * Writes a self-contained command folder for a real OpenSSH sshd: the simulator bundled into one
 * JavaScript file plus one executable per command. It needs only Node on the server, so any login
 * user can run it whatever the permissions on this checkout; shells started by sshd read no start-up
 * files for these commands. Put the folder first on the login's PATH, with CMS_SIM_STATE_DIR and
 * CMS_SIM_HOST set (sshd's SetEnv).
 */
export async function writeSimCommandDirectory(directory: string): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  await build({
    entryPoints: [SIM_COMMAND],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: path.join(directory, BUNDLE),
    logLevel: 'silent',
  });
  const names = Object.keys(PROGRAMS).filter((name) => !name.includes('/') && name !== 'sleep');
  for (const name of names) {
    const file = path.join(directory, name);
    await writeFile(
      file,
      `#!/bin/sh\nexec '${process.execPath}' '${path.join(directory, BUNDLE)}' ${name} "$@"\n`,
    );
    await chmod(file, 0o755);
  }
  await chmod(path.join(directory, BUNDLE), 0o644);
  return names;
}
