import type { JournaledTapeBox } from '../../electron/core/journaledTapeBox.ts';
import type { SshConnection } from '../../electron/ssh/sshConnection.ts';
import type { TechnicianRequest } from '../../electron/ssh/dialogEngine.ts';
import type { StepProgress, Technician } from '../../electron/steps/technician.ts';
import type { ServerRole } from '../../shared/procedure/types.ts';
import type { Reading, Verdict } from '../../shared/session/sessionEvents.ts';

type Action = (hands: Hands) => Promise<void>;

/**
 * The technician's hands on the simulated pair: CMS menu work through SSH like everything else; tapes
 * through the training tape box when there is one (every move journaled, as in the app), else `simctl`.
 */
export class Hands {
  constructor(
    private readonly connect: (server: ServerRole) => Promise<SshConnection>,
    private readonly box?: JournaledTapeBox,
  ) {}

  async run(server: ServerRole, command: string, input?: string): Promise<string> {
    const result = await (await this.connect(server)).exec(command, { input, timeoutMs: 60_000 });
    if (result.kind !== 'exited' || result.code !== 0)
      throw new Error(`${server} ${command}: ${JSON.stringify(result)}`);
    return result.stdout;
  }

  /** Runs the full-screen `cms` on a terminal and types `keys` once its Main Menu is drawn; resolves when it has ended. */
  async cms(server: ServerRole, keys: readonly string[]): Promise<string> {
    const pty = await (await this.connect(server)).openPty('cms');
    let screen = '';
    let drawn: () => void = () => undefined;
    const menuDrawn = new Promise<void>((resolve) => (drawn = resolve));
    pty.onData((text) => {
      screen += text;
      if (screen.includes('Main Menu')) drawn();
    });
    const timer = setTimeout(() => pty.close(), 60_000);
    try {
      await Promise.race([menuDrawn, pty.ended]);
      pty.write(keys.join(''));
      const end = await pty.ended;
      if (end.kind !== 'exited' || end.code !== 0)
        throw new Error(`${server} cms: ${JSON.stringify(end)}\n${screen.slice(-2000)}`);
      return screen;
    } finally {
      clearTimeout(timer);
    }
  }

  async eject(server: ServerRole): Promise<void> {
    if (this.box) return this.box.eject(server);
    await (await this.connect(server)).exec('simctl eject');
  }

  /** Takes the tape out of whatever drive holds it and puts it into `server`'s drive. */
  async moveTape(tape: string, server: ServerRole): Promise<void> {
    if (this.box) return this.box.move(tape, server);
    const listing = await this.run(server, 'simctl tapes');
    const line = listing.split('\n').find((row) => row.startsWith(`${tape}\t`)) ?? '';
    if (line.includes('cms-orig /dev/rmt/0')) await this.eject('ORIG');
    if (line.includes('cms-new /dev/rmt/0')) await this.eject('NEW');
    await this.eject(server);
    await this.run(server, `simctl insert ${tape}`);
  }
}

/**
 * A trainee who does what each checklist item says on the simulated pair, names tapes as asked and
 * keeps a log of everything the app told them.
 */
export class TrainingTechnician implements Technician {
  readonly told: string[] = [];
  readonly progressReports: StepProgress[] = [];
  readonly questions: { question: string; request?: TechnicianRequest }[] = [];
  private readonly actions = new Map<string, Action>();
  private readonly refusals: ((text: string) => boolean)[] = [];
  private readonly answers: ((
    question: string,
    request?: TechnicianRequest,
  ) => Promise<string | null> | string | null)[] = [];

  /** Every reading the app could not read and put to the trainee, with the verdict given. */
  readonly judged: { server: ServerRole | null; reading: Reading; verdict: Verdict | null }[] = [];
  private readonly verdicts: ((reading: Reading) => Verdict | null | undefined)[] = [];

  constructor(readonly hands: Hands) {}

  /** How the trainee judges the readings `verdict` answers for (undefined: not this one). */
  judgeWith(verdict: (reading: Reading) => Verdict | null | undefined): this {
    this.verdicts.unshift(verdict);
    return this;
  }

  /** What to do, on the simulator, when the app asks to confirm `stepId:itemId`. */
  on(key: string, action: Action): this {
    this.actions.set(key, action);
    return this;
  }

  answer(
    handler: (question: string, request?: TechnicianRequest) => Promise<string | null> | string | null,
  ): this {
    this.answers.push(handler);
    return this;
  }

  /** A handler consulted before all others, until it is removed with the returned function. */
  answerFirst(
    handler: (question: string, request?: TechnicianRequest) => Promise<string | null> | string | null,
  ): () => void {
    this.answers.unshift(handler);
    return () => {
      const index = this.answers.indexOf(handler);
      if (index >= 0) this.answers.splice(index, 1);
    };
  }

  tell(text: string): void {
    this.told.push(text);
  }

  progress(update: StepProgress): void {
    this.progressReports.push(update);
  }

  /** Answers "no" to the confirmations `matches` picks, until the returned function is called. */
  refuseConfirmation(matches: (text: string) => boolean): () => void {
    this.refusals.push(matches);
    return () => {
      this.refusals.splice(this.refusals.indexOf(matches), 1);
    };
  }

  /** Every checklist item the trainee was asked to confirm, as `stepId:itemId`. */
  readonly confirmations: string[] = [];

  async confirm(text: string, item?: { stepId: string; itemId: string }): Promise<boolean> {
    if (item) this.confirmations.push(`${item.stepId}:${item.itemId}`);
    if (this.refusals.some((matches) => matches(text))) return false;
    const action = item ? this.actions.get(`${item.stepId}:${item.itemId}`) : undefined;
    if (action) await action(this.hands);
    return true;
  }

  /** A reading nobody said how to judge is a test that does not know what it runs: it fails loudly. */
  judge(server: ServerRole | null, reading: Reading): Promise<Verdict | null> {
    for (const handler of this.verdicts) {
      const verdict = handler(reading);
      if (verdict === undefined) continue;
      this.judged.push({ server, reading, verdict });
      return Promise.resolve(verdict);
    }
    return Promise.reject(
      new Error(`the trainee was asked to judge, unexpectedly: ${reading.about}\n${reading.raw}`),
    );
  }

  async ask(question: string, request?: TechnicianRequest): Promise<string | null> {
    this.questions.push({ question, request });
    for (const handler of this.answers) {
      const answer = await handler(question, request);
      // A handler that answers everything with Enter has not said who signs off.
      if (answer !== null && !(request?.kind === 'sign-off' && answer === '')) return answer;
    }
    // Whoever the manual makes responsible signs off what the trainee did in their stead.
    return request?.kind === 'sign-off' ? `${request.party} (training)` : '';
  }
}
