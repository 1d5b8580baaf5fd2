// Real feeds are often not well-formed XML. Before the strict parser sees a document, repair what is
// safe to repair: text before the root (BOM, whitespace, a misplaced XML declaration, a doctype),
// control characters XML forbids, bare "&", and HTML entities such as &nbsp; that XML does not define.
// CDATA sections and comments are left untouched: "&" is literal there. Titles and summaries whose
// content is markup (Atom's type="xhtml", or inline tags) are turned into escaped HTML, because the
// XML parser keeps their text but not its order.
import { decodeHTMLStrict } from 'entities';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
// Characters not allowed in XML 1.0 documents, even as references.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const BARE_AMP = /&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);)/g;
const NAMED = /&([A-Za-z][A-Za-z0-9]*);/g;
const VERBATIM = /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)/g;

function numericRefs(text: string): string {
  let out = '';
  for (const ch of text) out += `&#${ch.codePointAt(0)};`;
  return out;
}

function repairMarkup(chunk: string): string {
  return chunk.replace(BARE_AMP, '&amp;').replace(NAMED, (whole, name: string) => {
    if (XML_ENTITIES.has(name)) return whole;
    const decoded = decodeHTMLStrict(whole);
    return decoded === whole ? `&amp;${name};` : numericRefs(decoded);
  });
}

// The XML declaration and any doctype (a stray <!DOCTYPE html> included) before the root element.
const PROLOG_JUNK = /^((?:\s|<!--[\s\S]*?-->)*)(?:<\?xml\s[^>]*\?>|<!DOCTYPE(?:"[^"]*"|'[^']*'|\[[\s\S]*?\]|[^>"'[])*>)/i;

/** Removes everything before the first element except comments and processing instructions. */
function trimProlog(text: string): string {
  let out = text.replace(/^[\s\uFEFF]+/, '');
  // The declaration is only legal at the very start, and the text is already decoded, so it has no
  // use; the doctype is never read (no DTD is loaded) and an HTML one makes the XML parser fail.
  for (let round = 0; round < 4 && PROLOG_JUNK.test(out); round++) out = out.replace(PROLOG_JUNK, '$1');
  return out.replace(/^[\s\uFEFF]+/, '');
}

const TEXT_CONSTRUCT = /<((?:[\w.-]+:)?(?:title|summary|content))(\s(?:"[^"]*"|'[^']*'|[^>"'])*?)?(?<!\/)>/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A title, summary or content element with child elements becomes type="html" with its markup
 * escaped, which is what type="xhtml" means; plain-text.ts then reads it as any HTML text.
 */
export function escapeMarkupContent(xml: string): string {
  // Most documents have none: one quick search instead of visiting every title.
  if (!/<(?:[\w.-]+:)?(?:title|summary|content)\b[^>]*>[^<]*<[A-Za-z]/.test(xml)) return xml;
  let out = '';
  let last = 0;
  for (const open of xml.matchAll(TEXT_CONSTRUCT)) {
    if (open.index < last) continue;
    const start = open.index + open[0].length;
    const close = xml.indexOf(`</${open[1]}`, start);
    if (close === -1) continue;
    const inner = xml.slice(start, close);
    if (!/<[A-Za-z]/.test(inner.replace(CDATA, ''))) continue;
    const attributes = (open[2] ?? '').replace(/\s(?:type|mode)\s*=\s*(?:"[^"]*"|'[^']*')/g, '');
    const html = inner.replace(CDATA, (_, text: string) => escapeXml(text));
    out += `${xml.slice(last, open.index)}<${open[1]}${attributes} type="html">${escapeXml(html)}`;
    last = close;
  }
  return out + xml.slice(last);
}

export function repairXml(text: string): string {
  const cleaned = trimProlog(text.replace(FORBIDDEN, ''));
  let out = '';
  let last = 0;
  for (const match of cleaned.matchAll(VERBATIM)) {
    out += repairMarkup(cleaned.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return escapeMarkupContent(out + repairMarkup(cleaned.slice(last)));
}
