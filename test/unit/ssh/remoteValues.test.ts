import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mtStatusCommand,
  shQuote,
  UnsafeRemoteValueError,
  validateTapeDevice,
} from '../../../electron/ssh/remoteCommand.ts';
import { parseTargetSpec } from '../../../electron/ssh/sshTarget.ts';

describe('values put into remote commands', () => {
  it('accepts Solaris tape devices with density, BSD and no-rewind letters', () => {
    for (const device of [
      '/dev/rmt/0',
      '/dev/rmt/0c',
      '/dev/rmt/1n',
      '/dev/rmt/0cbn',
      '/dev/rmt/12hb',
      '/dev/rmt/0un',
    ]) {
      expect(validateTapeDevice(device)).toBe(device);
    }
  });

  it('refuses anything else, including shell metacharacters', () => {
    for (const device of [
      '/dev/rmt/',
      '/dev/rmt/0x',
      '/dev/rmt/0; rm -rf /',
      '/dev/st0',
      '/dev/rmt/0nb',
      '../dev/rmt/0',
      '/dev/rmt/0 ',
    ]) {
      expect(() => validateTapeDevice(device), device).toThrow(UnsafeRemoteValueError);
    }
  });

  it('quotes for a Bourne shell, single quotes included', () => {
    expect(shQuote("it's")).toBe(`'it'\\''s'`);
    expect(shQuote('$(reboot)')).toBe(`'$(reboot)'`);
    expect(() => shQuote('a\nb')).toThrow(UnsafeRemoteValueError);
    expect(mtStatusCommand('/dev/rmt/0')).toBe("mt -f '/dev/rmt/0' status");
  });

  it('parses user@host[:port] targets and explains bad ones', () => {
    expect(parseTargetSpec('root@cms-orig')).toEqual({
      host: 'cms-orig',
      port: 22,
      user: 'root',
      legacyAlgorithms: false,
    });
    expect(parseTargetSpec('cms@10.0.0.5:2222', true)).toEqual({
      host: '10.0.0.5',
      port: 2222,
      user: 'cms',
      legacyAlgorithms: true,
    });
    expect(parseTargetSpec('root@[::1]:22').host).toBe('::1');
    expect(() => parseTargetSpec('cms-orig')).toThrow('write user@host');
    expect(() => parseTargetSpec('root@host:70000')).toThrow('out of range');
    expect(() => parseTargetSpec('root@bad_host!')).toThrow('not a valid host');
  });

  // 200 real shells: how long that takes depends on the machine's load, so the limit is generous.
  it(
    'a quoted value reaches a real Bourne shell as exactly itself, whatever it holds',
    { timeout: 120_000 },
    () => {
      const hostile = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc
          .array(
            fc.constantFrom(
              ';',
              '&',
              '|',
              '$',
              '`',
              '(',
              ')',
              '<',
              '>',
              "'",
              '"',
              '\\',
              '*',
              '?',
              '~',
              ' ',
              'x',
              '#',
              '!',
              '{',
              '}',
            ),
            { maxLength: 30 },
          )
          .map((chars) => chars.join('')),
      );
      fc.assert(
        fc.property(hostile, (value) => {
          fc.pre(!value.includes('\0') && !value.includes('\n'));
          const echoed = execFileSync('/bin/sh', ['-c', `printf '%s' ${shQuote(value)}`], {
            encoding: 'utf8',
          });
          expect(echoed).toBe(value);
        }),
        { numRuns: 200 },
      );
    },
  );

  it('no tape device with a shell metacharacter, space or path trick is ever accepted', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.constantFrom(';', '&', '|', '$', '`', ' ', '\n', "'", '..', '/'),
        (tail, bad) => {
          expect(() => validateTapeDevice(`/dev/rmt/0${bad}${tail}`)).toThrow(UnsafeRemoteValueError);
          expect(() => validateTapeDevice(`${bad}/dev/rmt/0`)).toThrow(UnsafeRemoteValueError);
        },
      ),
    );
  });
});
