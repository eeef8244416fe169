import { describe, expect, it } from 'vitest';
import { parseTapeStart } from '../../../shared/parsers/tapeStart.ts';

/** Console text built from what POSIX od and dd print, not from the simulator. */
describe('the first bytes of a tape (dd | od -A n -t x1 -N 8)', () => {
  it('reads nothing as an empty (blank) tape', () => {
    expect(parseTapeStart('0+0 records in\n0+0 records out\n')).toEqual({
      kind: 'recognised',
      start: 'empty',
      firstBytes: '',
    });
    expect(parseTapeStart('')).toMatchObject({ start: 'empty' });
  });

  it('knows every cpio magic: the ASCII headers and the binary one in either byte order', () => {
    for (const magic of ['070707', '070701', '070702'])
      expect(
        parseTapeStart(
          ` ${[...magic, '0', '0'].map((c) => c.charCodeAt(0).toString(16)).join(' ')}\n1+0 records in\n1+0 records out\n`,
        ),
      ).toMatchObject({ start: 'cpio' });
    expect(parseTapeStart(' c7 71 00 00 00 00 00 00\n')).toMatchObject({ start: 'cpio' });
    expect(parseTapeStart(' 71 c7 00 00 00 00 00 00\n')).toMatchObject({ start: 'cpio' });
  });

  it('calls any other data other, with its bytes', () => {
    expect(parseTapeStart(' 43 4d 53 56 4f 4c 20 43\n1+0 records in\n1+0 records out')).toEqual({
      kind: 'recognised',
      start: 'other',
      firstBytes: '43 4d 53 56 4f 4c 20 43',
    });
  });

  it('never takes an error for a blank tape', () => {
    for (const text of [
      'dd: /dev/rmt/0: open: No such device or address\n0+0 records in\n',
      'dd: read: Not enough space\n0+0 records in\n0+0 records out\n',
      'su: Sorry\n',
    ])
      expect(parseTapeStart(text)).toMatchObject({ kind: 'unrecognised' });
  });
});
