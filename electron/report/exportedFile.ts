import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '../core/userFacingError.ts';
import { EXPORTS_DIR } from '../journal/sessionFolders.ts';

/** What an export is written as: only these are ever opened or handed out. */
const EXPORT_EXTENSIONS = new Set(['.html', '.pdf', '.json', '.csv', '.txt']);

/**
 * A file the app exported for the session: `file` (absolute, or relative to the exports folder) resolved
 * with links followed, and refused unless it is a plain file of an export's kind inside the session's
 * exports folder. Opening a file runs the system's handler for it, so nothing else ever gets there.
 */
export async function resolveExportedFile(sessionDirectory: string, file: string): Promise<string> {
  const exportsDir = await realpath(path.join(sessionDirectory, EXPORTS_DIR)).catch(() => null);
  const refused = new UserFacingError(`${path.basename(file)} is not a file this session exported.`);
  if (exportsDir === null || file.includes('\0')) throw refused;
  const resolved = await realpath(path.resolve(exportsDir, file)).catch(() => null);
  if (resolved === null) throw refused;
  const inside = path.relative(exportsDir, resolved);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) throw refused;
  if (!EXPORT_EXTENSIONS.has(path.extname(resolved).toLowerCase())) throw refused;
  if (!(await lstat(resolved)).isFile()) throw refused;
  return resolved;
}

/** The exported file's path relative to the session's exports folder (what a download address names). */
export async function exportedFileName(sessionDirectory: string, resolved: string): Promise<string> {
  const exportsDir = await realpath(path.join(sessionDirectory, EXPORTS_DIR));
  return path.relative(exportsDir, resolved).split(path.sep).join('/');
}
