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

// Every element name HTML has had, current and obsolete (<font>, <blink>, <marquee>), from
// html-tag-names. A start tag with another name is text the publisher wrote: wire copy gives
// tickers as "Apple Inc <AAPL.O>", developers write "vector<int>" or "<Suspense>".
const HTML_ELEMENTS = new Set(htmlTagNames);
// Characters that cannot be in a name or bare word of a text tag: markup, quotes, entities, controls.
const NOT_WORD = String.raw`\s<>/"'=\x60&\u0000-\u001F\u007F`;
// A start tag of bare words, the first its name: "<AAPL.O>", "<EUR=>" (the name may end in "="),
// "<est as costs rise>". Attribute values, quotes and "/>" make it markup.
const WORDS_TAG = new RegExp(`<([A-Za-z][^${NOT_WORD}]*=?)((?:\\s+[^${NOT_WORD}]+)*)\\s*>`, 'g');
// The same, unfinished: from "<" up to the next "<" or the end.
const WORDS_TAIL = new RegExp(`^<([A-Za-z][^${NOT_WORD}]*=?)((?:\\s+[^${NOT_WORD}]+)*\\s*)$`);

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
 * a tag of bare words whose name is no element's. Only "<" becomes "&lt;", so markup reads as it
 * did: in an attribute value, a comment or a script the change is invisible, and end tags,
 * comments and declarations are never touched. After the last ">", an unfinished tag of the same
 * form is text too ("EPS <est as costs rise"), unless the document ends inside its name and the
 * name may be an element's ("safe <scr").
 */
function escapeTextTags(html: string): string {
  const lastClose = html.lastIndexOf('>');
  let out = html.slice(0, lastClose + 1).replace(WORDS_TAG, (tag: string, name: string) => (isElementName(name) ? tag : `&lt;${tag.slice(1)}`));
  const tail = html.slice(lastClose + 1);
  const pieces = tail.split(/(?=<)/);
  pieces.forEach((piece, index) => {
    const words = WORDS_TAIL.exec(piece);
    const cut = words !== null && index === pieces.length - 1 && words[2] === '' && mayBeCutElement(words[1]);
    out += words && !isElementName(words[1]) && !cut ? `&lt;${piece.slice(1)}` : piece;
  });
  return out;
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

/** The text of one HTML fragment whose text tags are escaped, entities decoded once; whitespace as it came. */
function textOf(escaped: string): string {
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
  return out;
}

/** Plain text from feed HTML (or from text that merely contains entities). */
export function toPlainText(html: string | undefined | null): string {
  if (!html) return '';
  const source = String(html);
  // Most titles are plain text already: skip the tokenizer when there is nothing to do.
  if (!source.includes('<') && !source.includes('&')) return cleanText(source);
  let text = textOf(escapeTextTags(source));
  // Double-escaped markup ("&lt;script&gt;") becomes tags after one decode: strip again, a few
  // times at most. Text tags stay; they stop the rounds as no markup does.
  for (let round = 0; round < 3; round++) {
    const escaped = escapeTextTags(text);
    if (!/<[A-Za-z/!?]/.test(escaped)) break;
    text = textOf(escaped);
  }
  return cleanText(text);
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
