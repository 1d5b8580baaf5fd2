// Text to feed entries, with rss-parser's parseString (RSS 0.9x/2.0, RSS 1.0/RDF, Atom) behind a
// repair pass and a "not a feed" check. Returns loosely typed raw entries; normalize.ts makes items.
import Parser from 'rss-parser';
import { findAlternateFeed, rootElement } from './discover.ts';
import { FeedError } from './errors.ts';
import { repairXml } from './repair-xml.ts';

export interface RawEntry {
  title?: string;
  link?: string;
  guid?: string;
  /** False when the guid is marked isPermaLink="false". */
  guidIsPermalink?: boolean;
  published?: string;
  updated?: string;
  author?: string;
  summary?: string;
  content?: string;
  /** xml:base declared on the entry. */
  base?: string;
}

export interface ParsedFeed {
  format: 'rss' | 'rdf' | 'atom';
  title?: string;
  link?: string;
  /** xml:base declared on the root or channel. */
  base?: string;
  entries: RawEntry[];
}

type Raw = Record<string, unknown>;

const ATTRS = ['$', 'xmlAttrs', { keepArray: true }];
const customFields = {
  feed: [ATTRS],
  item: [ATTRS, ['guid', 'guidRaw', { keepArray: true }], 'published', 'updated', 'id', ['dc:date', 'dcDate']],
};

// rss-parser turns an Atom entry's bad <published> into an uncaught RangeError for the whole feed;
// parse that entry again without its dates instead.
class TolerantParser extends (Parser as unknown as new (options: unknown) => { parseString(xml: string): Promise<Raw> }) {
  parseItemAtom(entry: Raw): Raw {
    const parent = (Parser.prototype as unknown as { parseItemAtom(this: unknown, e: Raw): Raw }).parseItemAtom;
    try {
      return parent.call(this, entry);
    } catch {
      const { published: _p, updated: _u, ...rest } = entry;
      return parent.call(this, rest);
    }
  }
}

const parser = new TolerantParser({ defaultRSS: 2, customFields });

/** A string from an xml2js value: a string, `{ _: text }`, or the first of an array. */
function str(value: unknown): string | undefined {
  if (Array.isArray(value)) return str(value[0]);
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as Raw)._ === 'string') return (value as Raw)._ as string;
  return undefined;
}

function attrs(value: unknown): Raw {
  return value && typeof value === 'object' ? (value as Raw) : {};
}

function toEntry(item: Raw): RawEntry {
  const guidNode = Array.isArray(item.guidRaw) ? item.guidRaw[0] : undefined;
  const guidAttrs = attrs(attrs(guidNode).$);
  const entry: RawEntry = {
    title: str(item.title),
    link: str(item.link) ?? str(item['rdf:about']),
    guid: str(item.guid) ?? str(item.id),
    guidIsPermalink: String(guidAttrs.isPermaLink ?? 'true').toLowerCase() !== 'false',
    published: str(item.pubDate) ?? str(item.published) ?? str(item.dcDate) ?? str(item.date),
    updated: str(item.updated),
    author: str(item.creator) ?? str(item.author) ?? str(item['dc:creator']),
    summary: str(item.summary) ?? str(item.content),
    content: str(item['content:encoded']) ?? str(item.content),
    base: str(attrs(item.xmlAttrs)['xml:base']),
  };
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as RawEntry;
}

/** Parses a decoded document; throws FeedError ("not-a-feed" or "invalid") when it cannot. */
export async function parseFeed(text: string, options: { url?: string } = {}): Promise<ParsedFeed> {
  const root = rootElement(text);
  if (root === 'html' || root === 'head' || root === 'body') {
    const alternate = findAlternateFeed(text, options.url);
    throw new FeedError('not-a-feed', `not a feed: an HTML page${alternate ? `; it points to the feed ${alternate}` : ' with no feed link'}`, { alternate });
  }
  if (root !== 'rss' && root !== 'feed' && root !== 'rdf:rdf') {
    throw new FeedError(root ? 'not-a-feed' : 'invalid', root ? `not a feed: the document's root element is <${root}>` : 'not a feed: the document has no XML element');
  }
  let output: Raw;
  try {
    output = await parser.parseString(repairXml(text));
  } catch (cause) {
    const reason = ((cause as Error)?.message ?? String(cause)).split('\n').slice(0, 3).join(', ');
    throw new FeedError('invalid', `malformed feed: ${reason}`, { cause });
  }
  const items = Array.isArray(output.items) ? (output.items as Raw[]) : [];
  const rootBase = /^[\s\S]{0,2000}?<(?:rss|feed|rdf:RDF|channel)\b[^>]*\sxml:base\s*=\s*["']([^"']+)["']/i.exec(text)?.[1];
  return {
    format: root === 'feed' ? 'atom' : root === 'rss' ? 'rss' : 'rdf',
    title: str(output.title),
    link: str(output.link),
    base: str(attrs(output.xmlAttrs)['xml:base']) ?? rootBase,
    entries: items.map(toEntry),
  };
}
