import type { TerminalSize } from '../../shared/procedure/terminalSize.ts';
import type { ExecOptions, ExecResult, PtyChannel } from './sshConnection.ts';

/**
 * What a step runs commands on: a server as the login user (an `SshConnection`), or the same server as
 * root through `su -` (`SuRootHost`). Steps never know which.
 */
export interface RemoteHost {
  exec(command: string, options?: ExecOptions): Promise<ExecResult>;
  /** `command` on a pseudo-terminal; null: an interactive shell for the technician. */
  openPty(command: string | null, size?: TerminalSize): Promise<PtyChannel>;
}
