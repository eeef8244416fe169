import { randomUUID } from 'node:crypto';
import type { ServerRole, StepId } from '../../shared/procedure/types.ts';
import type { SessionJournal } from '../journal/sessionJournal.ts';
import type { RemoteHost } from '../ssh/remoteHost.ts';
import { CMS_TERMINAL_SIZE, type TerminalSize } from '../../shared/procedure/terminalSize.ts';
import type { PtyChannel } from '../ssh/sshConnection.ts';
import { SessionSecrets } from './sessionSecrets.ts';
import { StepTranscripts } from './stepTranscripts.ts';
import { UserFacingError } from './userFacingError.ts';
import { TerminalWatch } from './terminalWatch.ts';
import type { WindowCheck, WindowCheckContext } from '../../shared/procedure/windowCheck.ts';
import { MIGRATION_DATA_TYPE_NAMES } from '../../shared/parsers/migrateDataWindow.ts';
import { PROCEDURE_STEPS } from '../../shared/procedure/steps.ts';
import { migrationRecordOf } from '../../shared/session/reduceSession.ts';
import { runningStepOf } from '../../shared/session/sessionState.ts';

export interface TerminalListener {
  data(terminalId: string, data: string): void;
  closed(terminalId: string, reason: string): void;
  /** The terminal's transcript could not be journaled as evidence (the file itself is kept). */
  evidenceNotRecorded(terminalId: string, reason: string): void;
  /** A CMS window the running step prescribes selections for came on screen, changed, or went. */
  windowCheck?(terminalId: string, check: WindowCheck | null): void;
  /**
   * The key just typed would activate Run on a window whose selections differ from the step's (or
   * cannot be read): resolves true to send it anyway, false to hold it back. Without this, it is held.
   */
  confirmRun?(terminalId: string, check: WindowCheck): Promise<boolean>;
}

/**
 * Flow control of a terminal's output to the window: the window acknowledges what its terminal has
 * drawn; with more than HIGH characters unacknowledged the server is held back (the SSH channel paused,
 * so its window fills and the server's program blocks), until the window is back under LOW. A window
 * that stops reading costs at most HIGH characters, whatever the server sends.
 */
export const TERMINAL_HIGH_WATER_CHARS = 1_000_000;
const TERMINAL_LOW_WATER_CHARS = 250_000;

/**
 * The technician's own terminals on the session's servers (for the CMS windows). Output is filed under
 * the step running when it arrived (else the step the terminal was opened in): that attempt's terminal
 * transcript, journaled as its evidence once per attempt.
 */
export class SessionTerminals {
  private readonly open = new Map<string, PtyChannel>();
  private readonly ending = new Set<Promise<void>>();
  private readonly unacknowledged = new Map<string, { chars: number; paused: boolean }>();
  private readonly watches = new Map<string, { watch: TerminalWatch; server: ServerRole }>();
  /** Each terminal's keystrokes in order, also while one waits for the technician to confirm Run. */
  private readonly typing = new Map<string, Promise<void>>();

  constructor(
    private readonly journal: SessionJournal,
    private readonly host: (server: ServerRole) => Promise<RemoteHost>,
    private readonly listener: TerminalListener,
    private readonly secrets: SessionSecrets = new SessionSecrets(),
  ) {}

  async start(
    server: ServerRole,
    stepId: StepId | null,
    size: TerminalSize = CMS_TERMINAL_SIZE,
  ): Promise<string> {
    const pty = await (await this.host(server)).openPty(null, size);
    const terminalId = randomUUID();
    this.open.set(terminalId, pty);
    // The step whose work this is: the one running now, else the one the terminal was opened in.
    const stepOf = () => runningStepOf(this.journal.state) ?? stepId;
    const transcripts = new StepTranscripts(this.journal, server, this.secrets);
    const watch = new TerminalWatch(stepOf, size, this.windowContext(server, stepOf), (check) =>
      this.listener.windowCheck?.(terminalId, check),
    );
    this.watches.set(terminalId, { watch, server });
    const flow = { chars: 0, paused: false };
    this.unacknowledged.set(terminalId, flow);
    pty.onData((data) => {
      const filedUnder = stepOf();
      if (filedUnder) transcripts.of(filedUnder).write(data);
      this.listener.data(terminalId, data);
      watch.feed(data);
      flow.chars += data.length;
      if (!flow.paused && flow.chars > TERMINAL_HIGH_WATER_CHARS && pty.pause) {
        flow.paused = true;
        pty.pause();
      }
    });
    const ended = pty.ended.then(async (end) => {
      this.open.delete(terminalId);
      this.unacknowledged.delete(terminalId);
      this.watches.delete(terminalId);
      this.typing.delete(terminalId);
      watch.dispose();
      this.listener.closed(terminalId, end.kind === 'exited' ? 'the shell ended' : end.reason);
      await transcripts.closeAndRecord();
    });
    const tracked: Promise<void> = ended
      .catch((error: unknown) =>
        this.listener.evidenceNotRecorded(terminalId, error instanceof Error ? error.message : String(error)),
      )
      .finally(() => this.ending.delete(tracked));
    this.ending.add(tracked);
    return terminalId;
  }

  /** What the watch needs of the session: the migrations already run into the server's current setup. */
  private windowContext(server: ServerRole, stepOf: () => StepId | null): WindowCheckContext {
    return {
      alreadyMigrated: (dataType) => {
        const stepId = stepOf();
        const specs = stepId
          ? (PROCEDURE_STEPS.find((step) => step.id === stepId)?.migrations ?? []).filter(
              (spec) => spec.server === server && spec.dataType === dataType,
            )
          : [];
        const done = specs.map((spec) => migrationRecordOf(this.journal.state, spec));
        if (specs.length === 0 || done.some((record) => record === undefined)) return null;
        return `${MIGRATION_DATA_TYPE_NAMES[dataType]} was already migrated on ${server} (${done.map((record) => `from ${record!.tapeId} at ${record!.at}`).join(', ')}): migrating it again may cause catastrophic errors. Do not select Run.`;
      },
    };
  }

  /**
   * Sends keystrokes to the terminal. A key that activates Run on a CMS window the step prescribes
   * selections for is the act itself: the selections on screen are journaled as evidence, and when they
   * differ from the step's the key is held until the technician confirms (or goes back).
   */
  write(terminalId: string, data: string): Promise<void> {
    if (!this.open.has(terminalId)) throw new UserFacingError('That terminal is closed.');
    const previous = this.typing.get(terminalId) ?? Promise.resolve();
    const next = previous.then(() => this.send(terminalId, data));
    this.typing.set(
      terminalId,
      next.catch(() => undefined),
    );
    return next;
  }

  private async send(terminalId: string, data: string): Promise<void> {
    const terminal = this.open.get(terminalId);
    if (!terminal) throw new UserFacingError('That terminal is closed.');
    const watched = this.watches.get(terminalId);
    const check = watched && /[\r\n]/.test(data) ? await watched.watch.checkIfRunIsCurrent() : null;
    if (!check || !watched) return terminal.write(data);
    const deviates = check.differences === null || check.differences.length > 0;
    const goAhead = !deviates || ((await this.listener.confirmRun?.(terminalId, check)) ?? false);
    if (!goAhead) return;
    if (!this.journal.readOnly)
      await this.journal.append({
        type: 'evidence-recorded',
        stepId: check.stepId,
        server: watched.server,
        evidence: {
          kind: 'window-at-run',
          window: check.window,
          requirement: check.requirement,
          differences: check.differences,
          unreadable: check.unreadable,
          wentAheadDespite: deviates,
        },
        at: new Date().toISOString(),
      });
    this.open.get(terminalId)?.write(data);
  }

  /** The window drew `chars` more characters of this terminal's output. */
  acknowledge(terminalId: string, chars: number): void {
    const flow = this.unacknowledged.get(terminalId);
    if (!flow) return;
    flow.chars = Math.max(0, flow.chars - chars);
    if (flow.paused && flow.chars < TERMINAL_LOW_WATER_CHARS) {
      flow.paused = false;
      this.open.get(terminalId)?.resume?.();
    }
  }

  /** The window's terminal changed size: the program on the server is told (it redraws to fit). */
  resize(terminalId: string, size: TerminalSize): void {
    const terminal = this.open.get(terminalId);
    if (!terminal) throw new UserFacingError('That terminal is closed.');
    terminal.resize?.(size);
    this.watches.get(terminalId)?.watch.resize(size);
  }

  close(terminalId: string): void {
    this.open.get(terminalId)?.close();
  }

  /** Closes every terminal and waits until their transcripts are recorded. */
  async closeAll(): Promise<void> {
    for (const terminal of this.open.values()) terminal.close();
    await Promise.all(this.ending);
  }
}
