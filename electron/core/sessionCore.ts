import type { HeadSigner } from '../journal/sessionJournal.ts';
import type { ServerRole, StepId } from '../../shared/procedure/types.ts';
import { runningStepOf, type StepRun } from '../../shared/session/sessionState.ts';
import { SessionJournal } from '../journal/sessionJournal.ts';
import { ConnectionPool, type ConnectionState } from '../ssh/connectionPool.ts';
import { interruptStepsLeftRunning } from '../steps/interruptStepsLeftRunning.ts';
import { runProcedureStep } from '../steps/procedureRunner.ts';
import { StepContext } from '../steps/stepContext.ts';
import { StepInterrupted } from '../steps/tapeWork.ts';
import type { RemoteHost } from '../ssh/remoteHost.ts';
import { connectSessionServer, type SessionServerAccess } from './connectSessionServer.ts';
import { serverHost } from './serverHost.ts';
import { SessionSecrets } from './sessionSecrets.ts';
import { journaledTechnician } from './journaledTechnician.ts';
import { trainingKeysFor } from '../simulator/screens/keyPlans.ts';
import type { TechnicianChannel } from './technicianChannel.ts';
import { UserFacingError } from './userFacingError.ts';

export interface SessionCoreOptions extends SessionServerAccess {
  /** Signs the journal's head (the app's installation key). */
  signer?: HeadSigner;
  onConnectionState?(server: ServerRole, state: ConnectionState, reason: string | null): void;
}

interface RunningStep {
  done: Promise<unknown>;
  interrupt(reason: string): void;
}

/**
 * One open upgrade session: its journal, one connection per server, and the step that runs in it. The
 * window (through AppService), the browser harness and `cms-ha run` all drive a session through this
 * object, so they behave the same.
 */
export class SessionCore {
  readonly connections: ConnectionPool;
  /** Typed during this run (the root password for su): every transcript redacts them. */
  readonly secrets = new SessionSecrets();
  private running: RunningStep | null = null;

  private constructor(
    readonly journal: SessionJournal,
    private readonly options: SessionCoreOptions,
    /** Steps that a stopped app had left running, marked interrupted when the session was opened. */
    readonly interruptedOnOpen: readonly StepId[],
  ) {
    this.connections = new ConnectionPool(
      (server) => connectSessionServer(journal, server, options),
      options.onConnectionState,
    );
  }

  /**
   * Opens the session folder (read-only when it is damaged or open elsewhere). A step the journal shows
   * running cannot be running here: the app that ran it stopped, so it is marked interrupted.
   */
  static async open(directory: string, options: SessionCoreOptions): Promise<SessionCore> {
    const journal = await SessionJournal.open(directory, { signer: options.signer });
    try {
      return new SessionCore(journal, options, await interruptStepsLeftRunning(journal));
    } catch (error) {
      await journal.close();
      throw error;
    }
  }

  /** Where commands run on `server`: its login, or root through `su -` when the session says so. */
  async host(server: ServerRole): Promise<RemoteHost> {
    const connection = await this.connections.get(server);
    return serverHost(this.journal.state, server, connection, this.options, this.secrets);
  }

  get directory(): string {
    return this.journal.directory;
  }

  /** The step running now, as the journal says (running, or waiting on the technician). */
  get runningStep(): StepId | null {
    return runningStepOf(this.journal.state);
  }

  /** Runs one step; its questions go to `channel` and are journaled. One step at a time per session. */
  async runStep(stepId: StepId, channel: TechnicianChannel): Promise<StepRun> {
    if (this.running)
      throw new UserFacingError(`${this.runningStep ?? 'Another step'} is running; wait for it to finish.`);
    let interrupt: (reason: string) => void = () => undefined;
    const interruption = new Promise<never>((_, reject) => {
      interrupt = (reason) => reject(new StepInterrupted(reason));
    });
    interruption.catch(() => undefined);
    const context = new StepContext(
      stepId,
      this.journal,
      (server) => this.host(server),
      journaledTechnician(stepId, this.journal, channel, interruption, (itemId) =>
        this.journal.state.session?.training ? trainingKeysFor(stepId, itemId) : null,
      ),
      undefined,
      this.secrets,
    );
    const run = runProcedureStep(context);
    this.running = { done: run.catch(() => undefined), interrupt };
    try {
      return await run;
    } finally {
      this.running = null;
    }
  }

  /**
   * Ends the running step as `interrupted` (the window is closing): its open question is withdrawn and
   * the connections are closed, which ends any command it ran; nothing is re-run on its own.
   */
  async interruptRunningStep(reason: string): Promise<void> {
    const running = this.running;
    if (!running) return;
    running.interrupt(reason);
    await this.connections.close();
    await running.done;
  }

  async close(): Promise<void> {
    await this.interruptRunningStep('the session was closed while it ran');
    await this.connections.close();
    await this.journal.close();
  }
}
