import { testInstallationKey } from '../support/installationKey.ts';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/app/appService.ts';
import { reportUnexpectedErrors } from '../../electron/core/unexpectedErrors.ts';
import type { ApiEventPayload } from '../../shared/ipc/apiContract.ts';
import { openNewSession } from '../support/openSession.ts';
import { useTempDirs } from '../support/tempDir.ts';

const tempDir = useTempDirs();

describe('an error nobody handled', () => {
  it('is said in the window and journaled as a note of the open session, not lost', async () => {
    const messages: ApiEventPayload<'technician.message'>[] = [];
    const service = new AppService(
      await tempDir(),
      (event, payload) => {
        if (event === 'technician.message') messages.push(payload as ApiEventPayload<'technician.message'>);
      },
      { installationKey: await testInstallationKey() },
    );
    try {
      await openNewSession(service, { site: 'Bug' });
      // A stand-in for the process: the same event Node emits for a rejection nobody handled.
      const processLike = new EventEmitter();
      reportUnexpectedErrors(processLike, (error) => service.recordUnexpected(error));
      processLike.emit('unhandledRejection', new Error('boom in a dropped promise'), Promise.resolve());

      const text = 'Unexpected error in the app (please report it): boom in a dropped promise';
      expect(messages).toEqual([{ text, stepId: null }]);
      await expect
        .poll(async () => {
          const opened = await service.handlers['session.open']({
            directory: (await service.handlers['app.startup']({})).openDirectory!,
          });
          return opened.events.filter((event) => event.type === 'note-added');
        })
        .toMatchObject([{ type: 'note-added', text, stepId: null }]);
    } finally {
      await service.close();
    }
  });
});
