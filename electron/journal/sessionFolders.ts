import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { JOURNAL_FILE } from './sessionJournal.ts';

export const TRANSCRIPTS_DIR = 'transcripts';
export const EXPORTS_DIR = 'exports';

/** `Acme Contact Centre, Leeds` on 2026-11-23 → `acme-contact-centre-leeds-2026-11-23`. */
export function sessionFolderName(site: string, date: string): string {
  const slug = site
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Not a date (YYYY-MM-DD): ${date}`);
  return `${slug || 'site'}-${date}`;
}

/**
 * Creates the folder of a new upgrade session under `root` (site + date; `-2`, `-3`… when that name is
 * taken) with an empty journal and the transcripts/ and exports/ folders. Returns the folder's path.
 */
export async function createSessionFolder(root: string, site: string, date: string): Promise<string> {
  await mkdir(root, { recursive: true });
  const base = sessionFolderName(site, date);
  for (let attempt = 1; ; attempt++) {
    const directory = path.join(root, attempt === 1 ? base : `${base}-${attempt}`);
    try {
      await mkdir(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    await mkdir(path.join(directory, TRANSCRIPTS_DIR));
    await mkdir(path.join(directory, EXPORTS_DIR));
    const journal = await open(path.join(directory, JOURNAL_FILE), 'wx');
    await journal.sync();
    await journal.close();
    await syncDirectory(directory);
    await syncDirectory(root);
    return directory;
  }
}

/** Makes a new directory entry durable. Windows cannot open directories; there NTFS journals the entry itself. */
async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
