import { describe, expect, it } from 'vitest';
import { mergeItems } from '../../../src/lib/news/merge.ts';
import { draft, item } from './items.ts';

const now = new Date('2026-11-24T00:00:00.000Z');

describe('mergeItems', () => {
  it('stores a story once when it comes back on the next run, keeping the first copy', () => {
    const stored = [item({ title: 'TSMC raises capex', firstSeen: '2026-11-01T00:00:00.000Z' })];
    const again = draft({ title: 'TSMC raises capex', firstSeen: '2026-11-24T00:00:00.000Z', summary: 'changed' });
    const result = mergeItems(stored, [again], { now, retentionDays: 365 });
    expect(result.added).toEqual([]);
    expect(result.duplicates).toBe(1);
    expect(result.items).toEqual([draft({ title: 'TSMC raises capex', firstSeen: '2026-11-01T00:00:00.000Z' })]);
  });

  it('stores duplicate guids within one feed, and syndicated copies under the same URL, once', () => {
    const one = draft({ title: 'Same story', url: 'https://a.example/s', source: 'a' });
    const syndicated = draft({ title: 'Same story (syndicated)', url: 'https://a.example/s', source: 'b' });
    const result = mergeItems([], [one, one, syndicated], { now, retentionDays: 365 });
    expect(result.items).toEqual([one]);
    expect(result.duplicates).toBe(2);
  });

  it('drops items past the retention age', () => {
    const old = item({ title: 'Old', published: '2025-01-01T00:00:00.000Z' });
    const fresh = draft({ title: 'Fresh', published: '2026-11-20T00:00:00.000Z' });
    const ancient = draft({ title: 'Ancient', published: '2020-01-01T00:00:00.000Z' });
    const result = mergeItems([old], [fresh, ancient], { now, retentionDays: 90 });
    expect(result.items.map((i) => i.title)).toEqual(['Fresh']);
    expect(result.added.map((i) => i.title)).toEqual(['Fresh']);
    expect(result.expired).toBe(2);
  });
});
