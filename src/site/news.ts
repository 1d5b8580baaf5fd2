// The news wire as pages see it: the whole store once per build, newest first, and the labels
// that turn topic and company ids into names. Only ids the taxonomy knows become links.
import { getCollection } from 'astro:content';
import type { NewsItem } from '../lib/schema/news.ts';
import { byNewest } from '../lib/news-site/wire.ts';
import { groupStories, type Story } from '../lib/news-site/stories.ts';

/** Items per page of /news/ and /news/<topic>/: enough to scan, small enough to stay light. */
export const NEWS_PAGE_SIZE = 50;
/** Latest items shown on a company page. */
export const COMPANY_NEWS_LIMIT = 20;

let sorted: Promise<NewsItem[]> | undefined;

/** Every news item, newest first. Memoised for the build; dev re-reads so edits to the store show. */
export function allNews(): Promise<NewsItem[]> {
  const load = async () => (await getCollection('news')).map((entry) => entry.data).sort(byNewest);
  if (import.meta.env.DEV) return load();
  return (sorted ??= load());
}

let stories: Promise<Story[]> | undefined;

/** Every story (one entry per cluster, under its lead), newest first: grouped once per build, like allNews. */
export function allStories(): Promise<Story[]> {
  const load = async () => groupStories(await allNews());
  if (import.meta.env.DEV) return load();
  return (stories ??= load());
}

export interface NewsLabels {
  topics: Map<string, string>;
  companies: Map<string, string>;
}

/** Topic labels and company names by id, from the taxonomy. */
export async function newsLabels(): Promise<NewsLabels> {
  const [topics, companies] = await Promise.all([getCollection('topics'), getCollection('companies')]);
  return {
    topics: new Map(topics.map((t) => [t.id, t.data.label])),
    companies: new Map(companies.map((c) => [c.id, c.data.name])),
  };
}
