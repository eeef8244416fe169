import { useState, type FormEvent } from 'react';
import type { StepId } from '../../../shared/procedure/types.ts';
import { plainTranscript } from '../../../shared/session/plainTranscript.ts';
import type { SessionStore } from '../session/sessionStore.ts';

/** What StepRecord reads of the window's store. */
export const STEP_RECORD_KEYS = [
  'addNote',
  'closeTranscript',
  'readOnlyReason',
  'showEarlierTranscript',
  'showTranscript',
  'state',
  'transcript',
] as const;
export type StepRecordStore = Pick<SessionStore, (typeof STEP_RECORD_KEYS)[number]>;

/** What the session keeps of a step beyond its state: its transcripts (read on demand) and the notes. */
export function StepRecord({ stepId, store }: { stepId: StepId; store: StepRecordStore }) {
  const run = store.state.steps[stepId];
  const transcripts = run.evidence.filter((evidence) => evidence.kind === 'transcript');
  const notes = store.state.notes.filter((note) => note.stepId === stepId);
  const shown = store.transcript;
  const shownHere = shown !== null && transcripts.some((t) => t.path === shown.path);
  return (
    <section aria-labelledby="step-record-heading">
      <h3 id="step-record-heading">Transcripts and notes</h3>
      {transcripts.length === 0 ? (
        <p>No transcript yet.</p>
      ) : (
        <ul>
          {transcripts.map((transcript) => (
            <li key={transcript.path}>
              <button type="button" onClick={() => void store.showTranscript(transcript.path)}>
                Show {transcript.path.replace(/^transcripts\//, '')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {shownHere && (
        <div className="transcript" aria-label={`Transcript ${shown.path}`} role="region">
          <p>
            {shown.startOffset > 0
              ? `Showing the last ${formatBytes(shown.totalBytes - shown.startOffset)} of ${formatBytes(shown.totalBytes)}.`
              : `The whole transcript (${formatBytes(shown.totalBytes)}).`}{' '}
            {shown.startOffset > 0 && (
              <button type="button" onClick={() => void store.showEarlierTranscript()}>
                Show earlier output
              </button>
            )}{' '}
            <button type="button" onClick={store.closeTranscript}>
              Hide the transcript
            </button>
          </p>
          <pre tabIndex={0}>{plainTranscript(shown.text)}</pre>
        </div>
      )}
      {notes.length > 0 && (
        <ul className="step-notes">
          {notes.map((note, index) => (
            <li key={index}>
              {note.at.slice(11, 16)} <bdi>{note.text}</bdi>
            </li>
          ))}
        </ul>
      )}
      <NoteForm stepId={stepId} store={store} />
    </section>
  );
}

/** The most a note holds (the journal's limit for a text). */
const NOTE_MAX_CHARS = 4000;

function NoteForm({ stepId, store }: { stepId: StepId; store: StepRecordStore }) {
  const [text, setText] = useState('');
  // The typed text is cleared only once the note is in the journal: a refusal leaves it to correct.
  const add = (event: FormEvent) => {
    event.preventDefault();
    void store.addNote(stepId, text.trim()).then((added) => {
      if (added) setText('');
    });
  };
  return (
    <form onSubmit={add} aria-label={`Add a note to ${stepId}`}>
      <label>
        Note on {stepId}{' '}
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={2}
          maxLength={NOTE_MAX_CHARS}
          required
        />
      </label>
      <span aria-live="polite">
        {text.length} of {NOTE_MAX_CHARS} characters
      </span>
      <button type="submit" disabled={store.readOnlyReason !== null}>
        Add the note
      </button>
    </form>
  );
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
