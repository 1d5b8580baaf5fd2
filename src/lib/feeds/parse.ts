// Text to feed entries, with rss-parser's parseString (RSS 0.9x/2.0, RSS 1.0/RDF, Atom) behind a
// repair pass and a "not a feed" check. Returns loosely typed raw entries; normalize.ts makes items.
import Parser from 'rss-parser';
import { findAlternateFeed, rootElement } from './discover.ts';
import { canonicalCase } from './element-case.ts';
import { FeedError } from './errors.ts';
import { attrs, DATE_FIELDS, str, TEXT_FIELDS, toEntry, type Raw, type RawEntry } from './raw-entry.ts';
import { canonicalPrefixes, escapeRegExp } from './namespaces.ts';
import { repairXml } from './repair-xml.ts';
import { closeAfterLastEntry } from './truncated-xml.ts';

export type { RawEntry } from './raw-entry.ts';

export interface ParsedFeed {
  format: 'rss' | 'rdf' | 'atom';
  title?: string;
  link?: string;
  /** xml:base declared on the root or channel. */
  base?: string;
  /** xml:base of an <rss> or <rdf:RDF> root whose channel declares its own: the base `base` resolves against. */
  rootBase?: string;
  entries: RawEntry[];
}

const ATOM_NS = 'http://www.w3.org/2005/Atom';

const keep = (name: string, as = `${name}Raw`) => [name, as, { keepArray: true }];
const customFields = {
  feed: [keep('$', 'xmlAttrs')],
  item: [
    keep('$', 'xmlAttrs'),
    keep('guid'),
    keep('title'),
    keep('link'),
    keep('summary'),
    keep('content'),
    keep('atom:link'),
    keep('media:content'),
    keep('media:group'),
    ['dc:date', 'dcDate'],
    'id',
    ['feedburner:origLink', 'origLink'],
    ...DATE_FIELDS,
    ...TEXT_FIELDS,
  ],
};

interface BaseParser {
  parseString(xml: string): Promise<Raw>;
  parseItemAtom(entry: Raw): Raw;
  buildAtomFeed(xml: Raw): Raw;
  buildRSS0_9(xml: Raw): Raw;
  buildRSS1(xml: Raw): Raw;
  buildRSS2(xml: Raw): Raw;
}

function requireChannel(root: unknown, name: string): void {
  if (!Array.isArray(attrs(root).channel)) throw new FeedError('invalid', `malformed feed: <${name}> has no <channel>`);
}

/**
 * An Atom element's <link>s as rss-parser can read them. It takes every link's attributes, and a
 * <link/> with none, or a <link>URL</link> written as RSS writes it, threw "Cannot read properties of
 * undefined (reading 'rel')" for the whole feed. The first is dropped; the second becomes its href.
 */
function atomLinks(links: unknown): Raw[] | undefined {
  if (!Array.isArray(links)) return undefined;
  return links.flatMap((link): Raw[] => {
    if (link && typeof link === 'object' && (link as Raw).$ && typeof (link as Raw).$ === 'object') return [link as Raw];
    const href = str(link)?.trim();
    return href ? [{ $: { href } }] : [];
  });
}

/** The feed's own page: an alternate link or one with no rel, never its self, hub or other link. */
function atomFeedLink(links: Raw[] | undefined): string | undefined {
  const page = links?.find((link) =>
    ['', 'alternate'].includes(
      String(attrs(link.$).rel ?? '')
        .trim()
        .toLowerCase(),
    ),
  );
  return page ? str(attrs(page.$).href) : undefined;
}

class FeedParser extends (Parser as unknown as new (options: unknown) => BaseParser) {
  // rss-parser reads Atom dates with `new Date()`, in the machine's time zone when they have none,
  // and throws a RangeError for the whole feed on a bad one; dates.ts reads the raw strings instead.
  override parseItemAtom(entry: Raw): Raw {
    const { published, updated, ...rest } = entry;
    if (rest.link !== undefined) rest.link = atomLinks(rest.link);
    return { ...super.parseItemAtom(rest), published: str(published), updated: str(updated) };
  }

  // rss-parser falls back to the feed's first link of any kind, often rel="self" (the feed's own
  // address, perhaps on a mirror), which then became the base of every relative entry link.
  override buildAtomFeed(xml: Raw): Raw {
    const feed = attrs(xml.feed);
    const links = atomLinks(feed.link);
    if (links) feed.link = links;
    const built = super.buildAtomFeed(xml);
    return { ...built, link: atomFeedLink(links) };
  }

  // isoDate is computed the same way and never read.
  setISODate(): void {}

  override buildRSS0_9(xml: Raw): Raw {
    requireChannel(xml.rss, 'rss');
    return super.buildRSS0_9(xml);
  }

  // RSS 1.0 puts items beside <channel>; some feeds write them inside it, as RSS 2.0 does, and
  // readers take both. rss-parser read only the first, so such a feed had no entries.
  override buildRSS1(xml: Raw): Raw {
    const rdf = attrs(xml['rdf:RDF']);
    requireChannel(rdf, 'rdf:RDF');
    const inChannel = attrs((rdf.channel as unknown[])[0]).item;
    if (Array.isArray(inChannel)) rdf.item = [...inChannel, ...(Array.isArray(rdf.item) ? rdf.item : [])]; // in document order
    return super.buildRSS1(xml);
  }

  // A document with a <channel> per item, or two channels, has items in each; rss-parser read the first.
  override buildRSS2(xml: Raw): Raw {
    requireChannel(xml.rss, 'rss');
    const channels = attrs(xml.rss).channel as unknown[];
    if (channels.length > 1) attrs(channels[0]).item = channels.flatMap((channel) => attrs(channel).item ?? []);
    return super.buildRSS2(xml);
  }
}

// A parser per document: xml2js keeps state after an error, so a shared one made the verdict on a
// document depend on the one before it. Building one costs microseconds.
async function parseXml(xml: string): Promise<Raw> {
  return new FeedParser({ defaultRSS: 2, customFields }).parseString(xml);
}

function malformed(cause: unknown): FeedError {
  if (cause instanceof FeedError) return cause;
  const reason = ((cause as Error)?.message ?? String(cause)).split('\n').slice(0, 3).join(', ');
  return new FeedError('invalid', `malformed feed: ${reason}`, { cause });
}

/** Parses the repaired XML; a document cut off mid-way keeps its complete entries. */
async function parseRepaired(xml: string): Promise<Raw> {
  try {
    return await parseXml(xml);
  } catch (cause) {
    const error = malformed(cause);
    const truncated = error === cause ? undefined : closeAfterLastEntry(xml);
    if (!truncated) throw error;
    const output = await parseXml(truncated).catch(() => undefined);
    if (!Array.isArray(output?.items) || output.items.length === 0) throw error;
    return output;
  }
}

/**
 * An Atom document written with a prefix (<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">), as
 * the unprefixed document rss-parser reads: the same elements, by their local names. Undefined when
 * the root is not an Atom feed under a prefix.
 */
function unprefixAtom(text: string, root: string | undefined): string | undefined {
  const prefix = /^([A-Za-z_][\w-]*):feed$/.exec(root ?? '')?.[1];
  if (!prefix || !new RegExp(`xmlns:${prefix}\\s*=\\s*["']${escapeRegExp(ATOM_NS)}["']`, 'i').test(text.slice(0, 4000))) return undefined;
  return text.replace(new RegExp(`<(/?)${prefix}:`, 'gi'), '<$1');
}

/** Items written after </channel> but before </rss> (readers take them): moved inside the channel. */
function itemsIntoChannel(text: string): string {
  const close = text.lastIndexOf('</channel>');
  if (close < 0) return text;
  const after = close + '</channel>'.length;
  const end = text.indexOf('</rss>', after);
  if (end < 0 || !/^\s*<item[\s>]/.test(text.slice(after, after + 200))) return text;
  return `${text.slice(0, close)}${text.slice(after, end)}</channel>${text.slice(end)}`;
}

const FEED_ROOT = /<(?:rss|feed|rdf:RDF|[A-Za-z_][\w-]*:feed)[\s>]/i;
// A doctype ends at its ">", past an internal subset in brackets (<!DOCTYPE rss [<!ENTITY …>]>).
const PROLOG = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE(?:"[^"]*"|'[^']*'|\[[\s\S]*?\]|[^>"'[])*>|[\s\uFEFF]+/gi;

// xml:base as written on the root or channel start tag near the top of the document, for those the
// parser's output does not carry: any of them, or an RSS or RDF root's alone.
const xmlBaseOn = (elements: string) => new RegExp(`^[\\s\\S]{0,2000}?<(?:${elements})\\b[^>]*\\sxml:base\\s*=\\s*["']([^"']+)["']`, 'i');
const DECLARED_BASE = xmlBaseOn('rss|feed|rdf:RDF|channel');
const ROOT_BASE = xmlBaseOn('rss|rdf:RDF');

const FEED_ROOT_AT = new RegExp(`^${FEED_ROOT.source}`, 'i');
const PROLOG_AT = new RegExp(PROLOG.source, 'iy');

/** Where the prolog (declarations, comments, processing instructions, a doctype, spaces) ends, within the first 8 KiB. */
function prologEnd(document: string): number {
  const head = document.slice(0, 8192);
  let end = 0;
  for (PROLOG_AT.lastIndex = 0; PROLOG_AT.exec(head) && PROLOG_AT.lastIndex > end;) end = PROLOG_AT.lastIndex;
  return end;
}

/**
 * The document from its feed's root element on, when something other than a prolog comes before it:
 * a PHP notice ("<br />\n<b>Warning</b>: … on line 8<br />") or a line of text, which a host printed
 * before the feed and which rejected the whole feed. An HTML page is left whole, to be reported as one.
 */
function withoutJunkBefore(document: string): string {
  // A root right after the prolog has nothing before it to remove, whatever a comment there says:
  // "<!-- mirrors the <rss> feed -->" was taken for the root, and the feed was cut inside the comment.
  const start = prologEnd(document);
  if (FEED_ROOT_AT.test(document.slice(start, start + 200))) return document;
  const root = FEED_ROOT.exec(document.slice(0, 8192));
  if (!root || root.index === 0) return document;
  const before = document.slice(0, root.index);
  if (!before.replace(PROLOG, '') || /<(?:html|head|body)[\s>]|<!doctype\s+html/i.test(before)) return document;
  return document.slice(root.index);
}

/** A JSON Feed document (https://jsonfeed.org/version/1 or 1.1), which has no XML to read. */
function isJsonFeed(text: string): boolean {
  if (!/^\s*\{/.test(text)) return false;
  try {
    const version = (JSON.parse(text) as { version?: unknown } | null)?.version;
    return typeof version === 'string' && /^https?:\/\/jsonfeed\.org\/version\//.test(version);
  } catch {
    return false;
  }
}

/** Parses a decoded document; throws FeedError ("not-a-feed" or "invalid") when it cannot. */
export async function parseFeed(written: string, options: { url?: string } = {}): Promise<ParsedFeed> {
  const document = withoutJunkBefore(written);
  const { name, html } = rootElement(document);
  const unprefixed = unprefixAtom(document, name);
  const root = unprefixed ? 'feed' : name;
  const cased = unprefixed ?? (root === 'rss' || root === 'rdf:rdf' ? canonicalCase(document) : document);
  const text = canonicalPrefixes(root === 'rss' ? itemsIntoChannel(cased) : cased, root === 'feed' ? ATOM_NS : undefined);
  if (root !== 'rss' && root !== 'feed' && root !== 'rdf:rdf') {
    if (html || root === 'html' || root === 'head' || root === 'body') {
      const alternate = findAlternateFeed(text, options.url);
      throw new FeedError('not-a-feed', `not a feed: an HTML page${alternate ? `; it points to the feed ${alternate}` : ' with no feed link'}`, { alternate });
    }
    // Whatever the root's verdict: a JSON Feed's HTML content ("content_html": "<p>…") has elements.
    if (isJsonFeed(text)) {
      throw new FeedError('not-a-feed', "not a feed this reader takes: a JSON Feed (jsonfeed.org); point the source's url at the site's RSS or Atom feed");
    }
    throw new FeedError(
      root ? 'not-a-feed' : 'invalid',
      root ? `not a feed: the document's root element is <${root}>` : 'not a feed: the document has no XML element',
    );
  }
  const output = await parseRepaired(repairXml(text));
  const format = root === 'feed' ? 'atom' : root === 'rss' ? 'rss' : 'rdf';
  const items = Array.isArray(output.items) ? (output.items as Raw[]) : [];
  const channelBase = str(attrs(output.xmlAttrs)['xml:base']);
  // RSS's channel and its root may each declare one ("https://site/news/" and "chips/"): the
  // channel's resolves against the root's, as XML Base nests. The root's alone was lost.
  const rootBase = channelBase !== undefined && format !== 'atom' ? ROOT_BASE.exec(text)?.[1] : undefined;
  return {
    format,
    title: str(output.title),
    link: str(output.link),
    base: channelBase ?? DECLARED_BASE.exec(text)?.[1],
    ...(rootBase !== undefined ? { rootBase } : {}),
    entries: items.map((item) => toEntry(item, format)),
  };
}
