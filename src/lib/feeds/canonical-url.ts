// One URL per story: absolute, http(s) only, tracking parameters removed. A fragment stays when it
// names a part of the page that is the story: a route on a hash-routed site ("#!/story/1"), a post
// of a live blog or a day page ("#post-101", "#a080605"), a comment of a comments feed. One that
// only scrolls or tracks ("#top", "#comments", "#more-12", "#.VtCA1eS6FaQ", "#xtor=RSS-1") goes. The
// canonical URL is what the stable item id is derived from, so the same story from two feeds dedupes.

// Parameters that identify a campaign or a click, never the page.
const TRACKING = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  'rb_clickid',
  's_cid',
  'ncid',
  'sr_share',
  'cmpid',
  'spm',
  'ref_src',
  'ref_url',
  '__twitter_impression',
  'ito',
  // Google Analytics' cross-domain linker.
  '_ga',
  '_gl',
  '_gac',
  // Matomo's older names and comScore's: by name, since pk_id or ns_page may be a site's own.
  'pk_campaign',
  'pk_kwd',
  'pk_keyword',
  'pk_source',
  'pk_medium',
  'pk_content',
  'pk_cid',
  'ns_campaign',
  'ns_mchannel',
  'ns_source',
  'ns_linkname',
  'ns_fee',
]);
// utm_ (Google), mtm_ (Matomo), hsa_ (HubSpot), wt_/wt. (Webtrekk): every parameter of theirs is one.
const TRACKING_PREFIX = /^(?:utm_|mtm_|hsa_|wt_|wt\.)/i;
const ROUTE_FRAGMENT = /^#(?:!|\/)/;
// Fragments that scroll to a part of every article, not to a story of its own: the top, the body,
// the comments and the form, WordPress's "read more" anchor, a "jump" past the fold.
const NAVIGATION_FRAGMENT =
  /^#(?:top|start|begin|main|content|main-?content|article|story|body|skip|page|jump|continue|more(?:-\d+)?|read-?more|comments?|comment-?form|respond|reply|disqus_thread|discussion)$/i;
// Fragments written by share and analytics scripts: AddThis ("#.VtCA1eS6FaQ"), ShareThis
// ("#sthash.x1y2.dpuf"), Tynt ("#ixzz4abc"), IDG ("#tk.rss_all"), and key=value tracking ("#xtor=RSS-3",
// "#utm_source=rss", "#ref=rss").
const TRACKING_FRAGMENT = /^#(?:\.[\w-]+$|sthash\.|ixzz|tk\.)/i;
const FRAGMENT_TRACKING_KEYS = new Set(['xtor', 'ref', 'src', 'source', 'from', 'via', 'ftag', 'intcmp', 'cmp', 'cid', 'rss', 'feed']);

/** Whether a fragment should stay in the story's URL (see the top of this file). */
function keepsFragment(hash: string): boolean {
  if (!hash || hash === '#') return false;
  if (ROUTE_FRAGMENT.test(hash)) return true;
  if (NAVIGATION_FRAGMENT.test(hash) || TRACKING_FRAGMENT.test(hash)) return false;
  const pairs = hash.slice(1).split('&');
  if (pairs.every((pair) => pair.includes('='))) {
    const keys = pairs.map((pair) => decodeURIComponentSafe(pair.slice(0, pair.indexOf('='))).toLowerCase());
    return !keys.every((key) => TRACKING.has(key) || TRACKING_PREFIX.test(key) || FRAGMENT_TRACKING_KEYS.has(key) || /^at_/.test(key));
  }
  return true;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Resolves `href` against `base` and canonicalises it; undefined for anything that is not an
 * http(s) URL after resolution (javascript:, data:, vbscript:, mailto:, garbage).
 */
export function canonicalUrl(href: string | undefined, base?: string): string | undefined {
  // As browsers do: tabs, newlines and control characters inside a URL are removed ("java\tscript:").
  // An ampersand escaped once more than XML needs ("?a=1&amp;amp;b=2" in the feed, or "&amp;" inside
  // CDATA) is an ampersand: no page's query has a parameter named "amp;b".
  // A link pasted from a rich-text field may carry markup ("https://x/a<br>", or a whole
  // <a href="…">…</a>), and zero-width or no-break spaces at its ends; none is part of a URL.
  const raw = withoutMarkup(href)
    ?.replace(/[\u0000-\u001F\u007F]+/g, '')
    .replace(/&(?:(?:amp|#0*38|#x0*26);)+/gi, '&')
    .replace(/^[\s\u00A0\u200B-\u200D\u2060\uFEFF]+|[\s\u00A0\u200B-\u200D\u2060\uFEFF]+$/g, '');
  if (!raw) return undefined;
  let url: URL;
  try {
    url = base && URL.canParse(base) ? new URL(raw, base) : new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname) return undefined;
  const target = redirectTarget(url);
  if (target) return canonicalUrl(target);
  if (!keepsFragment(url.hash)) url.hash = '';
  url.username = '';
  url.password = '';
  if (url.search) {
    // Only touch the query when it has tracking parameters: URLSearchParams re-encodes what it rewrites.
    const keys = [...url.searchParams.keys()].filter((key) => TRACKING.has(key.toLowerCase()) || TRACKING_PREFIX.test(key));
    for (const key of keys) url.searchParams.delete(key);
    if (url.search === '?') url.search = '';
  }
  return url.href;
}

// Google's click-through redirect, which every Google Alerts entry links to
// ("https://www.google.com/url?rct=j&sa=t&url=https://publisher.example/story&ct=ga&usg=…").
const GOOGLE_HOST = /^(?:www\.)?google\.(?:[a-z]{2,3}|co\.[a-z]{2}|com\.[a-z]{2})$/i;

/**
 * The article a redirect link leads to: Google's /url?url=… (or ?q=…), when it is an absolute
 * http(s) URL. The story then has the URL, and the id, it has in the publisher's own feed.
 */
function redirectTarget(url: URL): string | undefined {
  if (url.pathname !== '/url' || !GOOGLE_HOST.test(url.hostname)) return undefined;
  const target = url.searchParams.get('url') ?? url.searchParams.get('q');
  return target && /^https?:\/\/[^/]/i.test(target) ? target : undefined;
}

/** A link written as markup: an anchor's href, else the text without its tags. */
function withoutMarkup(href: string | undefined): string | undefined {
  if (!href?.includes('<')) return href;
  const anchor = /<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(href);
  return anchor ? (anchor[1] ?? anchor[2] ?? anchor[3]) : href.replace(/<[^>]*>/g, '');
}

/** Resolves a chain of bases (document URL, then xml:base of the feed, then of the entry). */
export function resolveBase(...bases: Array<string | undefined>): string | undefined {
  let current: string | undefined;
  for (const base of bases) {
    if (!base) continue;
    try {
      current = current ? new URL(base.trim(), current).href : new URL(base.trim()).href;
    } catch {
      // A relative base with nothing to resolve it against is ignored.
    }
  }
  return current;
}
