import { parseCmsWindow } from '../../shared/parsers/cmsWindow.ts';
import type { TerminalSize } from '../../shared/procedure/terminalSize.ts';
import type { StepId } from '../../shared/procedure/types.ts';
import {
  checkWindow,
  type WindowCheck,
  type WindowCheckContext,
} from '../../shared/procedure/windowCheck.ts';
import { TerminalScreen } from '../ssh/terminalScreen.ts';

/** How often, at most, the mirrored screen is read while output arrives. */
const READ_EVERY_MS = 200;

/**
 * The technician's terminal mirrored into a headless terminal in the core: whenever a CMS window the
 * running step prescribes selections for is on screen, its selections are checked against them and
 * the result is said; the key that activates Run on it is held by SessionTerminals when the app can tell.
 */
export class TerminalWatch {
  private readonly screen: TerminalScreen;
  private timer: NodeJS.Timeout | null = null;
  private said = 'null';

  constructor(
    /** The step whose selections apply now: the one running, else the one the terminal was opened in. */
    private readonly stepOf: () => StepId | null,
    size: TerminalSize,
    private readonly context: WindowCheckContext,
    private readonly onCheck: (check: WindowCheck | null) => void,
  ) {
    this.screen = new TerminalScreen(size);
  }

  feed(data: string): void {
    this.screen.write(data);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      // A screen that cannot be read (the terminal closed meanwhile) checks nothing.
      this.check().catch(() => this.onCheck(null));
    }, READ_EVERY_MS);
  }

  resize(size: TerminalSize): void {
    this.screen.resize(size);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.screen.dispose();
  }

  /**
   * The check of the window on screen now, if the key about to be sent would activate Run on it: the
   * window's action list has Run drawn highlighted (ASSUMPTION, shared/parsers/cmsWindow.ts). Null when
   * the app cannot tell, which leaves the check as advice.
   */
  async checkIfRunIsCurrent(): Promise<WindowCheck | null> {
    const stepId = this.stepOf();
    if (!stepId) return null;
    const window = parseCmsWindow(await this.screen.read());
    if (window.kind !== 'recognised' || window.currentAction !== 'Run') return null;
    return checkWindow(window, stepId, this.context);
  }

  private async check(): Promise<void> {
    const stepId = this.stepOf();
    const window = parseCmsWindow(await this.screen.read());
    const check = window.kind === 'recognised' && stepId ? checkWindow(window, stepId, this.context) : null;
    const text = JSON.stringify(check);
    if (text === this.said) return;
    this.said = text;
    this.onCheck(check);
  }
}
