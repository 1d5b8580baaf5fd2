// The plain-text part: what a text-only client, a screen reader or a spam filter reads. It must
// stand on its own, so links become numbered references listed at the end, and lines wrap at 72.
import { parseHTML } from 'linkedom';
import { DEFAULT_DISCLAIMER, type EmailIssue } from './html.ts';

const WIDTH = 72;
const BLOCK = /^(P|DIV|ARTICLE|SECTION|BLOCKQUOTE|H[1-6]|LI|UL|OL|TABLE|TR|TD|TH|FIGURE|HR|PRE)$/;

/** Wraps one paragraph at `width`, prefixing every line (for list items and quotes). */
export function wrap(text: string, width = WIDTH, first = '', rest = first): string {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const prefix = lines.length ? rest : first;
    if (line.length > prefix.length && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else line += (line.length > prefix.length ? ' ' : '') + word;
  }
  lines.push(line);
  return lines.join('\n').trimEnd();
}

/** Converts content HTML to paragraphs of text, collecting each distinct link once. */
export function htmlToText(html: string, links: string[] = []): { text: string; links: string[] } {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks: string[] = [];
  const ref = (href: string) => (links.includes(href) ? links.indexOf(href) : links.push(href) - 1) + 1;

  const inline = (node: Node): string => {
    if (node.nodeType === 3) return node.textContent ?? '';
    if (node.nodeType !== 1) return '';
    const el = node as Element;
    if (el.tagName === 'BR') return '\n';
    if (el.tagName === 'IMG') return el.getAttribute('alt') ? `[${el.getAttribute('alt')}]` : '';
    const inner = [...el.childNodes].map(inline).join('');
    const href = el.tagName === 'A' ? el.getAttribute('href') : null;
    return href && /^(https?|mailto):/i.test(href) ? `${inner} [${ref(href)}]` : inner;
  };

  const isBlock = (node: Node) => node.nodeType === 1 && BLOCK.test((node as Element).tagName);

  const paragraph = (tag: string, nodes: Node[], depth: number) => {
    const text = nodes
      .map(inline)
      .join('')
      .replace(/[ \t\r\f\v]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .trim();
    if (!text) return;
    const indent = '  '.repeat(Math.max(depth - 1, 0));
    if (tag === 'H1' || tag === 'H2') blocks.push(`${text.toUpperCase()}\n${'='.repeat(Math.min(text.length, WIDTH))}`);
    else if (/^H[3-6]$/.test(tag)) blocks.push(wrap(text, WIDTH, '## ', '   '));
    else if (tag === 'LI') blocks.push(wrap(text, WIDTH, `${indent}- `, `${indent}  `));
    else if (tag === 'BLOCKQUOTE') blocks.push(wrap(text, WIDTH, '> '));
    else
      blocks.push(
        text
          .split('\n')
          .map((line) => wrap(line))
          .join('\n'),
      );
  };

  // Runs of inline content become paragraphs; nested blocks are walked in order.
  const block = (el: Element, depth: number) => {
    if (el.tagName === 'HR') return void blocks.push('-'.repeat(8));
    const inner = el.tagName === 'UL' || el.tagName === 'OL' ? depth + 1 : depth;
    let run: Node[] = [];
    for (const kid of [...el.childNodes]) {
      if (!isBlock(kid)) {
        run.push(kid);
        continue;
      }
      paragraph(el.tagName, run, depth);
      run = [];
      block(kid as Element, inner);
    }
    paragraph(el.tagName, run, depth);
  };

  block(document.body as unknown as Element, 0);
  return { text: blocks.join('\n\n'), links };
}

/** The whole text part: masthead, title, the content, the numbered links, and the footer. */
export function emailText(issue: EmailIssue): string {
  const links: string[] = [];
  const { text } = htmlToText(issue.contentHtml, links);
  const rule = '-'.repeat(WIDTH);
  const list = links.map((href, i) => `[${i + 1}] ${href}`).join('\n');
  return [
    `${issue.siteName.toUpperCase()} · Issue ${issue.number} · ${issue.dateText}`,
    rule,
    wrap(issue.title),
    wrap(issue.dek),
    `By ${issue.byline}`,
    `Read it on the web: ${issue.issueUrl}`,
    rule,
    text,
    rule,
    ...(links.length ? [`LINKS\n\n${list}`, rule] : []),
    `${wrap(`You are receiving this because you subscribed to ${issue.siteName}'s weekly issue.`)}\nUnsubscribe: ${issue.unsubscribeUrl}\nAll issues: ${issue.archiveUrl}`,
    [wrap(issue.disclaimer ?? DEFAULT_DISCLAIMER), ...(issue.postalAddress ? [wrap(issue.postalAddress)] : [])].join('\n'),
  ]
    .join('\n\n')
    .concat('\n');
}
