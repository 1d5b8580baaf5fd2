// JSON Feed 1.1 (https://jsonfeed.org/version/1.1), from the same entries as RSS and Atom.
import { sortEntries, type FeedAuthor, type FeedChannel, type FeedEntry } from './entry.ts';

export interface JsonFeedItem {
  id: string;
  url: string;
  external_url?: string;
  title: string;
  summary: string;
  content_html?: string;
  content_text?: string;
  image?: string;
  date_published: string;
  date_modified?: string;
  authors?: Array<{ name: string; url?: string }>;
  tags?: string[];
}

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url?: string;
  description: string;
  /** 512 x 512, for readers that show the feed large. */
  icon?: string;
  /** Small and square, for a list of subscriptions. */
  favicon?: string;
  authors?: Array<{ name: string; url?: string }>;
  language: string;
  items: JsonFeedItem[];
}

const author = (a: FeedAuthor) => ({ name: a.name, ...(a.url ? { url: a.url } : {}) });

function item(e: FeedEntry): JsonFeedItem {
  return {
    id: e.id,
    url: e.url,
    ...(e.externalUrl ? { external_url: e.externalUrl } : {}),
    title: e.title,
    summary: e.summary,
    // JSON Feed requires content_html or content_text on every item.
    ...(e.contentHtml !== undefined ? { content_html: e.contentHtml } : { content_text: e.summary }),
    ...(e.image ? { image: e.image.url } : {}),
    date_published: e.published.toISOString(),
    ...(e.updated ? { date_modified: e.updated.toISOString() } : {}),
    ...(e.authors.length ? { authors: e.authors.map(author) } : {}),
    ...(e.categories.length ? { tags: e.categories.map((c) => c.label) } : {}),
  };
}

export function jsonFeed(channel: FeedChannel, entries: readonly FeedEntry[]): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.homeUrl,
    ...(channel.links.json ? { feed_url: channel.links.json } : {}),
    description: channel.description,
    ...(channel.largeIcon ? { icon: channel.largeIcon } : {}),
    ...(channel.icon ? { favicon: channel.icon } : {}),
    ...(channel.authors?.length ? { authors: channel.authors.map(author) } : {}),
    language: channel.language,
    items: sortEntries(entries).map(item),
  };
}

/** Serialised with a trailing newline; stable key order comes from the object literals above. */
export function jsonFeedText(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  return `${JSON.stringify(jsonFeed(channel, entries), null, 2)}\n`;
}
