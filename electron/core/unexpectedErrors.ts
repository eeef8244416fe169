import type { EventEmitter } from 'node:events';

/**
 * A promise that rejected with nobody to handle it is a bug: instead of dying silently (or with a stack
 * trace nobody reads on site), the process reports it where the technician and the record see it.
 */
export function reportUnexpectedErrors(
  processLike: Pick<EventEmitter, 'on'>,
  report: (error: unknown) => void,
): void {
  processLike.on('unhandledRejection', (reason: unknown) => report(reason));
}
