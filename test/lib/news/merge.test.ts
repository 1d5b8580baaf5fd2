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

describe('mergeItems, an item first stored under its page alone', () => {
  const page = 'https://grid.example/notices';
  it('knows it again under the id of its own it takes once its feed shows it beside others', () => {
    const stored = [item({ id: 'a'.repeat(16), title: 'Line 14 out for repairs', url: page, source: 'grid' })];
    const anchored = draft({ id: 'b'.repeat(16), title: 'Line 14 out for repairs', url: `${page}#n-14`, source: 'grid' });
    const rekeyed = draft({ id: 'c'.repeat(16), title: 'Line 14 out for repairs', url: page, source: 'grid' });
    const next = draft({ id: 'd'.repeat(16), title: 'Line 9 back in service', url: page, source: 'grid' });
    const result = mergeItems(stored, [anchored, rekeyed, next], { now, retentionDays: 365 });
    expect(result.added.map((i) => i.title)).toEqual(['Line 9 back in service']);
    expect(result.duplicates).toBe(2);
  });

  it('keeps posts of one live blog that share a title, and the same title from another source', () => {
    const stored = [item({ id: 'a'.repeat(16), title: 'Update', url: `${page}#p1`, source: 'grid' })];
    const later = draft({ id: 'b'.repeat(16), title: 'Update', url: `${page}#p2`, source: 'grid' });
    const other = draft({ id: 'c'.repeat(16), title: 'Update', url: page, source: 'wire' });
    expect(mergeItems(stored, [later, other], { now, retentionDays: 365 }).added).toHaveLength(2);
  });
});
