// An issue's rendered HTML made fit for an inbox: mail clients run no script, resolve no relative
// URL and drop HTML5 sectioning elements' styles, so this keeps only what survives everywhere.
import { parseHTML } from 'linkedom';

export interface EmailContentOptions {
  /** Absolute URL of the issue page: relative links resolve against it. */
  pageUrl: string;
  /** Widest an image may be, in CSS pixels: the email's content column. Default 552. */
  maxImageWidth?: number;
}

const DROP = 'script, noscript, style, template, iframe, object, embed, link, meta, base, form, input, button, svg, video, audio';
const BLOCKS = new Set(['ARTICLE', 'SECTION', 'ASIDE', 'HEADER', 'FOOTER', 'FIGURE', 'MAIN', 'NAV']);
const KEEP_ATTRS = new Set(['href', 'src', 'alt', 'width', 'height', 'class', 'title', 'colspan', 'rowspan']);

/** Absolute http(s) or mailto URL, or undefined for anything a mail client should not follow. */
export function emailUrl(value: string, base: string): string | undefined {
  try {
    const url = new URL(value.trim(), base);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function emailContent(html: string, { pageUrl, maxImageWidth = 552 }: EmailContentOptions): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const node of [...document.querySelectorAll(DROP)]) node.remove();
  for (const el of [...document.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) if (!KEEP_ATTRS.has(attr.name.toLowerCase())) el.removeAttribute(attr.name);
    if (el.hasAttribute('href')) {
      const href = emailUrl(el.getAttribute('href') ?? '', pageUrl);
      if (href) el.setAttribute('href', href);
      else el.removeAttribute('href');
    }
    if (el.tagName === 'IMG') {
      const src = emailUrl(el.getAttribute('src') ?? '', pageUrl);
      if (!src || src.startsWith('mailto:')) {
        el.remove();
        continue;
      }
      el.setAttribute('src', src);
      // Outlook sizes images by the attribute alone; without alt a blocked image is a blank box.
      const width = Math.min(Number(el.getAttribute('width')) || maxImageWidth, maxImageWidth);
      el.setAttribute('width', String(width));
      el.removeAttribute('height');
      if (!el.hasAttribute('alt')) el.setAttribute('alt', '');
    }
    if (BLOCKS.has(el.tagName)) {
      const div = document.createElement('div');
      for (const attr of [...el.attributes]) div.setAttribute(attr.name, attr.value);
      while (el.firstChild) div.appendChild(el.firstChild);
      el.replaceWith(div);
    }
  }
  // The take's left rule and its gap: Outlook for Windows (Word's layout engine) ignores padding on a
  // div, so the rule would touch the text; a one-cell table's padding it keeps.
  for (const take of [...document.querySelectorAll('div.story__take')]) {
    const table = document.createElement('table');
    for (const [name, value] of [
      ['role', 'presentation'],
      ['width', '100%'],
      ['cellpadding', '0'],
      ['cellspacing', '0'],
      ['border', '0'],
      ['class', 'story__take-frame'],
    ]) {
      table.setAttribute(name!, value!);
    }
    const cell = table.appendChild(document.createElement('tbody')).appendChild(document.createElement('tr')).appendChild(document.createElement('td'));
    cell.setAttribute('class', 'story__take');
    while (take.firstChild) cell.appendChild(take.firstChild);
    take.replaceWith(table);
  }
  // Comments are build artefacts; Outlook's conditional comments are ours to add, not the content's.
  const walker = document.createTreeWalker(document.body, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
  return document.body.innerHTML.trim();
}
