// Raw feed entries to store-ready items: plain text everywhere, canonical http(s) links, ISO UTC
// dates, a stable id. Entries with no usable link or no text are skipped, and counted.
import { hash } from 'node:crypto';
import type { NewsItem } from '../schema/news.ts';
import { canonicalUrl, resolveBase } from './canonical-url.ts';
import { publishedAt } from './dates.ts';
import type { ParsedFeed, RawEntry } from './parse.ts';
import { cleanText, toPlainText, truncateWords } from './plain-text.ts';

/** An item before classification and clustering. */
export type NormalizedItem = Omit<NewsItem, 'topics' | 'companies' | 'clusterId' | 'clusterSize'>;

export interface NormalizeContext {
  source: { id: string; name: string };
  /** Where the feed was fetched from (after redirects), if over http(s): the base for relative links. */
  documentUrl?: string | undefined;
  /** The instant of this run: first-seen time and the ceiling for dates. */
  now: Date;
}

export interface NormalizeResult {
  items: NormalizedItem[];
  /** Entries dropped, by reason, e.g. { "no http(s) link": 2 }. */
  skipped: Record<string, number>;
}

export const SUMMARY_MAX = 400;
const TITLE_MAX = 300;

/** 16 hex digits of SHA-256: short enough for URLs and file diffs, collision-free at news scale. */
export function stableId(key: string): string {
  return hash('sha256', key, 'hex').slice(0, 16);
}

// The home page whatever its scheme: a channel link of http://site while the items link to https://site/.
const address = (url: string | undefined) => url?.replace(/^https?:/i, '');

// A guid that is a URL: absolute, protocol-relative, or a path ("/news/1", "../news/1").
const GUID_URL = /^(?:(?:https?:)?\/\/|\/[^/\s]|\.\.?\/)/i;

/**
 * The article URL and the key its id derives from. A link to the feed's own home page (`home`: some
 * feeds give every item the site's address) is no article: a URL-shaped guid is taken instead, or the
 * id comes from the guid, so two stories never share one id (and the second is never dropped as a
 * duplicate of the first).
 */
function entryUrl(entry: RawEntry, base: string | undefined, home?: string): { url: string; key: string } | undefined {
  const link = canonicalUrl(entry.link, base);
  if (link && address(link) !== address(home)) return { url: link, key: link };
  // Some feeds only have a guid (an Atom id); it is the link when it is a URL not marked
  // isPermaLink="false". The id itself is the key: canonicalising drops fragments and tracking
  // parameters, so two entries "https://x.example/post#1" and "#2" would share one URL.
  const guid = entry.guid?.trim();
  // A protocol-relative guid ("//example.com/1") takes the feed's scheme; a path ("/news/1",
  // "../news/1") resolves against the feed's base, as a relative <link> does. A bare word ("story-1",
  // "48213") is an id, not a path.
  const url = guid && entry.guidIsPermalink !== false && GUID_URL.test(guid) ? canonicalUrl(guid, base) : undefined;
  if (url) return { url, key: guid! };
  if (link) return { url: link, key: guid || link };
  // With no link of its own, an entry whose content is elsewhere (a podcast episode's audio file
  // alone, Atom's <content src>) links to it.
  const content = canonicalUrl(entry.contentLink, base);
  return content ? { url: content, key: guid || content } : undefined;
}

const asText = (text: string | undefined, type: RawEntry['titleType']) => (type === 'text' ? cleanText(text) : toPlainText(text));

// RSS 2.0 writes an author as an address and then the name in parentheses ("jo@site.example (Jo
// Lee)": Blogger, Hugo, Joomla); others write the name first ("Jo Lee <jo@site.example>", "Jo Lee
// (jo@site.example)"). The name is the author.
const ADDRESS_THEN_NAME = /^(?:mailto:)?[^\s@()<>]+@[^\s@()<>]+\s*\(([^()]+)\)$/i;
const NAME_THEN_ADDRESS = /^([^<>()]+)(?:<(?:mailto:)?[^\s@<>()]+@[^\s@<>()]+>|\((?:mailto:)?[^\s@<>()]+@[^\s@<>()]+\))$/i;

/** The name of an author written with an e-mail address; the text as it was otherwise. */
function authorName(text: string): string {
  const name = (ADDRESS_THEN_NAME.exec(text) ?? NAME_THEN_ADDRESS.exec(text))?.[1]?.trim();
  return name || text;
}

/** The base for relative links of a feed: its document URL, then its <link>, then its xml:base (the root's, then the channel's). */
export function feedBase(feed: ParsedFeed, documentUrl: string | undefined): string | undefined {
  return resolveBase(documentUrl, canonicalUrl(feed.link, documentUrl), feed.rootBase, feed.base);
}

export function normalizeEntry(entry: RawEntry, base: string | undefined, ctx: NormalizeContext, home?: string): NormalizedItem | string {
  const target = entryUrl(entry, entry.base ? resolveBase(base, entry.base) : base, home);
  if (!target) return 'no http(s) link';
  const { url, key } = target;
  const summaryText = entry.summary ? asText(entry.summary, entry.summaryType) : toPlainText(entry.content);
  const titleText = asText(entry.title, entry.titleType) || truncateWords(summaryText, 120);
  if (!titleText) return 'no title';
  const author = truncateWords(authorName(toPlainText(entry.author)), 120);
  const item: NormalizedItem = {
    id: stableId(key),
    url,
    title: truncateWords(titleText, TITLE_MAX),
    summary: truncateWords(summaryText === titleText ? '' : summaryText, SUMMARY_MAX),
    source: ctx.source.id,
    sourceName: ctx.source.name,
    published: publishedAt([entry.published, entry.updated], ctx.now, ctx.now),
    firstSeen: ctx.now.toISOString(),
  };
  if (author) item.author = author;
  return item;
}

export function normalizeFeed(feed: ParsedFeed, ctx: NormalizeContext): NormalizeResult {
  const skipped: Record<string, number> = {};
  const skip = (reason: string) => (skipped[reason] = (skipped[reason] ?? 0) + 1);
  const base = feedBase(feed, ctx.documentUrl);
  const home = canonicalUrl(feed.link, ctx.documentUrl);
  const kept: Array<{ item: NormalizedItem; guid: string | undefined }> = [];
  // Feeds in the wild repeat an entry (same guid) with a different link, or the same link: the first
  // copy kept counts (one skipped, say for having no link, does not take the guid from a later copy
  // that has one). A guid shared by entries of other titles and pages is no id at all (a feed that
  // gives every item the site's address, or the feed's own id), and each of them is kept.
  const byGuid = new Map<string, NormalizedItem[]>();
  for (const entry of feed.entries) {
    const result = normalizeEntry(entry, base, ctx, home);
    if (typeof result === 'string') {
      skip(result);
      continue;
    }
    const guid = entry.guid?.trim() || undefined;
    const copies = guid ? byGuid.get(guid) : undefined;
    if (copies?.some((copy) => copy.title === result.title || pathOf(copy.url) === pathOf(result.url))) {
      skip('duplicate guid');
      continue;
    }
    if (guid) byGuid.set(guid, [...(copies ?? []), result]);
    kept.push({ item: result, guid });
  }
  return { items: distinctIds(kept), skipped };
}

/** A URL without its query and fragment: the page, whatever session or anchor a copy links to. */
const pathOf = (url: string) => url.replace(/[?#].*$/s, '');

/**
 * Entries of one document that link to one page but carry distinct guids (a weather service's
 * warnings, all linking to /warnings) are distinct stories: each takes its id from the page and its
 * guid. The store's merge knows such an entry again if a run saw it alone, under the page's id.
 */
function distinctIds(kept: Array<{ item: NormalizedItem; guid: string | undefined }>): NormalizedItem[] {
  const guidsById = new Map<string, Set<string | undefined>>();
  for (const { item, guid } of kept) guidsById.set(item.id, (guidsById.get(item.id) ?? new Set()).add(guid));
  return kept.map(({ item, guid }) => {
    const guids = guidsById.get(item.id)!;
    return guids.size > 1 && guid ? { ...item, id: stableId(`${item.url}\n${guid}`) } : item;
  });
}
