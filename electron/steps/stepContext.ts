import { stepDefinition } from '../../shared/procedure/procedureGraph.ts';
import type { ServerRole, StepDefinition, StepId } from '../../shared/procedure/types.ts';
import type { SessionEvent } from '../../shared/session/sessionEvents.ts';
import type { SessionState } from '../../shared/session/sessionState.ts';
import { RedactedTranscript } from '../journal/redactedTranscript.ts';
import type { SessionJournal } from '../journal/sessionJournal.ts';
import type { SshConnection } from '../ssh/sshConnection.ts';
import type { Technician } from './technician.ts';

type EventBody = SessionEvent extends infer E ? (E extends unknown ? Omit<E, 'at'> : never) : never;

/** A step stops with this when it cannot go on; the runner journals it as the step's failure. */
export class StepFailure extends Error {
  override readonly name = 'StepFailure';
}

/** What one run of one step works with: the session's journal, its servers, its technician. */
export class StepContext {
  readonly definition: StepDefinition;
  private readonly transcripts = new Map<ServerRole, RedactedTranscript>();

  constructor(
    readonly stepId: StepId,
    readonly journal: SessionJournal,
    private readonly connectTo: (server: ServerRole) => Promise<SshConnection>,
    readonly technician: Technician,
    readonly now: () => Date = () => new Date(),
  ) {
    this.definition = stepDefinition(stepId);
  }

  get state(): SessionState {
    return this.journal.state;
  }

  /** Journals an event of this session, stamped now. */
  record(event: EventBody): Promise<number> {
    return this.journal.append({ ...event, at: this.now().toISOString() } as SessionEvent);
  }

  connect(server: ServerRole): Promise<SshConnection> {
    return this.connectTo(server);
  }

  /** The transcript of this step on `server` (one per attempt), opened on first use and journaled as evidence. */
  transcript(server: ServerRole): RedactedTranscript {
    let transcript = this.transcripts.get(server);
    if (!transcript) {
      const attempt = this.state.steps[this.stepId].attempts;
      transcript = new RedactedTranscript(this.journal.directory, this.stepId, server, attempt);
      this.transcripts.set(server, transcript);
    }
    return transcript;
  }

  async closeTranscripts(): Promise<void> {
    for (const [server, transcript] of this.transcripts) {
      await transcript.close();
      await this.record({
        type: 'evidence-recorded',
        stepId: this.stepId,
        server,
        evidence: { kind: 'transcript', path: transcript.relativePath },
      });
    }
    this.transcripts.clear();
  }

  evidence(server: ServerRole | null, parser: string, result: unknown): Promise<number> {
    return this.record({
      type: 'evidence-recorded',
      stepId: this.stepId,
      server,
      evidence: { kind: 'parsed', parser, result },
    });
  }

  /** Asks the technician to confirm each checklist item not yet ticked; a "no" fails the step. */
  async confirmChecklist(itemIds?: readonly string[]): Promise<void> {
    const items = this.definition.checklist.filter((item) => !itemIds || itemIds.includes(item.id));
    for (const item of items) {
      if (this.state.steps[this.stepId].checkedItems.includes(item.id)) continue;
      if (!(await this.technician.confirm(item.text, { stepId: this.stepId, itemId: item.id }))) {
        throw new StepFailure(`not confirmed: ${item.text}`);
      }
      await this.record({ type: 'checklist-item-ticked', stepId: this.stepId, itemId: item.id });
    }
  }

  /** Shows the manual's notes for this step (cautions, warnings, discrepancies) before work starts. */
  tellNotes(): void {
    for (const note of this.definition.notes) {
      this.technician.tell(
        `${note.kind.toUpperCase()}: ${note.text} (${note.source.section}, p. ${note.source.page})`,
      );
    }
  }
}
