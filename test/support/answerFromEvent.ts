import type { AppService } from '../../electron/app/appService.ts';

/**
 * Answers a question as a window would, from inside the core's event callback. A refused answer is
 * rethrown outside the callback, where vitest reports it as an error of the run instead of losing it.
 */
export function answerFromEvent(
  service: AppService,
  questionId: string,
  answer: string | boolean | null,
): void {
  service.handlers['technician.answer']({ questionId, answer }).catch((error: unknown) => {
    setImmediate(() => {
      throw error;
    });
  });
}
