// The publication's identity, used by pages, feeds, cards and email.
export const SITE = {
  name: 'Substation',
  tagline: 'Research on the infrastructure under AI',
  description:
    'Investment research on the chips, power, networks, data centres, storage and security that every AI product runs on.',
  locale: 'en',
  /** Author ids are files in content/authors; the publisher is the publication itself. */
  publisher: 'Substation Research',
} as const;

/** Dates as printed on pages: "14 March 2026", in UTC so the day never shifts with the build machine. */
export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
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
