// A news-wire item as a feed entry. It links to the original article, so a reader goes straight
// to the source; it carries only the item's plain-text summary, never feed HTML (the store has
// none to give); topics and companies become categories.
import type { NewsItem } from '../schema/news.ts';
import type { FeedEntry } from './entry.ts';

export interface NewsEntryLabels {
  topics: ReadonlyMap<string, string>;
  companies: ReadonlyMap<string, string>;
}

/** How many of the latest items the wire feed carries. */
export const NEWS_FEED_SIZE = 100;

export function newsEntry(item: NewsItem, site: string, labels: NewsEntryLabels): FeedEntry {
  const more = item.clusterSize > 1 ? ` Also covered by ${item.clusterSize - 1} other source${item.clusterSize > 2 ? 's' : ''}.` : '';
  return {
    // The canonical URL is the item's stable identity in the store, and its permalink.
    id: item.url,
    url: item.url,
    title: item.title,
    summary: `${item.summary || item.title} (${item.sourceName})${more}`,
    published: new Date(item.published),
    authors: [{ name: item.author ?? item.sourceName }],
    categories: [
      ...item.topics.map((id) => ({ term: id, label: labels.topics.get(id) ?? id, scheme: new URL('/topics/', site).href })),
      ...item.companies.map((id) => ({ term: id, label: labels.companies.get(id) ?? id, scheme: new URL('/companies/', site).href })),
    ],
  };
}
