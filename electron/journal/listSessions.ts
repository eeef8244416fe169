import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sessionEventSchema } from '../../shared/session/sessionEvents.ts';
import { openPlainForReading } from './plainFiles.ts';
import { readJournalText } from './readJournal.ts';
import { JOURNAL_FILE } from './sessionJournal.ts';

export interface SessionSummary {
  directory: string;
  site: string;
  technician: string;
  createdAt: string;
  training: boolean;
}

/** Enough of a journal's start to hold its first line (the session-created event). */
const HEAD_BYTES = 64 * 1024;

/** The session folders under `root`, newest first: each one whose journal starts with a valid session-created event. */
export async function listSessions(root: string): Promise<SessionSummary[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const sessions: SessionSummary[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const directory = path.join(root, entry.name);
    const first = readJournalText(await readHead(path.join(directory, JOURNAL_FILE))).entries[0];
    const event = sessionEventSchema.safeParse(first?.event);
    if (event.success && event.data.type === 'session-created')
      sessions.push({
        directory,
        site: event.data.site,
        technician: event.data.technician,
        createdAt: event.data.at,
        training: event.data.training,
      });
  }
  return sessions.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The journal's complete lines within its first HEAD_BYTES ('' when it cannot be read). */
async function readHead(file: string): Promise<string> {
  const handle = await openPlainForReading(file).catch(() => null);
  if (!handle) return '';
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    return text.slice(0, text.lastIndexOf('\n') + 1);
  } finally {
    await handle.close();
  }
}
