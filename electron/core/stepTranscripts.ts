import type { ServerRole, StepId } from '../../shared/procedure/types.ts';
import { RedactedTranscript } from '../journal/redactedTranscript.ts';
import type { SessionJournal } from '../journal/sessionJournal.ts';
import { hashTranscript } from '../journal/transcriptSeal.ts';
import type { SessionSecrets } from './sessionSecrets.ts';

/** One terminal's transcripts, one per step attempt its output was filed under, opened on first output. */
export class StepTranscripts {
  private readonly open = new Map<
    string,
    { transcript: RedactedTranscript; stepId: StepId; stop: () => void }
  >();

  constructor(
    private readonly journal: SessionJournal,
    private readonly server: ServerRole,
    private readonly secrets: SessionSecrets,
  ) {}

  /** The transcript of the step's current attempt. */
  of(stepId: StepId): RedactedTranscript {
    const attempt = Math.max(1, this.journal.state.steps[stepId].attempts);
    const key = `${stepId}#${attempt}`;
    let entry = this.open.get(key);
    if (!entry) {
      const transcript = new RedactedTranscript(
        this.journal.directory,
        stepId,
        this.server,
        attempt,
        'terminal',
      );
      entry = { transcript, stepId, stop: this.secrets.feed(transcript.addSecret) };
      this.open.set(key, entry);
    }
    return entry.transcript;
  }

  /**
   * Closes each transcript, seals it into the journal and records it as its step's evidence (once: several
   * terminals in one attempt append to the same file, sealed at each close).
   */
  async closeAndRecord(): Promise<void> {
    for (const { transcript, stepId, stop } of this.open.values()) {
      stop();
      await transcript.close();
      if (this.journal.readOnly) continue;
      await this.journal.append({
        type: 'transcript-sealed',
        path: transcript.relativePath,
        ...(await hashTranscript(this.journal.directory, transcript.relativePath)),
        at: new Date().toISOString(),
      });
      const recorded = this.journal.state.steps[stepId].evidence.some(
        (evidence) => evidence.kind === 'transcript' && evidence.path === transcript.relativePath,
      );
      if (recorded) continue;
      await this.journal.append({
        type: 'evidence-recorded',
        stepId,
        server: this.server,
        evidence: { kind: 'transcript', path: transcript.relativePath },
        at: new Date().toISOString(),
      });
    }
    this.open.clear();
  }
}
