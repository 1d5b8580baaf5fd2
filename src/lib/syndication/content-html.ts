// Essay HTML as it goes into a feed: readers show it out of the site's context, so every URL must be
// absolute, and they run no script of ours, so script (and anything that could carry script) is removed.
import { parseHTML } from 'linkedom';

const URL_ATTRS = ['href', 'src', 'poster', 'cite', 'action', 'data', 'xlink:href'];
const DROP = 'script, noscript, style, template, iframe, object, embed, link, meta, base';

export interface ContentHtmlOptions {
  /** Absolute URL of the page the HTML came from; relative and fragment links resolve against it. */
  pageUrl: string;
}

function absolute(value: string, base: string): string | undefined {
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function rewriteSrcset(value: string, base: string): string {
  return value
    .split(',')
    .map((part) => {
      const [url = '', ...descriptor] = part.trim().split(/\s+/);
      const abs = absolute(url, base);
      return abs ? [abs, ...descriptor].join(' ') : '';
    })
    .filter(Boolean)
    .join(', ');
}

export function prepareContentHtml(html: string, { pageUrl }: ContentHtmlOptions): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const node of [...document.querySelectorAll(DROP)]) node.remove();
  for (const el of [...document.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      // Event handlers and the site's own hooks mean nothing in a reader.
      if (name.startsWith('on') || name.startsWith('data-astro') || name === 'is:raw') {
        el.removeAttribute(attr.name);
      } else if (URL_ATTRS.includes(name)) {
        const abs = absolute(attr.value, pageUrl);
        if (abs) el.setAttribute(attr.name, abs);
        else el.removeAttribute(attr.name);
      } else if (name === 'srcset') {
        el.setAttribute(attr.name, rewriteSrcset(attr.value, pageUrl));
      }
    }
  }
  // Comments are build artefacts (Astro's island markers), not content.
  const walker = document.createTreeWalker(document.body, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
  return document.body.innerHTML.trim();
}
