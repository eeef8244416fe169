import { testInstallationKey } from '../support/installationKey.ts';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppService } from '../../electron/app/appService.ts';
import { dispatchApiCall } from '../../electron/app/dispatchApiCall.ts';
import { API_CALLS, type ApiCall } from '../../shared/ipc/apiContract.ts';
import { openNewSession } from '../support/openSession.ts';
const CHANNELS = Object.keys(API_CALLS) as ApiCall[];

/** Payloads a compromised renderer might send: wrong shapes, wrong types, extra keys, huge and hostile strings. */
const hostileValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    null,
    undefined,
    [],
    '',
    'x'.repeat(1_000_000),
    '../../../etc/passwd',
    '/dev/rmt/0; reboot',
    '$(reboot)',
    { __proto__: { polluted: true } },
    Number.NaN,
    -1,
    2 ** 53,
  ),
);
const hostilePayload = fc.oneof(
  hostileValue,
  fc.dictionary(
    fc.constantFrom('stepId', 'directory', 'server', 'path', 'tapeId', 'text', 'format', 'reason', 'x'),
    hostileValue,
  ),
);

describe('every API call fed malformed payloads', () => {
  let service: AppService;
  let directory = '';
  let root = '';
  const journalText = () => readFile(path.join(directory, 'journal.jsonl'), 'utf8');

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'cms-ha-api-'));
    service = new AppService(root, () => undefined, { installationKey: await testInstallationKey() });
    directory = await openNewSession(service);
  });
  afterAll(async () => {
    await service.close();
    await rm(root, { recursive: true, force: true });
  });

  it('refuses each with a validation error and journals nothing', { timeout: 60_000 }, async () => {
    const before = await journalText();
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), hostilePayload, async (channel, payload) => {
        fc.pre(!API_CALLS[channel].request.strict().safeParse(payload).success);
        const outcome = await dispatchApiCall(service.handlers, channel, payload);
        expect(outcome.ok).toBe(false);
        if (!outcome.ok)
          expect(outcome.error).toMatch(new RegExp(`^invalid ${channel.replace('.', '\\.')} request`));
        refused++;
      }),
      { numRuns: 600 },
    );
    expect(refused).toBeGreaterThan(300);
    expect(await journalText()).toBe(before);
  });

  it('refuses unknown calls and unknown keys, even beside a valid request', async () => {
    const before = await journalText();
    expect(await dispatchApiCall(service.handlers, 'fs.readFile', { path: '/etc/passwd' })).toEqual({
      ok: false,
      code: 'unknown-call',
      error: 'unknown call fs.readFile',
    });
    expect(await dispatchApiCall(service.handlers, 'constructor', {})).toMatchObject({ ok: false });
    expect(await dispatchApiCall(service.handlers, 'toString', {})).toMatchObject({ ok: false });
    const extraKey = await dispatchApiCall(service.handlers, 'note.add', {
      stepId: null,
      text: 'hello',
      journalLine: '{"forged":true}',
    });
    expect(extraKey).toMatchObject({
      ok: false,
      code: 'invalid-request',
      error: expect.stringMatching(/^invalid note\.add request/),
    });
    expect(await journalText()).toBe(before);
    // The same call, well formed, is journaled.
    expect(await dispatchApiCall(service.handlers, 'note.add', { stepId: null, text: 'hello' })).toEqual({
      ok: true,
      value: {},
    });
    expect(await journalText()).not.toBe(before);
  });
});
