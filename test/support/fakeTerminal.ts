import type { PtyChannel, PtyEnd } from '../../electron/ssh/sshConnection.ts';

/** An in-memory terminal: the test plays the remote program. */
export function fakeTerminal() {
  const listeners = new Set<(text: string) => void>();
  const typed: string[] = [];
  let end: (value: PtyEnd) => void = () => undefined;
  const channel: PtyChannel & { closed: boolean } = {
    closed: false,
    write: (text) => typed.push(text),
    onData: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ended: new Promise((resolve) => (end = resolve)),
    close: () => {
      channel.closed = true;
      end({ kind: 'exited', code: null });
    },
  };
  return {
    channel,
    typed,
    print: (text: string) => listeners.forEach((l) => l(text)),
    exit: (code: number) => end({ kind: 'exited', code }),
  };
}
