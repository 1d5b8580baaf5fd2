// Feed HTML to plain text. Nothing from a feed is stored as markup: tags are removed (script, style
// and similar elements with their content), entities decoded, whitespace collapsed. A linear scan,
// not a regex over the whole document, so hostile inputs cannot cause catastrophic backtracking.
import { decodeHTML } from 'entities';

// Elements whose content is never text a reader should see.
const DROP_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'head', 'title']);
// Elements that separate words, so "<p>a</p><p>b</p>" reads "a b", not "ab".
const BLOCK = /^\/?(?:p|br|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|header|footer|figure|figcaption|pre|hr|dd|dt)\b/i;

function isTagStart(code: number): boolean {
  // A-Z, a-z, "/", "!", "?": anything else after "<" is text ("a < b").
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 47 || code === 33 || code === 63;
}

function stripTags(html: string): string {
  let lower: string | undefined; // computed only when an element's content must be skipped
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (!isTagStart(html.charCodeAt(lt + 1))) {
      out += '<';
      i = lt + 1;
      continue;
    }
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt);
    if (gt === -1) break; // an unterminated tag: drop the rest rather than keep half a tag
    const tag = html.slice(lt + 1, gt);
    const name = /^[A-Za-z][A-Za-z0-9-]*/.exec(tag)?.[0].toLowerCase();
    i = gt + 1;
    if (name && DROP_CONTENT.has(name) && !tag.endsWith('/')) {
      lower ??= html.toLowerCase();
      const close = lower.indexOf(`</${name}`, i);
      const closeEnd = close === -1 ? -1 : html.indexOf('>', close);
      i = closeEnd === -1 ? html.length : closeEnd + 1;
    }
    if (BLOCK.test(tag)) out += ' ';
  }
  return out;
}

/** Plain text from feed HTML (or from text that merely contains entities). */
export function toPlainText(html: string | undefined | null): string {
  if (!html) return '';
  const source = String(html);
  // Most titles are plain text already: skip the scanner and the decoder when there is nothing to do.
  let text = source.includes('<') ? decodeHTML(stripTags(source)) : source.includes('&') ? decodeHTML(source) : source;
  // Double-escaped markup ("&lt;script&gt;") becomes tags after one decode: strip again, a few times at most.
  for (let round = 0; round < 3 && /<[A-Za-z\/!?]/.test(text); round++) text = decodeHTML(stripTags(text));
  return cleanText(text);
}

/**
 * Text that is text already (an Atom type="text" title: "History of the <blink> tag" means those
 * characters) with invisible characters removed and whitespace collapsed; nothing is decoded.
 */
export function cleanText(text: string | undefined | null): string {
  if (!text) return '';
  return String(text).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\uFEFF]/g, '').replace(/\s+/g, ' ').trim();
}

/** Cuts text to at most `max` characters at a word boundary, ending with "…" when cut. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  // A single very long word (a URL, CJK text without spaces) is cut where it is.
  const cut = space > max * 0.6 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.\-–—]+$/, '')}…`;
}
