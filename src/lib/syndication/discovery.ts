// Which feeds a page advertises through <link rel="alternate">: every page offers the site's feeds,
// and a page with a narrower feed (a topic, the newsletter) offers that one first.

export interface FeedLink {
  /** Site-relative URL of the feed. */
  href: string;
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
  title: string;
}

export const FEED_PATHS = {
  rss: '/rss.xml',
  atom: '/atom.xml',
  json: '/feed.json',
  issues: '/issues/rss.xml',
  news: '/news/rss.xml',
  topic: (id: string) => `/topics/${id}/rss.xml`,
} as const;

export function siteFeeds(siteName: string): FeedLink[] {
  return [
    { href: FEED_PATHS.rss, type: 'application/rss+xml', title: `${siteName}: all essays (RSS)` },
    { href: FEED_PATHS.atom, type: 'application/atom+xml', title: `${siteName}: all essays (Atom)` },
    { href: FEED_PATHS.json, type: 'application/feed+json', title: `${siteName}: all essays (JSON Feed)` },
  ];
}

export function topicFeed(siteName: string, id: string, label: string): FeedLink {
  return { href: FEED_PATHS.topic(id), type: 'application/rss+xml', title: `${siteName}: ${label} (RSS)` };
}

export function newsFeed(siteName: string): FeedLink {
  return { href: FEED_PATHS.news, type: 'application/rss+xml', title: `${siteName}: the news wire (RSS)` };
}

export function issuesFeed(siteName: string): FeedLink {
  return { href: FEED_PATHS.issues, type: 'application/rss+xml', title: `${siteName}: the weekly issue (RSS)` };
}

/** A page's feeds: its own first, then the site's, without duplicates. */
export function pageFeeds(siteName: string, own: readonly FeedLink[] = []): FeedLink[] {
  const seen = new Set<string>();
  return [...own, ...siteFeeds(siteName)].filter((f) => !seen.has(f.href) && (seen.add(f.href), true));
}
