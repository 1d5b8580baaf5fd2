import { expect, test } from 'vitest';
import { selectNews } from '../../../src/lib/datasets/news-list.ts';
import type { NewsItem } from '../../../src/lib/schema/news.ts';

const item = (id: string, published: string, topics: string[], url = `https://example.com/${id}`): NewsItem => ({
  id: id.padEnd(16, '0'),
  url,
  title: id,
  summary: '',
  source: 'x',
  sourceName: 'X',
  published,
  firstSeen: published,
  topics,
  companies: [],
  clusterId: id.padEnd(16, '0'),
  clusterSize: 1,
});

test('filters by topic and date, newest first, http(s) links only, limited', () => {
  const items = [
    item('a', '2026-01-02T00:00:00.000Z', ['energy']),
    item('b', '2026-02-01T00:00:00.000Z', ['energy']),
    item('c', '2026-03-01T00:00:00.000Z', ['chips']),
    item('d', '2026-03-02T00:00:00.000Z', ['energy'], 'javascript:alert(1)'),
  ];
  expect(selectNews(items, { topic: 'energy', since: '2026-01-15' }).map((i) => i.title)).toEqual(['b']);
  expect(selectNews(items, { limit: 2 }).map((i) => i.title)).toEqual(['c', 'b']);
});
