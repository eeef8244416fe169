import type { AppService } from '../../electron/app/appService.ts';

/** A new session created and opened through the core's API, as the window does; resolves with its folder. */
export async function openNewSession(
  service: AppService,
  options: { site?: string; training?: boolean } = {},
): Promise<string> {
  const { directory } = await service.handlers['session.create']({
    site: options.site ?? 'Acme',
    technician: 'RT',
    customerContact: '',
    training: options.training ?? false,
  });
  await service.handlers['session.open']({ directory });
  return directory;
}
