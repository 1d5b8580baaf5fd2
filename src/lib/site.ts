// The publication's identity, used by pages, feeds, cards and email.
export const SITE = {
  name: 'Substation',
  tagline: 'Research on the infrastructure under AI',
  description: 'Investment research on the chips, power, networks, data centres, storage and security that every AI product runs on.',
  locale: 'en',
  /** Author ids are files in content/authors; the publisher is the publication itself. */
  publisher: 'Substation Research',
  /**
   * Entries each essay and issue feed carries, newest first, with full content: 20 keeps every feed
   * well under 1 MB at any size of archive (readers truncate or refuse larger ones). The back
   * catalogue is on /archive/. SUBSTATION_FEED_LIMIT overrides it for one build.
   */
  feedLimit: 20,
  /**
   * Stories of the news wire the search index carries, newest first; older ones stay on the wire's
   * pages, its topic pages and the company pages. Pagefind's cost per record grows with the size of
   * the index (`npm run bench:news -- 100000` on 2 cores: 10,000 stories indexed in 5-7 s, 20,000 in
   * about 15 s, all 100,000 in 109 s), so an unbounded wire would make search most of the build.
   * SUBSTATION_SEARCH_NEWS_LIMIT overrides it for one build; 0 indexes every story.
   */
  searchNewsLimit: 20_000,
  /**
   * The site-wide disclaimer, set here once: printed in every page footer, under each essay's
   * disclosures, in its feed entries and in the newsletter.
   */
  disclaimer:
    'Substation publishes research for information only. It is not investment advice, nor an offer or solicitation to buy or sell any security, and it does not take account of any reader’s circumstances. Authors may hold positions in companies they write about; each essay discloses them.',
} as const;

/** The feed limit for this build: SUBSTATION_FEED_LIMIT when it is a whole number from 1, else SITE.feedLimit. */
export function feedLimit(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.SUBSTATION_FEED_LIMIT);
  return Number.isInteger(value) && value >= 1 ? value : SITE.feedLimit;
}

/** The search index's news limit for this build: SUBSTATION_SEARCH_NEWS_LIMIT when a whole number (0: every story), else SITE.searchNewsLimit. */
export function searchNewsLimit(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SUBSTATION_SEARCH_NEWS_LIMIT;
  const value = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isInteger(value) || value < 0) return SITE.searchNewsLimit;
  return value === 0 ? Infinity : value;
}

// One formatter for the build: making an Intl.DateTimeFormat costs far more than using one, and a
// thousand-essay build prints tens of thousands of dates.
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Dates as printed on pages: "14 March 2026", in UTC so the day never shifts with the build machine. */
export function formatDate(date: Date): string {
  return DAY.format(date);
}

/** Machine-readable date for <time datetime>. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "A", "A and B", "A, B and C": names as a byline reads them. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
