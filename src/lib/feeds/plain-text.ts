// Feed HTML to plain text. Nothing from a feed is stored as markup: tags are removed (script, style
// and similar elements with their content), entities decoded, whitespace collapsed.
//
// htmlparser2's tokenizer reads the markup: the state machine that linkedom and cheerio parse with,
// which knows quoted attributes holding ">", comments, CDATA, raw-text <script>/<style>/<title> and
// HTML's entity rules. This module only decides which text a reader sees. htmlparser2's tree-building
// Parser is not used: it keeps the open elements in an array that it unshifts and searches on every
// tag, so its time grows with the square of the nesting depth (measured: 100,000 nested <div>, 1.1 MB,
// 2.5 to 14 s; 200,000, 44 s), and a feed body may be 10 MB. The tokenizer is linear (0.1 s for the
// 100,000), and plain text needs no tree: only whether we are inside an element whose content is
// dropped, and where blocks separate words.
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

/** The text of one HTML fragment, entities decoded once; whitespace as it came. */
function textOf(source: string): string {
  const html = withoutUnfinishedEnd(source);
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
  let text = textOf(source);
  // Double-escaped markup ("&lt;script&gt;") becomes tags after one decode: strip again, a few times at most.
  for (let round = 0; round < 3 && /<[A-Za-z/!?]/.test(text); round++) text = textOf(text);
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
