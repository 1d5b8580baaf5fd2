// Tells a feed from something else before parsing, and for an HTML page finds the feed it
// advertises (<link rel="alternate" type="application/rss+xml" href="...">), as readers do.

const FEED_TYPES = /application\/(?:rss|atom|rdf|feed)\+(?:xml|json)|application\/xml|text\/xml/i;

/**
 * The name of the first element (lowercased), skipping comments, processing instructions and the
 * doctype; `html` tells that the doctype was an HTML one. A feed decides by its root element: a
 * stray <!DOCTYPE html> before <rss> is a publisher's template slip, not a page.
 */
export function rootElement(text: string): { name: string | undefined; html: boolean } {
  let i = 0;
  let html = false;
  for (let guard = 0; guard < 100; guard++) {
    const lt = text.indexOf('<', i);
    if (lt === -1) break;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt);
      if (end === -1) break;
      i = end + 3;
    } else if (text.startsWith('<?', lt) || text.startsWith('<!', lt)) {
      if (/^<!doctype\s+html/i.test(text.slice(lt, lt + 20))) html = true;
      const end = text.indexOf('>', lt);
      if (end === -1) break;
      i = end + 1;
    } else {
      return { name: /^<([A-Za-z_][\w:.-]*)/.exec(text.slice(lt, lt + 200))?.[1]?.toLowerCase(), html };
    }
  }
  return { name: undefined, html };
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** The first feed an HTML page advertises, resolved against `baseUrl`; http(s) only. */
export function findAlternateFeed(html: string, baseUrl?: string): string | undefined {
  for (const [tag] of html.slice(0, 200_000).matchAll(/<link\b[^>]*>/gi)) {
    const rel = attribute(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const type = attribute(tag, 'type') ?? '';
    const href = attribute(tag, 'href');
    if (!rel.includes('alternate') || !FEED_TYPES.test(type) || !href) continue;
    try {
      const url = new URL(href.replace(/&amp;/g, '&'), baseUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // A relative href on a page read from a file has no base: nothing to report.
    }
  }
  return undefined;
}
