import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StepBoard } from '../../renderer/src/steps/StepBoard.tsx';
import { TechnicianInbox } from '../../renderer/src/steps/TechnicianInbox.tsx';
import type { Question } from '../../renderer/src/session/sessionStore.ts';
import { storeWith } from './fakeStore.ts';
import { trainingKeysFor } from '../../electron/simulator/screens/keyPlans.ts';
import { reduceSession } from '../../shared/session/reduceSession.ts';

afterEach(cleanup);

const confirmQuestion: Question = {
  id: 'q1',
  kind: 'confirm',
  text: 'Every switch runs Release 8.1 or later.',
  stepId: 'P1',
  server: null,
  tape: null,
  hostKey: null,
  secret: false,
  checklistItem: null,
  reading: null,
};
const askQuestion: Question = {
  id: 'q2',
  kind: 'ask',
  text: 'Cut-off time on the upgrade day?',
  stepId: 'P3b',
  server: null,
  tape: null,
  hostKey: null,
  secret: false,
  checklistItem: null,
  reading: null,
};

describe('TechnicianInbox', () => {
  it('shows the step messages and answers a confirmation with yes or no', async () => {
    const answer = vi.fn();
    render(
      <TechnicianInbox
        store={storeWith({
          runningStep: 'P1',
          questions: [confirmQuestion],
          messages: [{ text: 'NOTE: read this', stepId: 'P1' }],
          answer,
        })}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Running P1' })).toBeTruthy();
    expect(screen.getByText('NOTE: read this')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Yes, done' }));
    expect(answer).toHaveBeenCalledWith(confirmQuestion, true);
    await userEvent.click(screen.getByRole('button', { name: 'No' }));
    expect(answer).toHaveBeenCalledWith(confirmQuestion, false);
  });

  it('shows a training confirmation done in a CMS window with the keys that do it on the simulated pair', () => {
    const keys = trainingKeysFor('D1', 'admin-backup-run')!;
    render(
      <TechnicianInbox
        store={storeWith({
          questions: [
            { ...confirmQuestion, stepId: 'D1', checklistItem: 'admin-backup-run', trainingKeys: keys },
          ],
        })}
      />,
    );
    const steps = screen.getByRole('region', { name: 'Keys on the training server' }).querySelectorAll('li');
    expect([...steps].map((step) => step.textContent)).toEqual([
      'In a terminal on the server, type cms and press Enter.',
      'Main Menu: press ↓ 8 times to Maintenance, then Enter.',
      'Maintenance: Back Up Data is the first option, then Enter.',
      'Press ↓ 3 times, then Space: deselect Local system administration data.',
      'Press ↓ 3 times, then Space: deselect Historical data.',
      'Press Enter for the action list (top right), ↓ 2 times to Run, then Enter.',
      'When the Status line reports the end: F8 (MainMenu), ↑ once to Logout, Enter.',
    ]);
  });

  it('sends a typed answer, or null when the technician stops the step', async () => {
    const answer = vi.fn();
    render(<TechnicianInbox store={storeWith({ questions: [askQuestion], answer })} />);
    await userEvent.type(
      screen.getByLabelText('Cut-off time on the upgrade day?'),
      '2026-11-24T07:00:00+01:00',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Answer' }));
    expect(answer).toHaveBeenCalledWith(askQuestion, '2026-11-24T07:00:00+01:00');
    await userEvent.click(screen.getByRole('button', { name: 'Stop the step' }));
    expect(answer).toHaveBeenLastCalledWith(askQuestion, null);
  });

  it("asks a cut-off as a date and time on the site's clock, and shows the instant in UTC before sending it", async () => {
    const answer = vi.fn();
    const question: Question = { ...askQuestion, answerAs: 'date-time' };
    render(<TechnicianInbox store={storeWith({ questions: [question], answer })} />);
    expect(screen.getByRole('button', { name: 'Answer' }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByLabelText("Date and time on the site's clock"), {
      target: { value: '2026-11-24T07:00' },
    });
    fireEvent.change(screen.getByLabelText('Site time zone'), { target: { value: 'Europe/Paris' } });
    expect(screen.getByRole('status', { name: 'The time chosen' }).textContent).toMatch(
      /^2026-11-24 07:00 Europe\/Paris = 2026-11-24 06:00 UTC \(/,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Answer' }));
    expect(answer).toHaveBeenCalledWith(question, '2026-11-24T07:00:00+01:00[Europe/Paris]');
  });
});

describe('TechnicianInbox for output the app cannot read', () => {
  const verdictQuestion: Question = {
    ...askQuestion,
    id: 'v1',
    kind: 'verdict',
    stepId: 'D2',
    server: 'NEW',
    text: 'R3 Migrate of System Administration data on NEW: does it look right?',
    reading: {
      about: 'R3 Migrate of System Administration data on NEW',
      lookFor: 'the Status: field of the R3 Migrate Data window',
      raw: '12/02/2026 01:23:50 r3mig: done System Administration data',
    },
  };

  it('asks about a difference between the servers as fine for the upgrade or to be fixed first', async () => {
    const answer = vi.fn();
    const difference: Question = {
      ...verdictQuestion,
      text: 'Locale of ORIG and NEW, compared before D2: does it look right?',
      reading: {
        about: 'Locale of ORIG and NEW, compared before D2',
        lookFor: 'the manual: the same CMS version and base load',
        raw: 'Locale\n  ORIG: LANG=C\n  NEW:  LANG=en_US\n  differs',
        difference: true,
      },
    };
    render(<TechnicianInbox store={storeWith({ questions: [difference], answer })} />);
    expect(screen.getByRole('form', { name: 'Your verdict' }).textContent).toContain(
      'the two servers differ here. Is it fine for the upgrade, or must it be fixed first?',
    );
    expect(screen.queryByRole('button', { name: 'Looks right' })).toBeNull();
    await userEvent.type(screen.getByLabelText('Why (kept in the report)'), 'NEW must use C as ORIG');
    await userEvent.click(screen.getByRole('button', { name: 'Must be fixed first' }));
    expect(answer).toHaveBeenCalledWith(difference, {
      verdict: 'looks-wrong',
      reason: 'NEW must use C as ORIG',
    });
  });

  it('shows the raw output beside what to look for, and sends a verdict only with a reason', async () => {
    const answer = vi.fn();
    render(<TechnicianInbox store={storeWith({ questions: [verdictQuestion], answer })} />);
    expect(screen.getByLabelText('Output to judge').textContent).toBe(
      '12/02/2026 01:23:50 r3mig: done System Administration data',
    );
    expect(screen.getByText(/The manual says to look for: the Status: field/)).toBeTruthy();
    const wrong = screen.getByRole('button', { name: 'Looks wrong' });
    expect((wrong as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(screen.getByLabelText('Why (kept in the report)'), 'Status field says failed');
    await userEvent.click(wrong);
    expect(answer).toHaveBeenCalledWith(verdictQuestion, {
      verdict: 'looks-wrong',
      reason: 'Status field says failed',
    });
  });

  it('saves the output to judge as a sample and says where, once', async () => {
    const saveSample = vi.fn(async () => 'samples/D2-NEW-2026-12-02.txt');
    render(<TechnicianInbox store={storeWith({ questions: [verdictQuestion], saveSample })} />);
    const save = screen.getByRole('button', { name: 'Save this output as a sample' });
    await userEvent.click(save);
    expect(saveSample).toHaveBeenCalledWith(verdictQuestion.id);
    expect((await screen.findByRole('status')).textContent).toMatch(
      /Saved as samples\/D2-NEW-2026-12-02\.txt in the session folder \(server names and addresses redacted\)/,
    );
    expect((save as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('TechnicianInbox for tapes, host keys, secrets and long work', () => {
  it('asks for the name of a tape to be written, and only for the tape when it is verified', async () => {
    const answer = vi.fn();
    const write: Question = {
      ...askQuestion,
      id: 'w2',
      stepId: 'P4a',
      text: 'ORIG: Tape 1 is full. Number it, then insert tape 2 and continue.',
      tape: { purpose: 'write', tapeNumber: 2, device: '/dev/rmt/0' },
    };
    render(<TechnicianInbox store={storeWith({ questions: [write], answer })} />);
    expect(screen.getByText(write.text)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Name written on tape 2 (e.g. DDS4-01)'), 'SHORT-2');
    await userEvent.click(screen.getByRole('button', { name: 'Tape 2 is in: continue' }));
    expect(answer).toHaveBeenCalledWith(write, 'SHORT-2');
    cleanup();
    const verify: Question = {
      ...write,
      id: 'v1',
      tape: { ...write.tape!, purpose: 'verify', tapeNumber: 1 },
    };
    render(<TechnicianInbox store={storeWith({ questions: [verify], answer })} />);
    expect(screen.queryByRole('textbox')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Tape 1 is in: continue' }));
    expect(answer).toHaveBeenLastCalledWith(verify, '');
  });

  it('types a secret hidden', () => {
    const secret: Question = { ...askQuestion, text: 'Password for cms@orig Password:', secret: true };
    render(<TechnicianInbox store={storeWith({ questions: [secret] })} />);
    expect((screen.getByLabelText(secret.text) as HTMLInputElement).type).toBe('password');
  });

  it('shows a host key fingerprint to compare and pins only on a match', async () => {
    const answer = vi.fn();
    const hostKey: Question = {
      ...confirmQuestion,
      stepId: null,
      server: 'ORIG',
      hostKey: { host: '10.0.0.5', port: 22, algorithm: 'ssh-rsa', fingerprint: 'SHA256:abc123' },
    };
    render(<TechnicianInbox store={storeWith({ questions: [hostKey], answer })} />);
    const dialog = screen.getByRole('dialog', { name: 'Host key of ORIG' });
    expect(dialog.textContent).toContain('SHA256:abc123');
    await userEvent.click(screen.getByRole('button', { name: 'It does not match' }));
    expect(answer).toHaveBeenCalledWith(hostKey, false);
  });

  it('shows how each server is getting on with a long operation', () => {
    render(
      <TechnicianInbox
        store={storeWith({
          runningStep: 'D11',
          progress: {
            ORIG: {
              stepId: 'D11',
              server: 'ORIG',
              text: 'Writing tape 2',
              blocks: null,
              at: '2026-11-24T10:00:00Z',
            },
            NEW: {
              stepId: 'D11',
              server: 'NEW',
              text: '2150400 blocks written; verifying the tapes',
              blocks: 2150400,
              at: '2026-11-24T10:05:00Z',
            },
          },
        })}
      />,
    );
    const lines = screen.getByRole('list', { name: 'Progress' }).textContent!;
    expect(lines).toContain('ORIG: Writing tape 2');
    expect(lines).toContain('NEW: 2150400 blocks written; verifying the tapes');
  });
});

describe('StepBoard', () => {
  const created = reduceSession([
    {
      type: 'session-created',
      site: 'Acme',
      technician: 'RT',
      customerContact: '',
      training: true,
      at: '2026-11-23T08:00:00Z',
    },
    { type: 'step-started', stepId: 'P2', at: '2026-11-23T08:01:00Z' },
    { type: 'step-failed', stepId: 'P2', reason: 'ORIG: no tape loaded', at: '2026-11-23T08:02:00Z' },
  ]);

  it('offers Run on ready steps, Run again on failed ones with the reason, nothing on pending ones', async () => {
    const runStep = vi.fn();
    render(<StepBoard store={storeWith({ state: created, runStep })} />);
    expect(screen.getByRole('button', { name: 'Run P1' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run again P2' })).toBeTruthy();
    expect(screen.getByText('ORIG: no tape loaded')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /D1$/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Run P1' }));
    expect(runStep).toHaveBeenCalledWith('P1');
  });

  it('disables every Run button while a step runs or the session is read-only', () => {
    render(<StepBoard store={storeWith({ state: created, runningStep: 'P3a' })} />);
    for (const button of screen.getAllByRole('button'))
      expect((button as HTMLButtonElement).disabled).toBe(true);
    cleanup();
    render(<StepBoard store={storeWith({ state: created, readOnlyReason: 'line 4 altered' })} />);
    for (const button of screen.getAllByRole('button'))
      expect((button as HTMLButtonElement).disabled).toBe(true);
  });
});
