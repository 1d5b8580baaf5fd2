// Real feeds are often not well-formed XML. Before the strict parser sees a document, repair what is
// safe to repair: text before the root (BOM, whitespace, a misplaced XML declaration, a doctype),
// control characters XML forbids, bare "&" and "<", and HTML entities such as &nbsp; that XML does
// not define. Numeric references XML forbids (a control character, a lone surrogate, or the two
// halves of one emoji as CP-1252 blog engines write them) and Windows-1252 codes written as C1
// controls ("&#146;" for an apostrophe, as HTML reads it) are repaired too, rather than losing the
// whole feed to the parser's "Invalid character entity". Entities the document declares in its own
// doctype ("<!ENTITY site 'Site News'>") are expanded; unquoted attribute values are quoted; a "--"
// inside a comment, a CDATA section never terminated and a text field never closed
// (unclosed-fields.ts) are repaired. CDATA sections and comments are otherwise left untouched: "&"
// is literal there. Titles and summaries whose content is markup (Atom's type="xhtml", or inline
// tags) are turned into escaped HTML, because the XML parser keeps their text but not its order.
// Each repair changes only what a well-formed document cannot contain.
import { decodeHTMLStrict } from 'entities';
import { closeUnclosedFields, XML_TOKEN } from './unclosed-fields.ts';

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

// A start tag whose attribute values may be unquoted (<guid isPermaLink=false>, as HTML allows) or
// missing (<item selected>, <enclosure … autoplay/>, HTML's boolean attributes): the XML parser
// rejected the whole feed ("Unquoted attribute value", "Attribute without value"). No part of it
// crosses a "<".
const START_TAG = /<[A-Za-z_][\w:.-]*(?:\s+[^\s<>"'=/]+(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s<>"'`]+))?)*\s*\/?>/g;
const UNQUOTED = /\s[^\s<>"'=/]+\s*=\s*[^\s<>"']/;
// A start tag with an attribute that has no value: a name followed by the tag's end or another name.
const VALUELESS = /<[A-Za-z_][\w:.-]*(?:\s+[^\s<>"'=/]+\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s<>"'`]+))*\s+[^\s<>"'=/]+(?:\s*\/?>|\s+[^\s<>"'=/])/;
const ATTRIBUTE = /(\s+[^\s<>"'=/]+)(?:(\s*=\s*)(?:("[^"]*"|'[^']*')|([^\s<>"'`]+)))?/g;
const ELEMENT_NAME = /^<[A-Za-z_][\w:.-]*/;

/**
 * A start tag with each unquoted attribute value quoted, read as HTML reads it (up to a space or
 * ">"), and each attribute with no value given the empty one, as HTML gives it.
 */
function quoteAttributes(tag: string): string {
  const name = ELEMENT_NAME.exec(tag)![0];
  const attributes = tag.slice(name.length).replace(/\s*\/?>$/, '');
  if (!attributes.trim()) return tag;
  const quoted = attributes.replace(ATTRIBUTE, (whole, attribute: string, equals?: string, value?: string, bare?: string) => {
    if (equals === undefined) return `${attribute}=""`;
    return value === undefined ? `${attribute}${equals}"${bare}"` : whole;
  });
  return `${name}${quoted}${tag.slice(name.length + attributes.length)}`;
}

// An RSS <link> written as HTML writes its void element, the URL after it ("<link />https://…"): a
// feed built with an HTML serializer. The strict parser read an empty link, and the item was skipped.
const VOID_LINK = /<link\s*\/>(\s*)(https?:\/\/[^\s<]+)/gi;

function repairMarkup(chunk: string): string {
  const repaired = repairNumericRefs(chunk.replace(VOID_LINK, '<link>$2</link>$1'))
    .replace(BARE_LT, '&lt;')
    .replace(BARE_AMP, '&amp;')
    .replace(NAMED, (whole, name: string) => {
      if (XML_ENTITIES.has(name)) return whole;
      const decoded = decodeHTMLStrict(whole);
      return decoded === whole ? `&amp;${name};` : numericRefs(decoded);
    });
  // Most documents quote every value: one quick search instead of visiting every tag.
  return UNQUOTED.test(repaired) || VALUELESS.test(repaired) ? repaired.replace(START_TAG, quoteAttributes) : repaired;
}

// Entities a document declares in its internal DTD subset (<!DOCTYPE rss [<!ENTITY site "Site
// News">]>), used as "&site;". The doctype is dropped (the parser loads no DTD), so they are expanded
// here: general entities whose value is text only. External ones (SYSTEM, PUBLIC) are never loaded,
// and a value holding markup is not expanded. Limits keep a hostile DTD ("billion laughs": each
// entity ten of the one before) from growing the document: an entity nested too deep, or longer
// than MAX_ENTITY once expanded, is left unexpanded, as is every use past MAX_EXPANDED characters.
const ENTITY_DECL = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
const MAX_ENTITIES = 256;
const MAX_DEPTH = 8;
const MAX_ENTITY = 10_000;
const MAX_EXPANDED = 1_000_000;

/** Each declared entity's replacement text (entities in it expanded), or undefined where limits or markup forbid. */
function declaredEntities(subset: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const [, name, double, single] of subset.matchAll(ENTITY_DECL)) {
    // XML: the first declaration of a name binds; the five predefined ones are not redefined.
    if (!XML_ENTITIES.has(name!) && !values.has(name!)) values.set(name!, (double ?? single)!);
    if (values.size >= MAX_ENTITIES) break;
  }
  // Expanded once each: [text, depth], or null for one that cannot be (a cycle, too deep, too long, markup).
  const done = new Map<string, [string, number] | null>();
  const expand = (name: string): [string, number] | null => {
    if (done.has(name)) return done.get(name)!;
    done.set(name, null); // while in progress: a reference back to it is a cycle
    const value = values.get(name)!;
    let depth = 1;
    let ok = !value.includes('<');
    const text = ok
      ? value.replace(NAMED, (whole, inner: string) => {
          if (!values.has(inner)) return whole;
          const expanded = expand(inner);
          if (!expanded) ok = false;
          else depth = Math.max(depth, expanded[1] + 1);
          return expanded?.[0] ?? whole;
        })
      : value;
    const result: [string, number] | null = ok && depth <= MAX_DEPTH && text.length <= MAX_ENTITY ? [text, depth] : null;
    done.set(name, result);
    return result;
  };
  const entities = new Map<string, string>();
  for (const name of values.keys()) {
    const expanded = expand(name);
    // Quotes as references, so that an expansion inside an attribute value stays inside it.
    if (expanded) entities.set(name, expanded[0].replace(/"/g, '&quot;').replace(/'/g, '&apos;'));
  }
  return entities;
}

/** A function expanding the declared entities in markup, within MAX_EXPANDED characters for the whole document. */
function entityExpander(entities: ReadonlyMap<string, string>): (markup: string) => string {
  if (entities.size === 0) return (markup) => markup;
  let budget = MAX_EXPANDED;
  return (markup) =>
    markup.replace(NAMED, (whole, name: string) => {
      const value = entities.get(name);
      if (value === undefined || value.length > budget) return whole;
      budget -= value.length;
      return value;
    });
}

// The XML declaration and any doctype (a stray <!DOCTYPE html> included) before the root element;
// group 2 is a doctype's internal subset.
const PROLOG_JUNK = /^((?:\s|<!--[\s\S]*?-->)*)(?:<\?xml\s[^>]*\?>|<!DOCTYPE(?:"[^"]*"|'[^']*'|\[([\s\S]*?)\]|[^>"'[])*>)/i;

/** Removes everything before the first element except comments and processing instructions; returns the entities a doctype declared. */
function trimProlog(text: string): { text: string; entities: Map<string, string> } {
  let out = text.replace(/^[\s\uFEFF]+/, '');
  let entities = new Map<string, string>();
  // The declaration is only legal at the very start, and the text is already decoded, so it has no
  // use; the doctype is never read (no DTD is loaded) and an HTML one makes the XML parser fail.
  for (let round = 0; round < 4; round++) {
    const junk = PROLOG_JUNK.exec(out);
    if (!junk) break;
    if (junk[2] && entities.size === 0) entities = declaredEntities(junk[2]);
    out = junk[1] + out.slice(junk[0].length);
  }
  return { text: out.replace(/^[\s\uFEFF]+/, ''), entities };
}

/** A comment holding "--" ("<!-- ---- items ---- -->"), which XML forbids, with its dashes set apart. */
function repairComment(section: string): string {
  if (!section.startsWith('<!--') || !section.endsWith('-->') || section.length < 7) return section;
  const body = section.slice(4, -3);
  return body.includes('--') || body.endsWith('-') ? `<!--${body.replace(/-(?=-|$)/g, '- ')}-->` : section;
}

/**
 * A CDATA section never terminated (a template that forgot "]]>") took the rest of the document,
 * and the strict parser then lost every entry from there on. It ends instead before the end tag of
 * the element it was written in, when the document has one after it.
 */
function terminateCdata(text: string): string {
  // None is unterminated when a "]]>" follows the last "<![CDATA[" (a section ends at the first one).
  const lastOpen = text.lastIndexOf('<![CDATA[');
  if (lastOpen === -1 || text.lastIndexOf(']]>') > lastOpen) return text;
  let out = text;
  let from = 0;
  for (let round = 0; round < 64; round++) {
    const verbatim = new RegExp(VERBATIM.source, 'g');
    verbatim.lastIndex = from;
    let section: RegExpExecArray | null = null;
    for (let next = verbatim.exec(out); next; next = verbatim.exec(out)) section = next;
    if (!section || !section[0].startsWith('<![CDATA[') || section[0].endsWith(']]>')) return out;
    const before = out.lastIndexOf('<', section.index - 1);
    const parent = before === -1 ? null : /^<([A-Za-z_][\w:.-]*)(?:\s[^<>]*)?>/.exec(out.slice(before, section.index));
    if (!parent || parent[0].endsWith('/>')) return out;
    const end = new RegExp(`</${parent[1]!.replace(/\./g, '\\.')}\\s*>`, 'g');
    end.lastIndex = section.index + '<![CDATA['.length;
    const close = end.exec(out);
    if (!close) return out;
    out = `${out.slice(0, close.index)}]]>${out.slice(close.index)}`;
    from = close.index + ']]>'.length;
  }
  return out;
}

// Media RSS's <media:content> is no text but a container of its own elements (<media:title>, …).
const TEXT_CONSTRUCT = /^(?!media:content$)(?:[\w.-]+:)?(?:title|summary|content|description)$/;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const count = (counts: Map<string, number>, name: string, by: number) => counts.set(name, (counts.get(name) ?? 0) + by);

/**
 * A title, summary or content element with child elements becomes type="html" with its markup
 * escaped, which is what type="xhtml" means; plain-text.ts then reads it as any HTML text. Its end
 * is the end tag that matches it, past any element of the same name inside (an xhtml <summary> may
 * hold an HTML <details><summary>), and CDATA sections and comments hold no elements: a "<summary>"
 * in either once paired with a later element's end tag and rejected the feed. One that is never
 * closed (its parent ends first) is left as it is.
 */
export function escapeMarkupContent(xml: string): string {
  // Most documents have none: one quick search instead of visiting every title.
  if (!/<(?:[\w.-]+:)?(?:title|summary|content|description)\b[^>]*>[^<]*<[A-Za-z]/.test(xml)) return xml;
  let out = '';
  let last = 0;
  // Elements open outside text constructs, and how many of each name.
  const stack: string[] = [];
  const open = new Map<string, number>();
  let construct: { name: string; at: number; attributes: string; start: number; depth: number; markup: boolean; inside: Map<string, number> } | undefined;
  for (const match of xml.matchAll(XML_TOKEN)) {
    const [whole, slash, name, rest] = match;
    if (!name) continue;
    const empty = !slash && rest!.endsWith('/');
    if (construct) {
      if (!slash) {
        construct.markup = true;
        if (!empty) {
          if (name === construct.name) construct.depth++;
          else count(construct.inside, name, 1);
        }
        continue;
      }
      if (name === construct.name) {
        if (--construct.depth > 0) continue;
        if (construct.markup) {
          const html = xml.slice(construct.start, match.index).replace(CDATA, (_, text: string) => escapeXml(text));
          out += `${xml.slice(last, construct.at)}<${name}${construct.attributes} type="html">${escapeXml(html)}`;
          last = match.index;
        }
        construct = undefined;
        continue;
      }
      if (construct.inside.get(name)) {
        count(construct.inside, name, -1);
        continue;
      }
      if (!open.get(name)) continue; // a stray end tag in the content
      construct = undefined; // never closed: the element around it ends here
    }
    if (!slash) {
      if (empty) continue;
      if (TEXT_CONSTRUCT.test(name)) {
        const attributes = rest!.replace(/\s(?:type|mode)\s*=\s*(?:"[^"]*"|'[^']*')/g, '');
        construct = { name, at: match.index, attributes, start: match.index + whole.length, depth: 1, markup: false, inside: new Map() };
      } else {
        stack.push(name);
        count(open, name, 1);
      }
      continue;
    }
    if (!open.get(name)) continue;
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      count(open, top, -1);
      if (top === name) break;
    }
  }
  return out + xml.slice(last);
}

/**
 * The text with `rewrite` applied to everything outside CDATA sections and comments, which stay as
 * they are, or go through `verbatim`.
 */
export function outsideVerbatim(text: string, rewrite: (markup: string) => string, verbatim: (section: string) => string = (section) => section): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(VERBATIM)) {
    out += rewrite(text.slice(last, match.index)) + verbatim(match[0]);
    last = match.index + match[0].length;
  }
  return out + rewrite(text.slice(last));
}

export function repairXml(text: string): string {
  const { text: body, entities } = trimProlog(text.replace(FORBIDDEN, '').replace(C1, (ch) => windows1252(ch.charCodeAt(0))));
  const expand = entityExpander(entities);
  const repaired = outsideVerbatim(terminateCdata(body), (markup) => repairMarkup(expand(markup)), repairComment);
  return escapeMarkupContent(closeUnclosedFields(repaired));
}
