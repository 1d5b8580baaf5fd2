// <NewsList>: picking items from the news store by topic, company and date, newest first.
import type { NewsItem } from '../schema/news.ts';

export interface NewsListOptions {
  topic?: string | undefined;
  company?: string | undefined;
  /** Only items published on or after this day (YYYY-MM-DD). */
  since?: string | Date | undefined;
  /** At most this many items; default 5. */
  limit?: number | undefined;
}

export function selectNews(items: readonly NewsItem[], { topic, company, since, limit = 5 }: NewsListOptions): NewsItem[] {
  const from = since === undefined ? '' : since instanceof Date ? since.toISOString() : since;
  return items
    .filter((i) => (!topic || i.topics.includes(topic)) && (!company || i.companies.includes(company)) && i.published >= from)
    .filter((i) => /^https?:\/\//i.test(i.url))
    .sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : a.id.localeCompare(b.id)))
    .slice(0, limit);
}
