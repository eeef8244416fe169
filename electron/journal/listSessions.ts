import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sessionEventSchema } from '../../shared/session/sessionEvents.ts';
import { applySessionEvent } from '../../shared/session/reduceSession.ts';
import { initialSessionState } from '../../shared/session/sessionState.ts';
import { sessionProgress, type SessionProgress } from '../../shared/session/sessionProgress.ts';
import { openPlainForReading } from './plainFiles.ts';
import { readJournalText } from './readJournal.ts';
import { JOURNAL_FILE } from './sessionJournal.ts';

export interface SessionSummary {
  directory: string;
  site: string;
  technician: string;
  createdAt: string;
  training: boolean;
  /** How far the session got (null: its journal is too large or too damaged to fold here). */
  progress: SessionProgress | null;
}

/** Enough of a journal's start to hold its first line (the session-created event). */
const HEAD_BYTES = 64 * 1024;
/** A journal longer than this is not folded for the list (a real upgrade's is a few hundred kilobytes). */
const PROGRESS_MAX_BYTES = 16 * 1024 * 1024;

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
        progress: await readProgress(path.join(directory, JOURNAL_FILE)),
      });
  }
  return sessions.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The session's progress folded from its journal's valid events, up to the first it cannot apply. */
async function readProgress(file: string): Promise<SessionProgress | null> {
  const handle = await openPlainForReading(file).catch(() => null);
  if (!handle) return null;
  let text: string;
  try {
    const { size } = await handle.stat();
    if (size > PROGRESS_MAX_BYTES) return null;
    text = (await handle.readFile()).toString('utf8');
  } finally {
    await handle.close();
  }
  let state = initialSessionState();
  for (const entry of readJournalText(text).entries) {
    const event = sessionEventSchema.safeParse(entry.event);
    if (!event.success) break;
    try {
      state = applySessionEvent(state, event.data);
    } catch {
      break;
    }
  }
  return sessionProgress(state);
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
