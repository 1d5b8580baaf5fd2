// One URL per story: absolute, http(s) only, tracking parameters and fragment removed (but a route
// fragment, "#!/story/1" or "#/story/1", names the page on a hash-routed site and stays). The
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

/**
 * Resolves `href` against `base` and canonicalises it; undefined for anything that is not an
 * http(s) URL after resolution (javascript:, data:, vbscript:, mailto:, garbage).
 */
export function canonicalUrl(href: string | undefined, base?: string): string | undefined {
  // As browsers do: tabs, newlines and control characters inside a URL are removed ("java\tscript:").
  // An ampersand escaped once more than XML needs ("?a=1&amp;amp;b=2" in the feed, or "&amp;" inside
  // CDATA) is an ampersand: no page's query has a parameter named "amp;b".
  const raw = href
    ?.replace(/[\u0000-\u001F\u007F]+/g, '')
    .replace(/&(?:(?:amp|#0*38|#x0*26);)+/gi, '&')
    .trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = base && URL.canParse(base) ? new URL(raw, base) : new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname) return undefined;
  if (!ROUTE_FRAGMENT.test(url.hash)) url.hash = '';
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
