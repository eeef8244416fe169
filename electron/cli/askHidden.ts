/** Reads one line from the terminal without echoing it (passwords). */
export function askHidden(prompt: string, write: (text: string) => void): Promise<string> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    write(prompt);
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let answer = '';
    const onData = (text: string) => {
      for (const char of text) {
        if (char === '\r' || char === '\n' || char === '\x04') {
          stdin.off('data', onData);
          stdin.setRawMode?.(false);
          stdin.pause();
          write('\n');
          resolve(answer);
          return;
        }
        if (char === '\x03') process.exit(130);
        answer = char === '\x7f' ? answer.slice(0, -1) : answer + char;
      }
    };
    stdin.on('data', onData);
  });
}
