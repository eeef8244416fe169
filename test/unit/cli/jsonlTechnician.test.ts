import { describe, expect, it } from 'vitest';
import { jsonlChannel } from '../../../electron/cli/jsonlTechnician.ts';
import type { AskedQuestion } from '../../../electron/core/technicianChannel.ts';

/** A script on the other end: lines it will send, and what the app printed. */
function scripted(answers: (string | null)[]) {
  const printed: unknown[] = [];
  const said: string[] = [];
  const channel = jsonlChannel({
    readLine: () => Promise.resolve(answers.length > 0 ? answers.shift()! : null),
    writeLine: (line) => printed.push(JSON.parse(line)),
    say: (text) => said.push(text),
  });
  return { channel, printed, said };
}

const plain = { server: null, tape: null, checklistItem: null, secret: false, reading: null } as const;

describe('cms-ha run --technician jsonl', () => {
  it('prints a confirmation with its checklist item and the act it asks for, and takes true or false', async () => {
    const { channel, printed } = scripted(['{"id":"q1","answer":true}']);
    const question: AskedQuestion = {
      ...plain,
      id: 'q1',
      stepId: 'D2',
      kind: 'confirm',
      text: 'System Setup > R3 Migrate Data: System Administration data, All ACDs. Run.',
      checklistItem: 'migrate-system-admin',
    };
    expect(await channel.ask(question)).toBe(true);
    expect(printed).toEqual([
      {
        id: 'q1',
        step: 'D2',
        kind: 'confirm',
        text: question.text,
        item: 'migrate-system-admin',
        act: { kind: 'migration', server: 'NEW', dataTypes: ['system-admin'] },
      },
    ]);
  });

  it('refuses lines that do not answer the open question, on stderr, and keeps waiting', async () => {
    const { channel, said } = scripted([
      'not json',
      '{"id":"other","answer":"x"}',
      '{"id":"q2","answer":true}',
      '{"id":"q2","answer":"acme-01"}',
    ]);
    const tape: AskedQuestion = {
      ...plain,
      id: 'q2',
      stepId: 'P4a',
      kind: 'ask',
      text: 'Insert tape 1',
      tape: { purpose: 'write', tapeNumber: 1, device: '/dev/rmt/0' },
    };
    expect(await channel.ask(tape)).toBe('acme-01');
    expect(said).toHaveLength(3);
    expect(said[2]).toContain('Not an answer to the open question q2 (a tape)');
  });

  it('asks a verdict with the raw output, takes a verdict with a reason, and stops at the end of input', async () => {
    const { channel, printed } = scripted([
      '{"id":"v1","answer":{"verdict":"looks-wrong","reason":"Status says failed"}}',
    ]);
    const verdict: AskedQuestion = {
      ...plain,
      id: 'v1',
      stepId: 'D2',
      kind: 'verdict',
      server: 'NEW',
      text: 'R3 Migrate of System Administration data on NEW: does it look right?',
      reading: { about: 'R3 Migrate', lookFor: 'the Status: field', raw: 'r3mig: done' },
    };
    expect(await channel.ask(verdict)).toEqual({ verdict: 'looks-wrong', reason: 'Status says failed' });
    expect(printed[0]).toMatchObject({
      kind: 'verdict',
      server: 'NEW',
      raw: 'r3mig: done',
      lookFor: 'the Status: field',
    });
    expect(await channel.ask({ ...verdict, id: 'v2' })).toBeNull();
    channel.tell('NOTE: read this', 'D2');
    expect(printed.at(-1)).toMatchObject({ step: 'D2', kind: 'tell', text: 'NOTE: read this' });
  });
});
