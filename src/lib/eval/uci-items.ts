// UCI News Aggregator rows as news items, the shape ingest clusters: the title, the publisher as the
// source, the crawl time as the publication time. UCI rows carry no summary.
import { stableId } from '../feeds/normalize.ts';
import type { ClassifiedItem } from '../news/process-feed.ts';
import type { UciRow } from './news-dev-fs.ts';

export function uciItems(rows: readonly UciRow[], classify?: (title: string) => { topics: string[]; companies: string[] }): ClassifiedItem[] {
  return rows.map((row) => {
    const published = new Date(row.timestamp).toISOString();
    const { topics, companies } = classify?.(row.title) ?? { topics: [], companies: [] };
    return {
      id: stableId(`uci:${row.id}`),
      url: `https://${row.hostname}/uci/${row.id}`,
      title: row.title,
      summary: '',
      source:
        row.publisher
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'unknown',
      sourceName: row.publisher,
      published,
      firstSeen: published,
      topics,
      companies,
    };
  });
}
