import { describe, expect, it } from 'vitest';
import { monthStarts } from '../../../src/lib/news-site/wire.ts';
import { formatUtcMonth } from '../../../src/lib/news-site/utc-dates.ts';

const at = (published: string, id: string) => ({ id, published });

describe('monthStarts', () => {
  it('gives each UTC month the page and day of its newest story, newest month first', () => {
    const items = [
      at('2026-12-01T00:10:00.000Z', 'a'),
      // 23:50 on 30 November in UTC, whatever the zone of the build machine.
      at('2026-11-30T23:50:00.000Z', 'b'),
      at('2026-11-02T08:00:00.000Z', 'c'),
      at('2026-10-31T09:00:00.000Z', 'd'),
      at('2025-10-31T09:00:00.000Z', 'e'),
    ];
    expect(monthStarts(items, 2)).toEqual([
      { month: '2026-12', label: 'December 2026', page: 1, day: '2026-12-01' },
      { month: '2026-11', label: 'November 2026', page: 1, day: '2026-11-30' },
      { month: '2026-10', label: 'October 2026', page: 2, day: '2026-10-31' },
      { month: '2025-10', label: 'October 2025', page: 3, day: '2025-10-31' },
    ]);
  });

  it('has no months for an empty wire, and names every month', () => {
    expect(monthStarts([], 50)).toEqual([]);
    expect(formatUtcMonth('2026-01')).toBe('January 2026');
    expect(formatUtcMonth('2026-12')).toBe('December 2026');
  });
});
