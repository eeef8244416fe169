import { randomUUID } from 'node:crypto';
import type { ServerRole, StepId } from '../../shared/procedure/types.ts';
import { RedactedTranscript } from '../journal/redactedTranscript.ts';
import { hashTranscript } from '../journal/transcriptSeal.ts';
import type { SessionJournal } from '../journal/sessionJournal.ts';
import type { RemoteHost } from '../ssh/remoteHost.ts';
import type { PtyChannel } from '../ssh/sshConnection.ts';
import { SessionSecrets } from './sessionSecrets.ts';
import { UserFacingError } from './userFacingError.ts';

export interface TerminalListener {
  data(terminalId: string, data: string): void;
  closed(terminalId: string, reason: string): void;
  /** The terminal's transcript could not be journaled as evidence (the file itself is kept). */
  evidenceNotRecorded(terminalId: string, reason: string): void;
}

/**
 * The technician's own terminals on the session's servers (for the CMS menus). Output opened during a
 * step goes to that step's terminal transcript, journaled as its evidence once per attempt.
 */
export class SessionTerminals {
  private readonly open = new Map<string, PtyChannel>();
  private readonly ending = new Set<Promise<void>>();

  constructor(
    private readonly journal: SessionJournal,
    private readonly host: (server: ServerRole) => Promise<RemoteHost>,
    private readonly listener: TerminalListener,
    private readonly secrets: SessionSecrets = new SessionSecrets(),
  ) {}

  async start(server: ServerRole, stepId: StepId | null): Promise<string> {
    const pty = await (await this.host(server)).openPty(null, { cols: 100, rows: 30 });
    const terminalId = randomUUID();
    const attempt = stepId ? Math.max(1, this.journal.state.steps[stepId].attempts) : 0;
    const transcript = stepId
      ? new RedactedTranscript(this.journal.directory, stepId, server, attempt, 'terminal')
      : null;
    const stopRedacting = transcript ? this.secrets.feed(transcript.addSecret) : () => undefined;
    this.open.set(terminalId, pty);
    pty.onData((data) => {
      transcript?.write(data);
      this.listener.data(terminalId, data);
    });
    const ended = pty.ended.then(async (end) => {
      this.open.delete(terminalId);
      stopRedacting();
      this.listener.closed(terminalId, end.kind === 'exited' ? 'the shell ended' : end.reason);
      if (!transcript || !stepId) return;
      await transcript.close();
      if (this.journal.readOnly) return;
      // Several terminals in one attempt append to the same file: sealed at each close, evidence once.
      await this.journal.append({
        type: 'transcript-sealed',
        path: transcript.relativePath,
        ...(await hashTranscript(this.journal.directory, transcript.relativePath)),
        at: new Date().toISOString(),
      });
      const recorded = this.journal.state.steps[stepId].evidence.some(
        (evidence) => evidence.kind === 'transcript' && evidence.path === transcript.relativePath,
      );
      if (recorded) return;
      await this.journal.append({
        type: 'evidence-recorded',
        stepId,
        server,
        evidence: { kind: 'transcript', path: transcript.relativePath },
        at: new Date().toISOString(),
      });
    });
    const tracked: Promise<void> = ended
      .catch((error: unknown) =>
        this.listener.evidenceNotRecorded(terminalId, error instanceof Error ? error.message : String(error)),
      )
      .finally(() => this.ending.delete(tracked));
    this.ending.add(tracked);
    return terminalId;
  }

  write(terminalId: string, data: string): void {
    const terminal = this.open.get(terminalId);
    if (!terminal) throw new UserFacingError('That terminal is closed.');
    terminal.write(data);
  }

  close(terminalId: string): void {
    this.open.get(terminalId)?.close();
  }

  /** Closes every terminal and waits until their transcripts are recorded. */
  async closeAll(): Promise<void> {
    for (const terminal of this.open.values()) terminal.close();
    await Promise.all(this.ending);
  }
}
