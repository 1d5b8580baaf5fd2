// RSS element names in the case the parser reads. XML names are case-sensitive, and some generators
// write <pubdate>, <PubDate> or <Link>: the item then lost its date (it got the run's time and looked
// new) or its link (it was skipped), where feedparser and browsers' readers take them. RSS's own
// elements, written without a prefix in any case, are renamed to the case the RSS 2.0 specification
// gives them; CDATA sections and comments are left as they are.

import { outsideVerbatim } from './repair-xml.ts';

const NAMES = ['rss', 'channel', 'item', 'title', 'link', 'description', 'pubDate', 'guid', 'author', 'category', 'comments', 'enclosure', 'source'];
const CANONICAL: ReadonlyMap<string, string> = new Map(NAMES.map((name) => [name.toLowerCase(), name]));
const TAG = new RegExp(`<(/?)(${NAMES.join('|')})(?=[\\s/>])`, 'gi');

/** The document with RSS's elements in their specified case, or the document itself when all are. */
export function canonicalCase(text: string): string {
  const misCased = (name: string) => CANONICAL.get(name.toLowerCase()) !== name;
  if (![...text.matchAll(TAG)].some((m) => misCased(m[2]!))) return text;
  return outsideVerbatim(text, (markup) =>
    markup.replace(TAG, (tag, slash: string, name: string) => (misCased(name) ? `<${slash}${CANONICAL.get(name.toLowerCase())}` : tag)),
  );
}
