// The news wire in the search index: one record per story (the wire's entry for a cluster, under
// its lead item), linking to that entry on the wire page that shows it, with the story's topics and
// companies as filters and its instant as the date. Whole wire pages are not indexed: a page of 50
// stories is not one result. Pure: the stories, and where the wire put each one, are passed in.
import type { NewsItem } from '../schema/news.ts';

/** A record as Pagefind's addCustomRecord takes it. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  /** Sort keys: `date`, the instant in ISO 8601, so a browse by filter lists the newest first. */
  sort: Record<string, string>;
}

type StoryFields = Pick<NewsItem, 'id' | 'title' | 'summary' | 'published' | 'sourceName' | 'topics' | 'companies'>;

export interface NewsRecordOptions {
  /** Where the wire shows each story, by story id: "/news/2/#n-0123456789abcdef" (see wireAnchors). */
  anchors: ReadonlyMap<string, string>;
  /** Topic and company ids the taxonomy knows; other ids a story carries do not become filters, as they are not links on the wire. */
  topics: ReadonlySet<string>;
  companies: ReadonlySet<string>;
  /** ISO 639-1 language of the index. Default: "en". */
  language?: string;
}

export interface NewsRecords {
  records: SearchRecord[];
  /** Ids of stories the wire does not show: a record for them would link nowhere. */
  missing: string[];
}

/** One record per story, in the stories' order. */
export function newsRecords(stories: readonly StoryFields[], { anchors, topics, companies, language = 'en' }: NewsRecordOptions): NewsRecords {
  const records: SearchRecord[] = [];
  const missing: string[] = [];
  for (const story of stories) {
    const url = anchors.get(story.id);
    if (!url) {
      missing.push(story.id);
      continue;
    }
    const filters: Record<string, string[]> = { kind: ['news'] };
    const topicIds = story.topics.filter((id) => topics.has(id));
    const companyIds = story.companies.filter((id) => companies.has(id));
    if (topicIds.length) filters['topic'] = topicIds;
    if (companyIds.length) filters['company'] = companyIds;
    records.push({
      url,
      // Plain text from the store: Pagefind indexes it as text, and the page prints excerpts as text.
      content: [story.title, story.summary].filter(Boolean).join('\n'),
      language,
      meta: { title: story.title, kind: 'news', date: story.published, source: story.sourceName },
      filters,
      sort: { date: story.published },
    });
  }
  return { records, missing };
}

/** The stories a search index of at most `limit` of them carries: the newest. */
export interface SearchedStories<T> {
  stories: T[];
  /** Stories left out, older than every one kept. */
  left: number;
  /** When some are left out: the instant (ISO 8601) of the oldest story kept, so a reader can be told how far back news search goes. */
  since?: string;
}

/** The newest `limit` of `stories` (given newest first, as groupStories returns them). */
export function searchedStories<T extends { published: string }>(stories: readonly T[], limit: number): SearchedStories<T> {
  if (stories.length <= limit) return { stories: [...stories], left: 0 };
  const kept = stories.slice(0, limit);
  return { stories: kept, left: stories.length - kept.length, ...(kept.length ? { since: kept[kept.length - 1]!.published } : {}) };
}

/** A wire page as built: its URL path ("/news/", "/news/2/") and its HTML. */
export interface WirePage {
  url: string;
  html: string;
}

/**
 * Where each story is on the wire, by story id: the page's URL with the entry's anchor, read from
 * the ids the wire gives its headlines (id="n-<story id>"). Reading the built pages, rather than
 * recomputing the pagination, means a record links exactly where the story is shown. With `wanted`,
 * pages are read only until every wanted story is found (the pages come lazily, first page first).
 */
export function wireAnchors(pages: Iterable<WirePage>, wanted?: ReadonlySet<string>): Map<string, string> {
  const anchors = new Map<string, string>();
  let found = 0;
  for (const page of pages) {
    for (const match of page.html.matchAll(/\sid="n-([0-9a-f]{16})"/g)) {
      const id = match[1]!;
      if (anchors.has(id)) continue;
      anchors.set(id, `${page.url}#n-${id}`);
      if (wanted?.has(id)) found++;
    }
    if (wanted && found === wanted.size) break;
  }
  return anchors;
}
