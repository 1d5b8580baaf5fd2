// Builders for news items in tests.
import type { NewsItem } from '../../../src/lib/schema/news.ts';
import { stableId } from '../../../src/lib/feeds/normalize.ts';

export type Draft = Omit<NewsItem, 'clusterId' | 'clusterSize'>;

export function draft(partial: Partial<Draft> & { title: string }): Draft {
  const url = partial.url ?? `https://news.example/${partial.title.toLowerCase().replace(/\W+/g, '-')}`;
  return {
    id: stableId(url),
    url,
    summary: '',
    source: 'wire',
    sourceName: 'Wire',
    published: '2026-11-10T12:00:00.000Z',
    firstSeen: '2026-11-10T12:05:00.000Z',
    topics: ['chips'],
    companies: [],
    ...partial,
  };
}

export function item(partial: Partial<NewsItem> & { title: string }): NewsItem {
  const d = draft(partial);
  return { ...d, clusterId: partial.clusterId ?? d.id, clusterSize: partial.clusterSize ?? 1 };
}
