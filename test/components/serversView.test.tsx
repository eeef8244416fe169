import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ServersView } from '../../renderer/src/servers/ServersView.tsx';
import { reduceSession } from '../../shared/session/reduceSession.ts';
import { storeWith } from './fakeStore.ts';

afterEach(cleanup);
const at = '2026-11-23T08:00:00Z';

describe('ServersView', () => {
  it('saves a server with its legacy profile, keeping the password out of the journal', async () => {
    const store = storeWith({});
    render(<ServersView store={store} />);
    const orig = within(screen.getByRole('form', { name: 'ORIG settings' }));
    await userEvent.type(orig.getByLabelText('Host'), 'cms-orig.example');
    await userEvent.type(orig.getByLabelText(/Password/), 's3cret');
    await userEvent.selectOptions(orig.getByLabelText('Platform'), 'e3500');
    await userEvent.click(orig.getByLabelText(/Legacy algorithms/));
    await userEvent.click(orig.getByRole('button', { name: 'Save ORIG' }));
    expect(store.configureServer).toHaveBeenCalledWith({
      server: 'ORIG',
      host: 'cms-orig.example',
      port: 22,
      user: 'root',
      platform: 'e3500',
      tapeDevice: '/dev/rmt/0',
      legacyAlgorithms: true,
      rootAccess: 'login',
      restoreLog: null,
      errorLog: null,
      storageDef: null,
      password: 's3cret',
    });
    expect(
      (orig.getByRole('button', { name: 'Test connection to ORIG' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('saves a server whose root cannot log in (su -) and a restore log the server keeps elsewhere, the defaults shown', async () => {
    const store = storeWith({});
    render(<ServersView store={store} />);
    const neu = within(screen.getByRole('form', { name: 'NEW settings' }));
    expect(neu.getByLabelText(/Restore log/).getAttribute('placeholder')).toBe(
      '/cms/maint/restore/restore.log',
    );
    expect(neu.getByLabelText(/CMS error log/).getAttribute('placeholder')).toBe('/cms/maint/backup/err_log');
    expect(neu.getByLabelText(/storage\.def/).getAttribute('placeholder')).toBe('/cms/db/storage.def');
    await userEvent.type(neu.getByLabelText(/storage\.def/), '/cms/db/site/storage.def');
    await userEvent.type(neu.getByLabelText('Host'), 'cms-new.example');
    await userEvent.clear(neu.getByLabelText('User'));
    await userEvent.type(neu.getByLabelText('User'), 'cmsadmin');
    await userEvent.selectOptions(neu.getByLabelText(/^Root/), 'su');
    expect(neu.getByText(/root password is asked, hidden/)).toBeTruthy();
    await userEvent.type(neu.getByLabelText(/Restore log/), '/var/cms/restore.log');
    await userEvent.click(neu.getByRole('button', { name: 'Save NEW' }));
    expect(store.configureServer).toHaveBeenCalledWith(
      expect.objectContaining({
        server: 'NEW',
        user: 'cmsadmin',
        rootAccess: 'su',
        restoreLog: '/var/cms/restore.log',
        errorLog: null,
        storageDef: '/cms/db/site/storage.def',
      }),
    );
  });

  it("checks the platform pair against the manual and shows a connection test's result", async () => {
    const state = reduceSession([
      { type: 'session-created', site: 'Acme', technician: 'RT', customerContact: '', training: false, at },
      {
        type: 'server-configured',
        server: 'ORIG',
        host: 'a',
        port: 22,
        user: 'root',
        platform: 'e3000',
        cmsVersion: null,
        tapeDevice: '/dev/rmt/0',
        legacyAlgorithms: true,
        at,
      },
      {
        type: 'server-configured',
        server: 'NEW',
        host: 'b',
        port: 22,
        user: 'root',
        platform: 'v880',
        cmsVersion: null,
        tapeDevice: '/dev/rmt/0',
        legacyAlgorithms: false,
        at,
      },
    ]);
    const probe = {
      hostname: 'cms-orig',
      osRelease: '5.8',
      cmsVersion: { version: 'r3v9ak.g' },
      tapeDrive: {
        device: '/dev/rmt/0',
        exitCode: 1,
        output: '/dev/rmt/0: no tape loaded or drive offline\n',
        identified: {
          status: 'no-tape',
          family: null,
          name: null,
          message: '/dev/rmt/0: no tape loaded or drive offline',
        },
      },
      hostKey: { algorithm: 'ssh-rsa', fingerprint: 'SHA256:abc' },
      algorithms: {
        kex: 'diffie-hellman-group14-sha1',
        serverHostKey: 'ssh-rsa',
        cipher: 'aes128-cbc',
        mac: 'hmac-sha1',
      },
    };
    const store = storeWith({ state, probes: { ORIG: probe } });
    render(<ServersView store={store} />);
    expect(screen.getByRole('status').textContent).toContain('not a supported CMS HA combination');
    const result = within(screen.getByLabelText('ORIG test result'));
    expect(result.getByText('r3v9ak.g')).toBeTruthy();
    expect(result.getByText('ssh-rsa SHA256:abc')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Test connection to NEW' }));
    expect(store.probeServer).toHaveBeenCalledWith('NEW');
  });

  it('shows the pinned host keys and the HA roles, recommended before P3a and agreed after it', () => {
    const configured = (server: 'ORIG' | 'NEW', platform: 'blade100' | 'blade150') => ({
      type: 'server-configured' as const,
      server,
      host: server === 'ORIG' ? 'cms-orig' : 'cms-new',
      port: 22,
      user: 'root',
      platform,
      cmsVersion: null,
      tapeDevice: '/dev/rmt/0',
      legacyAlgorithms: false,
      at,
    });
    const events = [
      {
        type: 'session-created' as const,
        site: 'Acme',
        technician: 'RT',
        customerContact: '',
        training: false,
        at,
      },
      configured('ORIG', 'blade100'),
      configured('NEW', 'blade150'),
      {
        type: 'host-key-pinned' as const,
        server: 'ORIG' as const,
        host: 'cms-orig',
        port: 22,
        algorithm: 'ssh-rsa',
        fingerprint: 'SHA256:origKey',
        at: '2026-11-23T08:05:00Z',
      },
    ];
    render(<ServersView store={storeWith({ state: reduceSession(events) })} />);
    expect(screen.getByLabelText('HA roles').textContent).toBe(
      'HA roles: not agreed yet; step P3a asks for them (the manual recommends NEW as primary).',
    );
    expect(screen.getByLabelText('ORIG host key').textContent).toContain(
      'Pinned ssh-rsa key of cms-orig:22: SHA256:origKey (confirmed 2026-11-23 08:05)',
    );
    expect(screen.getByLabelText('NEW host key').textContent).toMatch(/^No host key pinned yet/);
    cleanup();
    const agreed = reduceSession([
      ...events,
      { type: 'step-started', stepId: 'P1', at },
      { type: 'ha-roles-assigned', primary: 'NEW', at },
    ]);
    render(<ServersView store={storeWith({ state: agreed })} />);
    expect(screen.getByLabelText('HA roles').textContent).toBe(
      'HA roles: NEW is the primary server, ORIG the secondary (agreed in P3a).',
    );
  });
});
