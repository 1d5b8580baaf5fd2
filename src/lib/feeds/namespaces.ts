// Namespace prefixes as the parser reads them. XML names an extension by its namespace URI, not by
// its prefix, and real feeds pick their own: .NET's SyndicationFeed writes Atom elements in RSS as
// <a10:updated> and <a10:link>, other generators write <c:encoded> or <d:date>. rss-parser does no
// namespace processing and reads the usual prefixes only, so an item dated by <a10:updated> got the
// time of the run and looked new, and <c:encoded> lost the item's full text. Elements under a known
// namespace are renamed to its usual prefix before parsing. CDATA sections and comments are left
// as they are (their text is not markup), and so is a document that binds the usual prefix to
// another namespace.

import { outsideVerbatim } from './repair-xml.ts';

/** Namespace URIs the entry reader knows, and the prefix it reads each under. */
const KNOWN: ReadonlyMap<string, string> = new Map([
  ['http://purl.org/rss/1.0/modules/content/', 'content'],
  ['http://purl.org/dc/elements/1.1/', 'dc'],
  ['http://purl.org/dc/terms/', 'dcterms'],
  ['http://www.w3.org/2005/Atom', 'atom'],
  ['http://rssnamespace.org/feedburner/ext/1.0', 'feedburner'],
]);

const DECLARATION = /\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*(["'])(.*?)\2/g;
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The document with elements under a known namespace written with its usual prefix (<a10:updated>
 * as <atom:updated>), or the document itself when nothing needs renaming. `except` is a namespace
 * to leave alone: the root's own (an Atom feed's elements are read without a prefix).
 */
export function canonicalPrefixes(text: string, except?: string): string {
  const bound = new Map<string, Set<string>>();
  for (const [, prefix, , uri] of text.matchAll(DECLARATION)) {
    const uris = bound.get(prefix!) ?? new Set<string>();
    uris.add(uri!.trim());
    bound.set(prefix!, uris);
  }
  const renames = new Map<string, string>();
  for (const [prefix, uris] of bound) {
    if (uris.size !== 1) continue;
    const uri = [...uris][0]!;
    const usual = KNOWN.get(uri);
    if (!usual || usual === prefix || uri === except) continue;
    // The usual prefix bound to something else here: renaming would merge two vocabularies.
    const taken = bound.get(usual);
    if (taken && (taken.size !== 1 || !taken.has(uri))) continue;
    renames.set(prefix, usual);
  }
  if (!renames.size) return text;
  const tag = new RegExp(`<(/?)(${[...renames.keys()].map(escapeRegExp).join('|')}):`, 'g');
  return outsideVerbatim(text, (markup) => markup.replace(tag, (_, slash: string, prefix: string) => `<${slash}${renames.get(prefix)}:`));
}
