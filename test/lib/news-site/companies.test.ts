import { describe, expect, it } from 'vitest';
import { companyCounts, groupBySegment, latestNewsByCompany, plural } from '../../../src/lib/news-site/companies.ts';

const segments = [
  { id: 'foundry', label: 'Foundries' },
  { id: 'memory', label: 'Memory' },
  { id: 'power', label: 'Power & utilities' },
];
const company = (id: string, name: string, segment: string) => ({ id, name, segment });

describe('groupBySegment', () => {
  it('keeps the taxonomy order of segments, sorts names within one and drops empty segments', () => {
    const groups = groupBySegment(
      [company('sk-hynix', 'SK hynix', 'memory'), company('tsmc', 'TSMC', 'foundry'), company('amkor', 'Amkor', 'foundry')],
      segments,
    );
    expect(groups.map((g) => [g.segment.label, g.companies.map((c) => c.id)])).toEqual([
      ['Foundries', ['amkor', 'tsmc']],
      ['Memory', ['sk-hynix']],
    ]);
  });
  it('still lists a company whose segment the taxonomy lacks, under the segment id', () => {
    expect(groupBySegment([company('x', 'X', 'orbital')], segments)).toEqual([
      { segment: { id: 'orbital', label: 'orbital' }, companies: [company('x', 'X', 'orbital')] },
    ]);
  });
});

describe('companyCounts', () => {
  it('counts essays and news items naming each company, once per item', () => {
    const counts = companyCounts([{ companies: ['tsmc', 'nvidia'] }, { companies: ['tsmc'] }], [{ companies: ['tsmc', 'tsmc'] }, { companies: ['micron'] }]);
    expect(counts.get('tsmc')).toEqual({ essays: 2, news: 1 });
    expect(counts.get('nvidia')).toEqual({ essays: 1, news: 0 });
    expect(counts.get('micron')).toEqual({ essays: 0, news: 1 });
    expect(counts.has('intel')).toBe(false);
  });
});

describe('latestNewsByCompany', () => {
  it('keeps the first `limit` items naming each company, and only those naming it', () => {
    const items = [
      { id: '1', companies: ['tsmc'] },
      { id: '2', companies: ['micron', 'tsmc'] },
      { id: '3', companies: ['micron'] },
      { id: '4', companies: ['tsmc'] },
    ];
    const latest = latestNewsByCompany(items, 2);
    expect(latest.get('tsmc')?.map((i) => i.id)).toEqual(['1', '2']);
    expect(latest.get('micron')?.map((i) => i.id)).toEqual(['2', '3']);
    expect(latest.get('intel')).toBeUndefined();
  });
  it('keeps a story once per company even if two of its items reach it', () => {
    const items = [
      { id: '1', clusterId: 'a', companies: ['tsmc'] },
      { id: '2', clusterId: 'a', companies: ['tsmc', 'micron'] },
      { id: '3', clusterId: 'b', companies: ['tsmc'] },
    ];
    const latest = latestNewsByCompany(items, 5);
    expect(latest.get('tsmc')?.map((i) => i.id)).toEqual(['1', '3']);
    expect(latest.get('micron')?.map((i) => i.id)).toEqual(['2']);
  });
});

describe('plural', () => {
  it('agrees the noun with the count', () => {
    expect([plural(0, 'essay', 'essays'), plural(1, 'essay', 'essays'), plural(2, 'news item', 'news items')]).toEqual(['0 essays', '1 essay', '2 news items']);
  });
});
