import { describe, expect, it } from 'vitest';
import { redactSample } from '../../../shared/parsers/sampleRedaction.ts';

describe('redactSample', () => {
  it('replaces the server’s names, addresses and host id, and counts them', () => {
    const showrev = [
      'Hostname: cms-orig',
      'Hostid: 83a1c2f0',
      'Release: 5.8',
      'Kernel architecture: sun4u',
    ].join('\n');
    const uname = 'SunOS cms-orig 5.8 Generic_117350-02 sun4u sparc SUNW,Sun-Blade-100';
    const log = 'link to cms-orig.acme.example at 10.20.30.40 via 10.20.30.1 up; CMS-ORIG restarted';
    const redacted = redactSample([showrev, uname, log].join('\n'), [
      'cms-orig.acme.example',
      'cms-orig',
      '10.20.30.40',
    ]);
    expect(redacted.text).toBe(
      [
        'Hostname: <host>',
        'Hostid: <hostid>',
        'Release: 5.8',
        'Kernel architecture: sun4u',
        'SunOS <host> 5.8 Generic_117350-02 sun4u sparc SUNW,Sun-Blade-100',
        'link to <host> at <host> via <ip> up; <host> restarted',
      ].join('\n'),
    );
    expect(redacted.redactions).toBe(7);
  });

  it('leaves words that only contain a name, and versions that look like nothing', () => {
    expect(redactSample('cms-origin r3v11ak.g Generic_117171-07', ['cms-orig']).text).toBe(
      'cms-origin r3v11ak.g Generic_117171-07',
    );
  });
});
