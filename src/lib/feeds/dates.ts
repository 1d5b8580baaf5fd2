// Feed dates to ISO UTC. Feeds use RFC 822 (with named zones), ISO 8601 with or without a zone, or
// garbage; a date with no zone is read as UTC so the result does not depend on the machine's TZ.

const NAMED_ZONES: Record<string, string> = {
  UT: '+0000', UTC: '+0000', GMT: '+0000', Z: '+0000',
  EST: '-0500', EDT: '-0400', CST: '-0600', CDT: '-0500', MST: '-0700', MDT: '-0600', PST: '-0800', PDT: '-0700',
  CET: '+0100', CEST: '+0200', BST: '+0100', IST: '+0530', JST: '+0900', KST: '+0900', AEST: '+1000', AEDT: '+1100',
};

/** Parses a feed date; undefined when it is not a date. */
export function parseFeedDate(value: string | undefined): Date | undefined {
  let text = value?.trim();
  if (!text) return undefined;
  // The common case, RFC 822 in GMT or with a numeric zone, needs no rewriting.
  if (/^(?:\w{3}, )?\d{1,2} \w{3} \d{4} \d{2}:\d{2}(?::\d{2})? (?:GMT|[+-]\d{4})$/.test(text)) return checked(new Date(text));
  if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(text)) text = `${text.replace(' ', 'T')}Z`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) text = `${text}T00:00:00Z`;
  else text = text.replace(/\b([A-Z]{1,4})$/, (zone) => NAMED_ZONES[zone] ?? zone);
  return checked(new Date(text));
}

function checked(date: Date): Date | undefined {
  // Years outside this window are typos or placeholders (0001-01-01), not publication dates.
  const year = date.getUTCFullYear();
  return Number.isNaN(year) || year < 1990 || year > 2200 ? undefined : date;
}

/**
 * The publication instant: the first of `candidates` that parses, else `firstSeen`; a date in the
 * future (a wrong zone, a scheduled post) is clamped to `now`.
 */
export function publishedAt(candidates: Array<string | undefined>, firstSeen: Date, now: Date): string {
  for (const candidate of candidates) {
    const date = parseFeedDate(candidate);
    if (date) return (date.getTime() > now.getTime() ? now : date).toISOString();
  }
  return firstSeen.toISOString();
}
