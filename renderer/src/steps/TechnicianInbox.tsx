import { useState } from 'react';
import type { Question, SessionStore, StepProgress } from '../session/sessionStore.ts';
import { DateTimeAnswer } from './DateTimeAnswer.tsx';

/** What TechnicianInbox reads of the window's store. */
export const TECHNICIAN_INBOX_KEYS = [
  'answer',
  'messages',
  'progress',
  'questions',
  'runningStep',
  'saveSample',
] as const;
export type TechnicianInboxStore = Pick<SessionStore, (typeof TECHNICIAN_INBOX_KEYS)[number]>;

/**
 * What the running step asks and says: one question at a time first (it is what the technician must act
 * on, so it stays at the top of the step view), then the progress of long work and the messages.
 */
export function TechnicianInbox({ store }: { store: TechnicianInboxStore }) {
  const question = store.questions[0];
  const progress = Object.values(store.progress);
  return (
    <section aria-labelledby="inbox-heading" className="inbox">
      <h2 id="inbox-heading">{store.runningStep ? `Running ${store.runningStep}` : 'Technician'}</h2>
      {question && (
        <QuestionForm
          key={question.id}
          question={question}
          answer={store.answer}
          saveSample={store.saveSample}
        />
      )}
      {store.questions.length > 1 && <p>{store.questions.length - 1} more waiting.</p>}
      {progress.length > 0 && (
        <ul className="progress" aria-label="Progress">
          {progress.map((report) => (
            <ProgressLine key={report.server} report={report} />
          ))}
        </ul>
      )}
      <ul className="messages" aria-live="polite">
        {store.messages.map((message, index) => (
          <li key={index}>{message.text}</li>
        ))}
      </ul>
    </section>
  );
}

function ProgressLine({ report }: { report: StepProgress }) {
  const since = new Date(report.at).toLocaleTimeString();
  return (
    <li>
      <strong>{report.server}:</strong> {report.text} <span className="since">(since {since})</span>
    </li>
  );
}

/** What a question's form needs: the question, and the store's actions on it. */
interface QuestionProps {
  question: Question;
  answer: SessionStore['answer'];
  saveSample: SessionStore['saveSample'];
}

function QuestionForm({ question, answer, saveSample }: QuestionProps) {
  const [text, setText] = useState('');
  if (question.hostKey) {
    const key = question.hostKey;
    return (
      <div
        role="dialog"
        aria-label={`Host key of ${question.server ?? key.host}`}
        className="question host-key"
      >
        <p>
          First connection to {question.server} ({key.host}:{key.port}). Compare this {key.algorithm}{' '}
          fingerprint with the one the server&apos;s administrator gave you, character by character:
        </p>
        <p className="fingerprint">{key.fingerprint}</p>
        <p>Only a matching key is pinned in this session; a different key later is refused.</p>
        <button type="button" onClick={() => void answer(question, true)}>
          It matches: trust this server
        </button>
        <button type="button" onClick={() => void answer(question, false)}>
          It does not match
        </button>
      </div>
    );
  }
  if (question.kind === 'verdict')
    return <VerdictForm question={question} answer={answer} saveSample={saveSample} />;
  if (question.kind === 'confirm') {
    return (
      <div
        role="group"
        aria-label="Confirmation"
        className="question"
        data-item={question.checklistItem ?? ''}
      >
        <p>{question.text}</p>
        {question.trainingKeys && (
          <section aria-label="Keys on the training server" className="training-keys">
            <p>On the training server:</p>
            <ol>
              {question.trainingKeys.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ol>
          </section>
        )}
        <button type="button" onClick={() => void answer(question, true)}>
          Yes, done
        </button>
        <button type="button" onClick={() => void answer(question, false)}>
          No
        </button>
      </div>
    );
  }
  if (question.answerAs === 'date-time')
    return (
      <DateTimeAnswer
        question={question}
        onAnswer={(text) => void answer(question, text)}
        onStop={() => void answer(question, null)}
      />
    );
  const tape = question.tape;
  const named = tape?.purpose === 'write';
  return (
    <form
      className="question"
      aria-label={tape ? 'Tape' : 'Question'}
      onSubmit={(event) => {
        event.preventDefault();
        void answer(question, text);
      }}
    >
      {tape && <p>{question.text}</p>}
      {tape?.purpose === 'verify' ? null : (
        <label>
          {named ? `Name written on tape ${tape.tapeNumber} (e.g. DDS4-01)` : question.text}
          <input
            type={question.secret ? 'password' : 'text'}
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoFocus
          />
        </label>
      )}
      <button type="submit">{tape ? `Tape ${tape.tapeNumber} is in: continue` : 'Answer'}</button>
      <button type="button" onClick={() => void answer(question, null)}>
        Stop the step
      </button>
    </form>
  );
}

/** Output the app could not read: shown raw beside what the manual says, for the technician to judge. */
function VerdictForm({ question, answer, saveSample }: QuestionProps) {
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const reading = question.reading;
  const difference = reading?.difference === true;
  const judge = (verdict: 'looks-right' | 'looks-wrong') => {
    if (reason.trim() !== '') void answer(question, { verdict, reason: reason.trim() });
  };
  return (
    <form className="question verdict" aria-label="Your verdict" onSubmit={(event) => event.preventDefault()}>
      <p>
        <strong>{reading?.about ?? question.text}</strong>
        {difference
          ? ': the two servers differ here. Is it fine for the upgrade, or must it be fixed first? Your verdict and reason go into the report.'
          : ': the app cannot read this output. Judge it yourself; your verdict and reason go into the report.'}
      </p>
      {reading && (
        <>
          <p>The manual says to look for: {reading.lookFor}</p>
          <pre className="raw-output" aria-label="Output to judge" tabIndex={0}>
            {reading.raw || '(no output)'}
          </pre>
        </>
      )}
      <label>
        Why (kept in the report)
        <textarea value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="button" disabled={reason.trim() === ''} onClick={() => judge('looks-right')}>
        {difference ? 'Fine for the upgrade' : 'Looks right'}
      </button>
      <button type="button" disabled={reason.trim() === ''} onClick={() => judge('looks-wrong')}>
        {difference ? 'Must be fixed first' : 'Looks wrong'}
      </button>
      <button type="button" onClick={() => void answer(question, null)}>
        Stop the step
      </button>
      {reading && (
        <p>
          <button
            type="button"
            disabled={saved !== null}
            onClick={() => void saveSample(question.id).then((path) => setSaved(path))}
          >
            Save this output as a sample
          </button>{' '}
          {saved && (
            <span role="status">
              Saved as {saved} in the session folder (server names and addresses redacted): it can become a
              parser fixture (see the README).
            </span>
          )}
        </p>
      )}
    </form>
  );
}
