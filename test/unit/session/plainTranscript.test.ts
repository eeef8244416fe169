import { describe, expect, it } from 'vitest';
import { plainTranscript } from '../../../shared/session/plainTranscript.ts';

describe('a transcript made readable', () => {
  it('drops terminal escapes and control characters, and keeps the last version of a rewritten line', () => {
    const raw =
      '\u001b[?1049h\u001b[1;1H\u001b[2JEnter choice (1-8) or q to quit: 3\r\n' +
      '\u001b]0;cms-orig\u0007Writing 10%\rWriting 55%\rWriting 100%\r\n' +
      'bell\u0007 and del\u007f\r\n1843200 blocks\n';
    expect(plainTranscript(raw)).toBe(
      'Enter choice (1-8) or q to quit: 3\nWriting 100%\nbell and del\n1843200 blocks\n',
    );
  });
});
