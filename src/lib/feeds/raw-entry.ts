// rss-parser's item objects (xml2js values underneath) to our RawEntry: which link is the article,
// which date fields count, and whether a title is text or HTML.
import { readFeedDate } from './dates.ts';

export interface RawEntry {
  title?: string;
  /** "text" for an Atom text construct, kept literally; HTML otherwise (RSS titles are HTML in practice). */
  titleType?: 'text' | 'html';
  link?: string;
  guid?: string;
  /** False when the guid is marked isPermaLink="false". */
  guidIsPermalink?: boolean;
  published?: string;
  updated?: string;
  author?: string;
  summary?: string;
  summaryType?: 'text' | 'html';
  content?: string;
  /** xml:base declared on the entry. */
  base?: string;
  /** Where the entry's content is, when not in the feed: Atom's <content src>; in RSS an enclosure (a podcast episode's audio). */
  contentLink?: string;
}

export type Raw = Record<string, unknown>;

// Publication and modification dates, first found first: RSS, Dublin Core (dc: and dcterms:, as
// <dcterms:issued> or with a shorter prefix), Atom 1.0 (in RSS as <atom:published>, whatever prefix
// the feed wrote: namespaces.ts), then Atom 0.3's issued, created, modified.
const PUBLISHED = [
  'pubDate',
  'published',
  'dcDate',
  'date',
  'dcterms:issued',
  'dct:issued',
  'dcterms:created',
  'dct:created',
  'atom:published',
  'issued',
  'created',
];
// In Atom, pubDate is an extra some entries carry: its own published comes first.
const ATOM_PUBLISHED = [...PUBLISHED.filter((name) => name !== 'pubDate'), 'pubDate'];
const UPDATED = ['updated', 'atom:updated', 'dcterms:modified', 'dct:modified', 'modified'];
// pubDate is rss-parser's own for RSS; an Atom entry that writes one (some do) needs it asked for.
export const DATE_FIELDS = [...PUBLISHED, ...UPDATED].filter((name) => !['date', 'dcDate'].includes(name));
// Where a title or an author may also be written, after the usual element.
export const TEXT_FIELDS = ['dc:title', 'media:title', 'itunes:title', 'dc:creator', 'itunes:author'];

/** A string from an xml2js value: a string, `{ _: text }`, or the first of an array. */
export function str(value: unknown): string | undefined {
  if (Array.isArray(value)) return str(value[0]);
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as Raw)._ === 'string') return (value as Raw)._ as string;
  return undefined;
}

export function attrs(value: unknown): Raw {
  return value && typeof value === 'object' ? (value as Raw) : {};
}

/**
 * The first of the date fields that is a date and says its zone, else the first that is a date, else
 * the first written, for the reader to reject. A placeholder (<pubDate>TBD</pubDate>) does not hide a
 * <dc:date>, nor does a pubDate without a zone (read as UTC, hours off) hide one with an offset.
 */
function firstDate(item: Raw, names: string[]): string | undefined {
  const values = names.map((name) => str(item[name])).filter((value) => value?.trim());
  const dates = values.map((value) => readFeedDate(value));
  return values[dates.findIndex((date) => date?.zoned)] ?? values[dates.findIndex((date) => date)] ?? values[0];
}

/**
 * The text of an Atom text construct (title, summary, content) and whether it is text or HTML, from
 * its type attribute (1.0: text, html, xhtml; 0.3: a MIME type). repair-xml.ts already turned xhtml
 * into escaped HTML. Content of another type (a video, a src= reference) is no text at all.
 */
function textConstruct(node: unknown): { text: string; type: 'text' | 'html' } | undefined {
  const text = str(node);
  const type = String(attrs(attrs(Array.isArray(node) ? node[0] : node).$).type ?? 'text')
    .trim()
    .toLowerCase();
  if (text === undefined || !/^(?:text|html|xhtml|text\/\w+|application\/xhtml\+xml)$/.test(type)) return undefined;
  return { text, type: /html/.test(type) ? 'html' : 'text' };
}

/**
 * The article of an Atom entry: a link with rel="alternate" or none; enclosure, self, via are not.
 * Of several alternates (RFC 4287 4.1.1 allows one per type and language), the web page: one typed
 * as HTML, else one with no type, else the first (a PDF listed first is not the article).
 */
function atomLink(links: unknown): string | undefined {
  if (!Array.isArray(links)) return undefined;
  const alternates = links.filter((link) => {
    const rel = String(attrs(attrs(link).$).rel ?? 'alternate')
      .trim()
      .toLowerCase();
    return rel === 'alternate' || rel === 'http://www.iana.org/assignments/relation/alternate';
  });
  const type = (link: unknown) =>
    String(attrs(attrs(link).$).type ?? '')
      .trim()
      .toLowerCase();
  const article =
    alternates.find((link) => /^(?:text\/html|application\/xhtml\+xml)\b/.test(type(link))) ?? alternates.find((link) => !type(link)) ?? alternates[0];
  return str(attrs(attrs(article).$).href);
}

const httpUrl = (value: string | undefined) => (value && /^\s*https?:\/\//i.test(value) ? value.trim() : undefined);

/** The href of a link written as an element with an attribute (<link href="…"/>, in RSS too). */
const hrefOf = (value: unknown) => str(attrs(attrs(Array.isArray(value) ? value[0] : value).$).href);

/** A name from an author written as Atom writes one (<author><name>…</name></author>), in RSS too. */
const nameOf = (value: unknown) => str(attrs(Array.isArray(value) ? value[0] : value).name);

const filled = (value: string | undefined) => (value?.trim() ? value : undefined);

/** Media RSS's title of the item's media, written inside <media:content> or <media:group>. */
const mediaTitle = (item: Raw) =>
  [item['media:contentRaw'], item['media:groupRaw']]
    .flatMap((nodes) => (Array.isArray(nodes) ? nodes : []))
    .flatMap((node) => [
      attrs(node)['media:title'],
      ...(Array.isArray(attrs(node)['media:content']) ? (attrs(node)['media:content'] as unknown[]) : []).map((inner) => attrs(inner)['media:title']),
    ])
    .map((title) => filled(str(title)))
    .find(Boolean);

/**
 * The first RSS <link> with text: an item may repeat the element, the first empty ("<link></link>",
 * a template's unfilled field) and the next the article's. The first with a URL is the item's.
 */
const firstLink = (links: unknown) => (Array.isArray(links) ? links : [links]).map((link) => filled(str(link))).find(Boolean);

/** A title wrapped in a CDATA section that was escaped (&lt;![CDATA[…]]&gt;): its content. */
const unwrapCdata = (value: string | undefined) => value?.replace(/^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/, '$1');

export function toEntry(item: Raw, format: 'rss' | 'rdf' | 'atom'): RawEntry {
  const guidNode = Array.isArray(item.guidRaw) ? item.guidRaw[0] : undefined;
  const guidAttrs = attrs(attrs(guidNode).$);
  const atom = format === 'atom';
  const title = atom ? textConstruct(item.titleRaw) : undefined;
  const content = atom ? textConstruct(item.contentRaw) : undefined;
  const summary = atom ? (textConstruct(item.summaryRaw) ?? content) : undefined;
  const entry: RawEntry = {
    // An empty <title> is no title: Dublin Core's, Media RSS's (the item's, or its media's) or a
    // podcast episode's <itunes:title> stands in.
    title:
      filled(unwrapCdata(atom ? title?.text : str(item.title))) ??
      filled(str(item['dc:title'])) ??
      filled(str(item['media:title'])) ??
      mediaTitle(item) ??
      filled(str(item['itunes:title'])),
    titleType: title?.type,
    // FeedBurner's <link> is its own redirect (feedproxy.google.com, gone since 2022); the article is
    // feedburner:origLink, and the same story from another source then has the same URL.
    // An RSS item with no <link> of its own may carry an Atom one (.NET writes <a10:link href=…/>).
    link:
      httpUrl(str(item.origLink)) ??
      (atom ? atomLink(item.linkRaw) : (firstLink(item.linkRaw) ?? hrefOf(item.linkRaw) ?? str(item['rdf:about']) ?? atomLink(item['atom:linkRaw']))),
    guid: str(item.guid) ?? str(item.id),
    guidIsPermalink: String(guidAttrs.isPermaLink ?? 'true').toLowerCase() !== 'false',
    published: firstDate(item, atom ? ATOM_PUBLISHED : PUBLISHED),
    updated: firstDate(item, UPDATED),
    author: str(item.creator) ?? str(item.author) ?? nameOf(item.author) ?? str(item['dc:creator']) ?? str(item['itunes:author']),
    summary: atom ? summary?.text : (str(item.summary) ?? str(item.content)),
    summaryType: summary?.type,
    content: atom ? content?.text : (str(item['content:encoded']) ?? str(item.content)),
    base: str(attrs(item.xmlAttrs)['xml:base']),
    // In Atom an enclosure is never the article (RFC 4287 4.2.7.2: a related resource, perhaps
    // large); with no alternate link, the entry's id, else its <content src>, is.
    contentLink: atom ? str(attrs(attrs(Array.isArray(item.contentRaw) ? item.contentRaw[0] : undefined).$).src) : str(attrs(item.enclosure).url),
  };
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as RawEntry;
}
