// Real feeds are often not well-formed XML. Before the strict parser sees a document, repair what is
// safe to repair: text before the root (BOM, whitespace, a misplaced XML declaration, a doctype),
// control characters XML forbids, bare "&" and "<", and HTML entities such as &nbsp; that XML does
// not define. Numeric references XML forbids (a control character, a lone surrogate, or the two
// halves of one emoji as CP-1252 blog engines write them) and Windows-1252 codes written as C1
// controls ("&#146;" for an apostrophe, as HTML reads it) are repaired too, rather than losing the
// whole feed to the parser's "Invalid character entity". CDATA sections and comments are left
// untouched: "&" is literal there. Titles and summaries whose content is markup (Atom's
// type="xhtml", or inline tags) are turned into escaped HTML, because the XML parser keeps their
// text but not its order.
import { decodeHTMLStrict } from 'entities';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
// Characters not allowed in XML 1.0 documents, even as references.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const BARE_AMP = /&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);)/g;
const NAMED = /&([A-Za-z][A-Za-z0-9]*);/g;
const VERBATIM = /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)/g;

const CP1252 = new TextDecoder('windows-1252');
/** A C1 control (U+0080-U+009F) as the Windows-1252 character HTML reads it for, or nothing where that code has none. */
function windows1252(code: number): string {
  const ch = CP1252.decode(Uint8Array.of(code));
  return ch.charCodeAt(0) >= 0xa0 ? ch : '';
}
const C1 = /[\u0080-\u009F]/g;

const isXmlChar = (code: number) =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);
const NUMERIC_REF = /&#(?:([0-9]+)|[xX]([0-9A-Fa-f]+));/g;
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** One numeric reference as XML accepts it: kept when it is a character XML allows, else repaired or dropped. */
function numericRef(ref: string, code: number): string {
  if (code >= 0x80 && code <= 0x9f) return numericRefs(windows1252(code));
  if (isXmlChar(code)) return ref;
  return isHigh(code) || isLow(code) ? '&#65533;' : '';
}

function repairNumericRefs(chunk: string): string {
  if (!chunk.includes('&#')) return chunk;
  let out = '';
  let last = 0;
  // A high surrogate's reference, waiting for the low one right after it: the two halves of one
  // character (an emoji) become that character; a half alone becomes U+FFFD.
  let high: number | undefined;
  for (const match of chunk.matchAll(NUMERIC_REF)) {
    const code = match[1] !== undefined ? Number(match[1]) : parseInt(match[2]!, 16);
    if (high !== undefined && match.index === last && isLow(code)) {
      out += `&#${(high - 0xd800) * 0x400 + (code - 0xdc00) + 0x10000};`;
      high = undefined;
      last = match.index + match[0].length;
      continue;
    }
    if (high !== undefined) out += '&#65533;';
    high = undefined;
    out += chunk.slice(last, match.index);
    last = match.index + match[0].length;
    if (isHigh(code)) high = code;
    else out += numericRef(match[0], code);
  }
  if (high !== undefined) out += '&#65533;';
  return out + chunk.slice(last);
}

function numericRefs(text: string): string {
  let out = '';
  for (const ch of text) out += `&#${ch.codePointAt(0)};`;
  return out;
}

// A "<" that cannot start a tag, an end tag, a comment or a processing instruction ("costs < $5",
// "a < b", "<3nm"): the XML parser rejected the whole feed for it.
const BARE_LT = /<(?![A-Za-z_:/!?])/g;

function repairMarkup(chunk: string): string {
  return repairNumericRefs(chunk)
    .replace(BARE_LT, '&lt;')
    .replace(BARE_AMP, '&amp;')
    .replace(NAMED, (whole, name: string) => {
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

// Media RSS's <media:content> is no text but a container of its own elements (<media:title>, …).
const TEXT_CONSTRUCT = /<(?!media:content\b)((?:[\w.-]+:)?(?:title|summary|content|description))(\s(?:"[^"]*"|'[^']*'|[^>"'])*?)?(?<!\/)>/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A title, summary or content element with child elements becomes type="html" with its markup
 * escaped, which is what type="xhtml" means; plain-text.ts then reads it as any HTML text.
 */
export function escapeMarkupContent(xml: string): string {
  // Most documents have none: one quick search instead of visiting every title.
  if (!/<(?:[\w.-]+:)?(?:title|summary|content|description)\b[^>]*>[^<]*<[A-Za-z]/.test(xml)) return xml;
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

/** The text with `rewrite` applied to everything outside CDATA sections and comments, which stay as they are. */
export function outsideVerbatim(text: string, rewrite: (markup: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(VERBATIM)) {
    out += rewrite(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + rewrite(text.slice(last));
}

export function repairXml(text: string): string {
  const cleaned = trimProlog(text.replace(FORBIDDEN, '').replace(C1, (ch) => windows1252(ch.charCodeAt(0))));
  return escapeMarkupContent(outsideVerbatim(cleaned, repairMarkup));
}
