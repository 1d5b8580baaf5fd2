// Real feeds are often not well-formed XML. Before the strict parser sees a document, repair what is
// safe to repair: text before the root (BOM, whitespace, a misplaced XML declaration), control
// characters XML forbids, bare "&", and HTML entities such as &nbsp; that XML does not define.
// CDATA sections and comments are left untouched: "&" is literal there.
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

/** Removes everything before the first element except comments, and drops the XML declaration. */
function trimProlog(text: string): string {
  let out = text.replace(/^[\s\uFEFF]+/, '');
  // The declaration is only legal at the very start; the text is already decoded, so it has no use.
  out = out.replace(/^((?:\s|<!--[\s\S]*?-->)*)<\?xml[^>]*\?>/, '$1');
  return out.replace(/^[\s\uFEFF]+/, '');
}

export function repairXml(text: string): string {
  const cleaned = trimProlog(text.replace(FORBIDDEN, ''));
  let out = '';
  let last = 0;
  for (const match of cleaned.matchAll(VERBATIM)) {
    out += repairMarkup(cleaned.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + repairMarkup(cleaned.slice(last));
}
