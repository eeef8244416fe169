import { hashTranscript } from '../journal/transcriptSeal.ts';
import { stepDefinition } from '../../shared/procedure/procedureGraph.ts';
import {
  RESPONSIBLE_PARTY_TITLES,
  type ResponsibleParty,
  type ServerRole,
  type StepDefinition,
  type StepId,
} from '../../shared/procedure/types.ts';
import {
  MAX_READING_CHARS,
  type Reading,
  type SessionEvent,
  type Verdict,
} from '../../shared/session/sessionEvents.ts';
import type { SessionState } from '../../shared/session/sessionState.ts';
import { RedactedTranscript } from '../journal/redactedTranscript.ts';
import type { SessionJournal } from '../journal/sessionJournal.ts';
import { SessionSecrets } from '../core/sessionSecrets.ts';
import type { RemoteHost } from '../ssh/remoteHost.ts';
import type { Technician } from './technician.ts';

type EventBody = SessionEvent extends infer E ? (E extends unknown ? Omit<E, 'at'> : never) : never;

/** A step stops with this when it cannot go on; the runner journals it as the step's failure. */
export class StepFailure extends Error {
  override readonly name = 'StepFailure';
}

/** What one run of one step works with: the session's journal, its servers, its technician. */
export class StepContext {
  readonly definition: StepDefinition;
  private readonly transcripts = new Map<ServerRole, { transcript: RedactedTranscript; stop: () => void }>();

  constructor(
    readonly stepId: StepId,
    readonly journal: SessionJournal,
    private readonly connectTo: (server: ServerRole) => Promise<RemoteHost>,
    readonly technician: Technician,
    readonly now: () => Date = () => new Date(),
    private readonly secrets: SessionSecrets = new SessionSecrets(),
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

  connect(server: ServerRole): Promise<RemoteHost> {
    return this.connectTo(server);
  }

  /** The transcript of this step on `server` (one per attempt), opened on first use and journaled as evidence. */
  transcript(server: ServerRole): RedactedTranscript {
    const open = this.transcripts.get(server);
    if (open) return open.transcript;
    const attempt = this.state.steps[this.stepId].attempts;
    const transcript = new RedactedTranscript(this.journal.directory, this.stepId, server, attempt);
    this.transcripts.set(server, { transcript, stop: this.secrets.feed(transcript.addSecret) });
    return transcript;
  }

  async closeTranscripts(): Promise<void> {
    for (const [server, { transcript, stop }] of this.transcripts) {
      stop();
      await transcript.close();
      await this.record({
        type: 'transcript-sealed',
        path: transcript.relativePath,
        ...(await hashTranscript(this.journal.directory, transcript.relativePath)),
      });
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

  /**
   * Output no parser recognised goes to the technician, never to a verdict of the app's own: they judge
   * the raw text against what the manual says to look for. The verdict is journaled as evidence (a
   * deviation in the report); stopping instead fails the step. The caller decides what "looks wrong" ends.
   */
  async judge(
    server: ServerRole | null,
    about: string,
    lookFor: string,
    raw: string,
    kind: 'unreadable' | 'difference' = 'unreadable',
  ): Promise<Verdict> {
    const reading: Reading = {
      about,
      lookFor,
      raw: endOf(raw),
      ...(kind === 'difference' ? { difference: true } : {}),
    };
    const verdict = await this.technician.judge(server, reading);
    if (!verdict) throw new StepFailure(`stopped without a verdict on ${about}`);
    await this.record({
      type: 'evidence-recorded',
      stepId: this.stepId,
      server,
      evidence: { kind: 'verdict', reading, verdict },
    });
    return verdict;
  }

  /** As `judge`, and "looks wrong" fails the step with the technician's reason. */
  async requireRightVerdict(
    server: ServerRole | null,
    about: string,
    lookFor: string,
    raw: string,
  ): Promise<void> {
    const verdict = await this.judge(server, about, lookFor, raw);
    if (verdict.verdict === 'looks-wrong')
      throw new StepFailure(`${about}: judged wrong by the technician (${verdict.reason})`);
  }

  /** Asks the technician to confirm each checklist item not yet ticked; a "no" fails the step. */
  async confirmChecklist(itemIds?: readonly string[]): Promise<void> {
    const items = this.definition.checklist.filter((item) => !itemIds || itemIds.includes(item.id));
    for (const item of items) {
      const run = this.state.steps[this.stepId];
      if (!run.checkedItems.includes(item.id)) {
        if (!(await this.technician.confirm(item.text, { stepId: this.stepId, itemId: item.id })))
          throw new StepFailure(`not confirmed: ${item.text}`);
        await this.record({ type: 'checklist-item-ticked', stepId: this.stepId, itemId: item.id });
      }
      // Kept from an attempt that stopped at the sign-off: the sign-off is still asked.
      const signedOff = this.state.steps[this.stepId].itemSignOffs.some((done) => done.itemId === item.id);
      if (item.responsible && !signedOff) await this.signedOffBy(item.id, item.responsible);
    }
  }

  /** The name of the person the manual makes responsible for an item, asked until given. */
  private async signedOffBy(itemId: string, party: ResponsibleParty): Promise<void> {
    const title = RESPONSIBLE_PARTY_TITLES[party];
    for (let asked = 0; ; asked++) {
      const name = await this.technician.ask(
        `Name of the ${title} who did this and signs it off${asked > 0 ? ' (a name is needed: stop the step if they cannot sign now)' : ''}`,
        { kind: 'sign-off', party: title },
      );
      if (name === null) throw new StepFailure(`not signed off by the ${title}`);
      if (name.trim() === '') continue;
      await this.record({
        type: 'item-signed-off',
        stepId: this.stepId,
        itemId,
        name: name.trim().slice(0, 200),
      });
      return;
    }
  }

  /**
   * Ticks checklist items that describe work the app itself did and checked (it ran cmsadm, br_check):
   * the technician is not asked to confirm what the app did. Ids not in this step's checklist are skipped.
   */
  async tickDoneByApp(itemIds: readonly string[]): Promise<void> {
    for (const itemId of itemIds) {
      if (!this.definition.checklist.some((item) => item.id === itemId)) continue;
      if (this.state.steps[this.stepId].checkedItems.includes(itemId)) continue;
      await this.record({ type: 'checklist-item-ticked', stepId: this.stepId, itemId });
    }
  }

  /**
   * The app refused something that would have been a mistake (a tape that holds a backup still needed, a
   * wrong tape for this step): the technician is told why, and the report lists it among the mistakes
   * prevented.
   */
  async refuse(text: string): Promise<void> {
    this.technician.tell(text);
    await this.record({ type: 'mistake-refused', stepId: this.stepId, text: text.slice(0, 4000) });
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

/** The end of a console text, where programs report how they ended, within what a question carries. */
function endOf(raw: string): string {
  if (raw.length <= MAX_READING_CHARS) return raw;
  const kept = MAX_READING_CHARS - 80; // room for the line that says what was left out
  return `[${raw.length - kept} earlier characters are in the transcript]\n${raw.slice(-kept)}`;
}
