import { describe, expect, it } from 'vitest';
import { readDateTime, wallClock, zonedDateTime } from '../../../shared/time/zonedTime.ts';

describe('zoned date-times (the site time zone of the cut-off)', () => {
  it("writes a site's wall-clock time with the offset in force then, winter and summer", () => {
    expect(zonedDateTime('2026-11-24T07:00', 'Europe/Paris')).toBe('2026-11-24T07:00:00+01:00[Europe/Paris]');
    expect(zonedDateTime('2026-07-01T07:00', 'Europe/Paris')).toBe('2026-07-01T07:00:00+02:00[Europe/Paris]');
    expect(zonedDateTime('2026-11-24T07:00', 'America/Chicago')).toBe(
      '2026-11-24T07:00:00-06:00[America/Chicago]',
    );
    expect(zonedDateTime('2026-11-24T07:00', 'Asia/Kolkata')).toBe('2026-11-24T07:00:00+05:30[Asia/Kolkata]');
  });

  it('refuses what is not a time or not a zone', () => {
    expect(zonedDateTime('tomorrow 7am', 'Europe/Paris')).toBeNull();
    expect(zonedDateTime('2026-11-24T07:00', 'Mars/Olympus')).toBeNull();
  });

  it('reads an exact date-time with an optional zone, and nothing vaguer', () => {
    expect(readDateTime('2026-11-24T07:00:00+01:00[Europe/Paris]')).toEqual({
      instant: '2026-11-24T06:00:00.000Z',
      timeZone: 'Europe/Paris',
    });
    expect(readDateTime(' 2026-11-24T07:00:00+01:00 ')).toEqual({
      instant: '2026-11-24T06:00:00.000Z',
      timeZone: null,
    });
    for (const vague of [
      '2026-11-24 07:00',
      '2026-11-24T07:00',
      'tomorrow 7am',
      '2026-11-24T07:00+01:00[Nowhere/Else]',
    ])
      expect(readDateTime(vague)).toBeNull();
  });

  it("shows an instant on the site's wall clock", () => {
    expect(wallClock('2026-11-24T06:00:00.000Z', 'Europe/Paris')).toBe('2026-11-24 07:00');
    expect(wallClock('2026-11-24T06:00:00.000Z', 'America/Chicago')).toBe('2026-11-24 00:00');
  });
});
