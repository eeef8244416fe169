import type { PtyChannel } from './sshConnection.ts';

/** What a driver needs from the technician, in a form a UI or a script can act on. */
export type TechnicianRequest =
  | { kind: 'insert-tape'; purpose: 'write' | 'verify'; tapeNumber: number; device: string | null }
  | { kind: 'confirm'; text: string }
  /** The answer is a password: typed hidden, never echoed or kept. */
  | { kind: 'secret' }
  /** The answer is a date and time with the site's time zone (RFC 9557: `2026-11-24T07:00:00+01:00[Europe/Paris]`). */
  | { kind: 'date-time' }
  /** The name of the person the manual makes responsible for what was just confirmed (the switch administrator). */
  | { kind: 'sign-off'; party: string };

/** What to do when a rule's pattern appears in the console output. */
export type DialogAction =
  | { kind: 'send'; text: string; secret?: boolean }
  | { kind: 'ask'; question: string; secret?: boolean; answerSuffix?: string; request?: TechnicianRequest }
  | { kind: 'fail'; reason: string }
  | { kind: 'done' }
  | { kind: 'note' };

export interface DialogRule {
  id: string;
  pattern: RegExp;
  action: DialogAction | ((match: RegExpExecArray) => DialogAction);
  /** More hits than this fail the dialog (a prompt that keeps coming back). Default: unlimited. */
  maxHits?: number;
}

export interface DialogSpec {
  rules: readonly DialogRule[];
  /**
   * How long the program may stay silent without any rule matching before the dialog times out, or,
   * when the caller can ask `keepWaiting`, before the technician is asked whether to wait on.
   */
  promptTimeoutMs: number;
}

export interface DialogHooks {
  /** Ask the technician; null means they cancelled. Time spent here does not count against the timeout. */
  ask?(
    question: string,
    options: { secret: boolean; ruleId: string; request?: TechnicianRequest },
  ): Promise<string | null>;
  /** Every chunk of output as it arrives, secrets already redacted. */
  transcript?(text: string): void;
  /** Every rule that fired, in order, with the text it matched. */
  onRule?(ruleId: string, match: RegExpExecArray): void;
  /** Register a secret for redaction wherever the caller keeps output. */
  onSecret?(secret: string): void;
  /**
   * For long work a silence must never end on its own (a tape write or verification, which can print
   * nothing for many minutes): after each silence of `promptTimeoutMs` the technician is asked, with
   * how long it has been and the last output. Yes waits on; no stops the program. Without this hook a
   * silence times the dialog out.
   */
  keepWaiting?(silentForMs: number, lastOutput: string): Promise<boolean>;
}

export type DialogOutcome =
  | { kind: 'completed'; hits: Record<string, number> }
  | { kind: 'exited'; code: number | null; hits: Record<string, number> }
  | { kind: 'failed'; reason: string; ruleId: string | null; hits: Record<string, number> }
  | { kind: 'timed-out'; lastOutput: string; hits: Record<string, number> }
  | { kind: 'interrupted'; reason: string; hits: Record<string, number> };

/**
 * Runs a console dialog described as data against a program on a pseudo-terminal: each time a rule's
 * pattern shows up in the output, its action runs (answer, ask the technician, fail, done).
 */
export function runDialog(
  channel: PtyChannel,
  spec: DialogSpec,
  hooks: DialogHooks = {},
): Promise<DialogOutcome> {
  const hits: Record<string, number> = Object.fromEntries(spec.rules.map((rule) => [rule.id, 0]));
  let buffer = '';
  let recent = '';
  let busy = false;
  let finished = false;
  let timer: NodeJS.Timeout | null = null;
  let lastOutputAt = Date.now();

  return new Promise((resolve, reject) => {
    const end = () => {
      if (finished) return false;
      finished = true;
      if (timer) clearTimeout(timer);
      unsubscribe();
      return true;
    };
    const finish = (outcome: DialogOutcome) => {
      if (end()) resolve(outcome);
    };
    /**
     * A hook that throws (the server went away while the technician was answering, a guard refused,
     * the window closed) ends the dialog with that error, so the caller can tell a lost server from a
     * refusal: never silently, never as the program's own failure.
     */
    const abandon = (error: unknown) => {
      channel.close();
      if (end()) reject(error instanceof Error ? error : new Error(String(error)));
    };
    const armTimer = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(silence, spec.promptTimeoutMs);
    };
    const silence = () => {
      timer = null;
      if (!hooks.keepWaiting) {
        channel.close();
        finish({ kind: 'timed-out', lastOutput: recent.slice(-500), hits });
        return;
      }
      const silentForMs = Date.now() - lastOutputAt;
      hooks.keepWaiting(silentForMs, recent.slice(-500)).then((keep) => {
        if (finished) return;
        if (keep) return armTimer();
        channel.close();
        finish({
          kind: 'failed',
          reason: `stopped by the technician after ${Math.round(silentForMs / 60_000)} min without output`,
          ruleId: null,
          hits,
        });
      }, abandon);
    };
    const send = (text: string, secret: boolean) => {
      if (secret) hooks.onSecret?.(text.replace(/[\r\n]+$/, ''));
      channel.write(text);
    };

    const process = async (): Promise<void> => {
      if (busy || finished) return;
      busy = true;
      try {
        for (;;) {
          const found = earliestMatch(spec.rules, buffer);
          if (!found) {
            // Nothing in it matched: only its end can still begin a prompt that the next output
            // completes, so a program that prints without end neither grows memory nor slows each search.
            if (buffer.length > PROMPT_OVERLAP_CHARS) buffer = buffer.slice(-PROMPT_OVERLAP_CHARS);
            break;
          }
          const { rule, match } = found;
          buffer = buffer.slice(match.index + match[0].length);
          hits[rule.id] = (hits[rule.id] ?? 0) + 1;
          hooks.onRule?.(rule.id, match);
          if (rule.maxHits !== undefined && hits[rule.id]! > rule.maxHits) {
            channel.close();
            return finish({
              kind: 'failed',
              reason: `"${rule.id}" came back ${hits[rule.id]} times`,
              ruleId: rule.id,
              hits,
            });
          }
          const action = typeof rule.action === 'function' ? rule.action(match) : rule.action;
          switch (action.kind) {
            case 'send':
              send(action.text, action.secret ?? false);
              break;
            case 'ask': {
              if (timer) clearTimeout(timer);
              const answer = hooks.ask
                ? await hooks.ask(action.question, {
                    secret: action.secret ?? false,
                    ruleId: rule.id,
                    request: action.request,
                  })
                : null;
              if (finished) return;
              if (answer === null) {
                channel.close();
                return finish({
                  kind: 'failed',
                  reason: `the technician cancelled at "${action.question}"`,
                  ruleId: rule.id,
                  hits,
                });
              }
              send(answer + (action.answerSuffix ?? '\r'), action.secret ?? false);
              break;
            }
            case 'fail':
              channel.close();
              return finish({ kind: 'failed', reason: action.reason, ruleId: rule.id, hits });
            case 'done':
              return finish({ kind: 'completed', hits });
            case 'note':
              break;
          }
          armTimer();
        }
      } finally {
        busy = false;
      }
      if (earliestMatch(spec.rules, buffer)) react();
    };
    const react = () => {
      process().catch(abandon);
    };

    const unsubscribe = channel.onData((text) => {
      hooks.transcript?.(text);
      lastOutputAt = Date.now();
      buffer += text;
      // Output not yet searched (a rule is waiting on the technician) is bounded too.
      if (buffer.length > 2 * MATCH_WINDOW_CHARS) buffer = buffer.slice(-MATCH_WINDOW_CHARS);
      recent = (recent + text).slice(-2000);
      armTimer();
      react();
    });
    channel.ended.then(
      (end) => {
        // Let rules see the last output before judging how the program ended.
        setImmediate(() => {
          if (end.kind === 'interrupted') finish({ kind: 'interrupted', reason: end.reason, hits });
          else finish({ kind: 'exited', code: end.code, hits });
        });
      },
      (error: unknown) => finish({ kind: 'interrupted', reason: String(error), hits }),
    );
    armTimer();
  });
}

/** At most this much output waits to be searched for the rules' prompts. */
export const MATCH_WINDOW_CHARS = 64 * 1024;
/**
 * Searched output in which no rule matched is dropped but for its last characters: a prompt (a few
 * lines at most, such as cmsadm's list of drives) that began there still matches once it is complete.
 */
const PROMPT_OVERLAP_CHARS = 16 * 1024;

function earliestMatch(
  rules: readonly DialogRule[],
  text: string,
): { rule: DialogRule; match: RegExpExecArray } | null {
  let best: { rule: DialogRule; match: RegExpExecArray } | null = null;
  for (const rule of rules) {
    const pattern = new RegExp(rule.pattern.source, rule.pattern.flags.replace('g', ''));
    const match = pattern.exec(text);
    if (match && (!best || match.index < best.match.index)) best = { rule, match };
  }
  return best;
}
