import { useState } from 'react';
import type { Question, SessionStore } from '../session/sessionStore.ts';

/** What the running step says and asks: messages to read, then one question at a time. */
export function TechnicianInbox({ store }: { store: SessionStore }) {
  const question = store.questions[0];
  return (
    <section aria-labelledby="inbox-heading" className="inbox">
      <h2 id="inbox-heading">{store.runningStep ? `Running ${store.runningStep}` : 'Technician'}</h2>
      <ul className="messages" aria-live="polite">
        {store.messages.map((message, index) => (
          <li key={index}>{message.text}</li>
        ))}
      </ul>
      {question && <QuestionForm key={question.id} question={question} answer={store.answer} />}
    </section>
  );
}

function QuestionForm({ question, answer }: { question: Question; answer: SessionStore['answer'] }) {
  const [text, setText] = useState('');
  if (question.kind === 'confirm') {
    return (
      <div role="group" aria-label="Confirmation" className="question">
        <p>{question.text}</p>
        <button type="button" onClick={() => void answer(question, true)}>
          Yes, done
        </button>
        <button type="button" onClick={() => void answer(question, false)}>
          No
        </button>
      </div>
    );
  }
  return (
    <form
      className="question"
      aria-label="Question"
      onSubmit={(event) => {
        event.preventDefault();
        void answer(question, text);
      }}
    >
      <label>
        {question.text}
        <input value={text} onChange={(e) => setText(e.target.value)} autoFocus />
      </label>
      <button type="submit">Answer</button>
      <button type="button" onClick={() => void answer(question, null)}>
        Stop the step
      </button>
    </form>
  );
}
