import { describe, expect, it } from 'vitest';
import { byNewest, coverageNote, formatDateTime, formatDay, formatTime, groupByDay, listSeparator } from '../../../src/lib/news-site/wire.ts';

const item = (id: string, published: string) => ({ id, published });

describe('byNewest', () => {
  it('puts the newest first and breaks ties by id, so the order never changes between builds', () => {
    const items = [item('b', '2026-11-02T10:00:00.000Z'), item('c', '2026-11-03T09:00:00.000Z'), item('a', '2026-11-02T10:00:00.000Z')];
    expect(items.sort(byNewest).map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('groupByDay', () => {
  it('groups consecutive items by UTC day, keeping their order', () => {
    const groups = groupByDay([item('a', '2026-11-03T23:59:00.000Z'), item('b', '2026-11-03T00:00:00.000Z'), item('c', '2026-11-02T23:59:59.000Z')]);
    expect(groups.map((g) => [g.day, g.items.map((i) => i.id)])).toEqual([
      ['2026-11-03', ['a', 'b']],
      ['2026-11-02', ['c']],
    ]);
  });
  it('returns no groups for no items', () => {
    expect(groupByDay([])).toEqual([]);
  });
});

describe('labels', () => {
  it('prints days and times in UTC', () => {
    expect(formatDay('2026-11-03')).toBe('Tuesday, 3 November 2026');
    expect(formatTime('2026-11-03T14:05:00.000Z')).toBe('14:05 UTC');
    expect(formatDateTime('2026-11-03T14:05:00.000Z')).toBe('3 Nov, 14:05 UTC');
    expect(formatDateTime('2026-09-30T23:59:00.000Z')).toBe('30 Sep, 23:59 UTC');
  });
  it('separates a running list of names with commas and a final "and"', () => {
    expect([0, 1, 2].map((i) => listSeparator(i, 3))).toEqual(['', ', ', ' and ']);
    expect([0, 1].map((i) => listSeparator(i, 2))).toEqual(['', ' and ']);
  });
  it('says how many other sources covered a story, and nothing for one source', () => {
    expect(coverageNote(1)).toBeUndefined();
    expect(coverageNote(2)).toBe('also covered by 1 source');
    expect(coverageNote(5)).toBe('also covered by 4 sources');
  });
});
