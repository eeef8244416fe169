import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROGRAMS } from './programs/index.ts';

const SIM_COMMAND = fileURLToPath(new URL('./simCommand.ts', import.meta.url));

/**
 * Writes one executable per simulated command into `directory`, each running simCommand.ts with tsx.
 * Put the folder first on the PATH of an sshd login (with CMS_SIM_STATE_DIR and CMS_SIM_HOST set)
 * and the real OpenSSH server serves the simulated CMS host.
 */
export async function writeSimCommandDirectory(directory: string): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const tsxLoader = import.meta.resolve('tsx');
  const names = Object.keys(PROGRAMS).filter((name) => !name.includes('/') && name !== 'sleep');
  for (const name of names) {
    const file = path.join(directory, name);
    await writeFile(
      file,
      `#!/bin/sh\nexec '${process.execPath}' --import '${tsxLoader}' '${SIM_COMMAND}' ${name} "$@"\n`,
    );
    await chmod(file, 0o755);
  }
  return names;
}
