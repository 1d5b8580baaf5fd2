// One model for every feed: the RSS, Atom and JSON Feed writers all take a FeedChannel and its
// entries, so the three formats can never disagree about what was published.

export interface FeedAuthor {
  name: string;
  /** Absolute URL of the author's page. */
  url?: string | undefined;
}

export interface FeedCategory {
  /** Machine term: a topic id or a tag. */
  term: string;
  /** Human label, e.g. "Chips". */
  label: string;
  /** Absolute URL naming the vocabulary, e.g. https://site/topics/ for topics. */
  scheme?: string | undefined;
}

export interface FeedImage {
  /** Absolute URL of the image (the 1200x630 social card). */
  url: string;
  type: string;
  width: number;
  height: number;
  alt?: string | undefined;
}

export interface FeedEntry {
  /** Stable, never-reused id: the entry's permalink. */
  id: string;
  /** Absolute URL of the page the entry links to. */
  url: string;
  /** The original article, for items that point elsewhere (the news wire). */
  externalUrl?: string | undefined;
  title: string;
  /** Plain-text standfirst. */
  summary: string;
  /** Full content as HTML with absolute URLs and no script (see prepareContentHtml). */
  contentHtml?: string | undefined;
  published: Date;
  updated?: Date | undefined;
  authors: FeedAuthor[];
  categories: FeedCategory[];
  image?: FeedImage | undefined;
}

export interface FeedLinks {
  /** Absolute URL of this feed in each format it is published in. */
  rss?: string | undefined;
  atom?: string | undefined;
  json?: string | undefined;
}

export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  homeUrl: string;
  /** Where the feed itself lives (its self link), per format. */
  links: FeedLinks;
  language: string;
  /** Absolute URL of a small square icon (Atom's icon, JSON Feed's favicon) and of a wide logo. */
  icon?: string | undefined;
  logo?: string | undefined;
  /** Absolute URL of a 512-px square PNG, which readers show large (JSON Feed's icon). */
  largeIcon?: string | undefined;
  /** Who writes the feed as a whole (JSON Feed's top-level authors); entries name their own. */
  authors?: FeedAuthor[] | undefined;
  /** Copyright / rights line. */
  rights?: string | undefined;
}

/** Entries newest first, ties broken by id so output never depends on input order. */
export function sortEntries(entries: readonly FeedEntry[]): FeedEntry[] {
  return [...entries].sort((a, b) => b.published.getTime() - a.published.getTime() || a.id.localeCompare(b.id));
}

// A feed's "last updated" is its newest entry, not the clock, so rebuilding unchanged content
// changes no byte. An empty feed reports the Unix epoch for the same reason.
export function feedUpdated(entries: readonly FeedEntry[]): Date {
  let newest = 0;
  for (const e of entries) newest = Math.max(newest, (e.updated ?? e.published).getTime(), e.published.getTime());
  return new Date(newest);
}
