import { describe, expect, it } from 'vitest';
import { formatUtcDateTime, formatUtcDay, formatUtcShortDateTime, formatUtcTime, utcDay, utcInstant } from '../../../src/lib/news-site/utc-dates.ts';

describe('UTC dates for news', () => {
  it('prints a story from 00:30 UTC on 1 December as 1 December, whatever the zone', () => {
    const instant = '2026-12-01T00:30:00.000Z';
    expect(formatUtcDay(instant)).toBe('1 December 2026');
    expect(formatUtcDay(instant, { weekday: true })).toBe('Tuesday, 1 December 2026');
    expect(formatUtcTime(instant)).toBe('00:30 UTC');
    expect(formatUtcShortDateTime(instant)).toBe('1 Dec, 00:30 UTC');
    expect(formatUtcDateTime(instant)).toBe('1 December 2026, 00:30 UTC');
    expect(formatUtcDateTime('2026-11-30T23:59:00.000Z')).toBe('30 November 2026, 23:59 UTC');
  });

  it('converts an instant with an offset to its UTC day and time', () => {
    expect(utcInstant('2026-12-01T09:30:00+09:00')).toBe('2026-12-01T00:30:00.000Z');
    expect(utcDay('2026-12-01T08:30:00+09:00')).toBe('2026-11-30');
    expect(formatUtcTime('2026-12-01T08:30:00+09:00')).toBe('23:30 UTC');
  });

  it('takes a bare day as that day, and gives back text it cannot read', () => {
    expect(utcDay('2026-03-14')).toBe('2026-03-14');
    expect(formatUtcDay('2026-03-14')).toBe('14 March 2026');
    expect(formatUtcDay('2026-09-30', { weekday: true })).toBe('Wednesday, 30 September 2026');
    expect(utcInstant('someday')).toBeUndefined();
    expect(formatUtcDateTime('someday')).toBe('someday');
  });

  it('uses fixed month names rather than ICU, which spells September "Sept" in some versions', () => {
    expect(formatUtcShortDateTime('2026-09-30T23:59:00.000Z')).toBe('30 Sep, 23:59 UTC');
  });
});
