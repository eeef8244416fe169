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
 * the result is said (advice: the app does not yet hold the key that activates Run).
 */
export class TerminalWatch {
  private readonly screen: TerminalScreen;
  private timer: NodeJS.Timeout | null = null;
  private said = 'null';

  constructor(
    private readonly stepId: StepId | null,
    size: TerminalSize,
    private readonly context: WindowCheckContext,
    private readonly onCheck: (check: WindowCheck | null) => void,
  ) {
    this.screen = new TerminalScreen(size);
  }

  feed(data: string): void {
    if (!this.stepId) return;
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

  private async check(): Promise<void> {
    const window = parseCmsWindow(await this.screen.read());
    const check =
      window.kind === 'recognised' && this.stepId ? checkWindow(window, this.stepId, this.context) : null;
    const text = JSON.stringify(check);
    if (text === this.said) return;
    this.said = text;
    this.onCheck(check);
  }
}
