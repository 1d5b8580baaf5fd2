// Feed HTML to plain text. Nothing from a feed is stored as markup: tags are removed (script, style
// and similar elements with their content), entities decoded, whitespace collapsed. A "<" that
// starts no markup is the publisher's text and stays, as "a < b" always did and as "<AAPL.O>" does:
// a start tag of bare words naming no HTML element (see escapeTextTags). Every page and feed
// escapes what it prints, so such text is shown, never run.
//
// htmlparser2's tokenizer reads the markup: the state machine that linkedom and cheerio parse with,
// which knows quoted attributes holding ">", comments, CDATA, raw-text <script>/<style>/<title> and
// HTML's entity rules. This module only decides which text a reader sees. htmlparser2's tree-building
// Parser is not used: it keeps the open elements in an array that it unshifts and searches on every
// tag, so its time grows with the square of the nesting depth (measured: 100,000 nested <div>, 1.1 MB,
// 2.5 to 14 s; 200,000, 44 s), and a feed body may be 10 MB. The tokenizer is linear (0.1 s for the
// 100,000), and plain text needs no tree: only whether we are inside an element whose content is
// dropped, and where blocks separate words.
import { htmlTagNames } from 'html-tag-names';
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

// Elements whose content is never text a reader should see.
const DROP_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'head', 'title']);
// In HTML, "/>" closes only these (foreign) elements: <script/> opens a script, as in a browser.
const SELF_CLOSING = new Set(['svg', 'math']);
// Elements that separate words, so "<p>a</p><p>b</p>" reads "a b", not "ab".
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

// "<" then a letter, "/", "!" or "?": the start of a tag, an end tag, a comment or a declaration.
const MARKUP_START = /<[A-Za-z/!?]/g;
const MARKUP_START_ONE = /<[A-Za-z/!?]/;

// Every element name HTML has had, current and obsolete (<font>, <blink>, <marquee>), from
// html-tag-names. A start tag with another name is text the publisher wrote: wire copy gives
// tickers as "Apple Inc <AAPL.O>", developers write "vector<int>" or "<Suspense>".
const HTML_ELEMENTS = new Set(htmlTagNames);
// A text tag is a start tag of bare words, the first its name: "<AAPL.O>", "<EUR=>" (a name may
// end in "="), "<est as costs rise>". A word has no markup, quote, "=", "&" or control character
// in it; words are separated by HTML's whitespace. An attribute value, quotes or "/>" make markup.
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const NOT_IN_WORD = new Set([...'<>/"\'=`&'].map((char) => char.charCodeAt(0)));
const isWordChar = (code: number) => code > 32 && code !== 127 && !NOT_IN_WORD.has(code);

// What a text tag's "<" becomes for the tokenizer, and "<" again in the text it reads: a Unicode
// noncharacter, which the standard keeps for a program's internal use, so none is kept from input.
// ("&lt;" would do, at the cost of an entity to decode per tag: 1 MB of tickers took three times longer.)
const TEXT_LT = '\uFDD0';

/**
 * The text tag whose "<" is at `at`: its name, where it ends (after its ">"), or, when it is cut off
 * by the next "<" or the end of the document, that it is unfinished and whether the end came right
 * after its name. Undefined when what starts there is no text tag's form.
 */
function textTagAt(html: string, at: number): { name: string; end: number; finished: boolean; endsInName: boolean } | undefined {
  let i = at + 1;
  if (!isLetter(html.charCodeAt(i))) return undefined;
  while (i < html.length && isWordChar(html.charCodeAt(i))) i++;
  if (html.charCodeAt(i) === 61) i++; // "="
  const name = html.slice(at + 1, i);
  const nameEnd = i;
  for (;;) {
    let j = i;
    while (j < html.length && isSpace(html.charCodeAt(j))) j++;
    if (j === html.length || html.charCodeAt(j) === 60) return { name, end: j, finished: false, endsInName: j === nameEnd && j === html.length };
    if (html.charCodeAt(j) === 62) return { name, end: j + 1, finished: true, endsInName: false };
    if (j === i || !isWordChar(html.charCodeAt(j))) return undefined;
    while (j < html.length && isWordChar(html.charCodeAt(j))) j++;
    i = j;
  }
}

/** Whether a tag of this name is markup: an HTML element, a custom element ("my-card") or a namespaced one ("o:p"). */
function isElementName(name: string): boolean {
  const lower = name.toLowerCase();
  return HTML_ELEMENTS.has(lower) || lower.includes('-') || lower.includes(':');
}

/** Whether `name`, cut off by the end of the document, may be the start of an element's name ("<scr"). */
function mayBeCutElement(name: string): boolean {
  const lower = name.toLowerCase();
  for (const element of HTML_ELEMENTS) if (element.startsWith(lower)) return true;
  return false;
}

/**
 * The HTML with the "<" of every start tag that is text escaped, so the tokenizer reads it as text:
 * a tag of bare words whose name is no element's. Only "<" becomes TEXT_LT, so markup reads as it
 * did: in an attribute value, a comment or a script the change is invisible, and end tags,
 * comments and declarations are never touched. After the last ">", an unfinished tag of the same
 * form is text too ("EPS <est as costs rise"), unless the document ends inside its name and the
 * name may be an element's ("safe <scr").
 */
function escapeTextTags(html: string): string {
  const lastClose = html.lastIndexOf('>');
  const parts: string[] = [];
  let copied = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    const tag = textTagAt(html, at);
    if (!tag || isElementName(tag.name)) continue;
    if (tag.finished || (at > lastClose && !(tag.endsInName && mayBeCutElement(tag.name)))) {
      parts.push(html.slice(copied, at), TEXT_LT);
      copied = at + 1;
    }
    at = Math.max(at, tag.end - 1);
  }
  if (copied === 0) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}

/**
 * The HTML without an unfinished tag, comment or declaration at its end: one that starts after the
 * last ">" never closes. A browser shows none of it; htmlparser2's tokenizer hands some of these
 * back as text when it ends ("x <?php echo" gives "x php echo", "x <scr" gives "x scr").
 */
function withoutUnfinishedEnd(html: string): string {
  MARKUP_START.lastIndex = html.lastIndexOf('>') + 1;
  const start = MARKUP_START.exec(html)?.index;
  return start === undefined ? html : html.slice(0, start);
}

/**
 * The text of one HTML fragment whose text tags are escaped, entities decoded once; whitespace as it
 * came. `markup` says whether the text holds what may be markup (from a reference, "&lt;b&gt;", or
 * pieces around a dropped element): the text tags it was given are text, and stay so.
 */
function textOf(escaped: string): { text: string; markup: boolean } {
  const html = withoutUnfinishedEnd(escaped);
  let out = '';
  let tag = ''; // the start tag being read
  let dropping = ''; // the DROP_CONTENT element we are inside, or ''
  let depth = 0; // how deep `dropping` is nested in itself
  const name = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const open = (selfClosed: boolean) => {
    if (dropping) {
      if (tag === dropping && !selfClosed) depth++;
      else if (dropping === 'head' && tag === 'body') dropping = ''; // </head> is optional
      return;
    }
    if (DROP_CONTENT.has(tag)) {
      if (!selfClosed) [dropping, depth] = [tag, 1];
    } else if (BLOCK.has(tag)) out += ' ';
  };
  const callbacks: TokenizerCallbacks = {
    ontext(start, end) {
      if (!dropping) out += html.slice(start, end);
    },
    ontextentity(codePoint) {
      // The decoder already replaced surrogates and out-of-range numbers with U+FFFD.
      if (!dropping) out += String.fromCodePoint(codePoint);
    },
    onopentagname(start, end) {
      tag = name(start, end);
    },
    onopentagend() {
      open(false);
    },
    onselfclosingtag() {
      open(SELF_CLOSING.has(tag));
    },
    onclosetag(start, end) {
      const closed = name(start, end);
      if (dropping) {
        if (closed === dropping && --depth === 0) dropping = '';
      } else if (BLOCK.has(closed)) out += ' ';
    },
    // Attributes, comments, CDATA sections (comments in HTML, as in htmlparser2's own Parser),
    // declarations and processing instructions are never text.
    onattribname() {},
    onattribdata() {},
    onattribentity() {},
    onattribend() {},
    oncomment() {},
    oncdata() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {},
  };
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
  return { text: out.replaceAll(TEXT_LT, '<'), markup: MARKUP_START_ONE.test(out) };
}

/** Plain text from feed HTML (or from text that merely contains entities). */
export function toPlainText(html: string | undefined | null): string {
  if (!html) return '';
  const source = String(html).replaceAll(TEXT_LT, '');
  // Most titles are plain text already: skip the tokenizer when there is nothing to do.
  if (!source.includes('<') && !source.includes('&')) return cleanText(source);
  let round = textOf(escapeTextTags(source));
  // Double-escaped markup ("&lt;script&gt;") becomes tags after one decode, and so may pieces
  // around a dropped element ("<<script>…</script>/script>"): strip again, a few times at most.
  for (let rounds = 1; rounds < 4 && round.markup; rounds++) round = textOf(escapeTextTags(round.text));
  return cleanText(round.text);
}

/**
 * Text that is text already (an Atom type="text" title: "History of the <blink> tag" means those
 * characters) with invisible characters removed and whitespace collapsed; nothing is decoded.
 */
export function cleanText(text: string | undefined | null): string {
  if (!text) return '';
  return String(text)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
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
