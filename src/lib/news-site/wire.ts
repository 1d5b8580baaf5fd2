// The news wire's ordering and grouping: newest first, then by id so ties never reorder between
// builds, and one group per UTC day so a page reads like a wire service's log.
import type { NewsItem } from '../schema/news.ts';
import { formatUtcDay, formatUtcMonth, formatUtcShortDateTime, formatUtcTime, utcDay } from './utc-dates.ts';

type Dated = Pick<NewsItem, 'id' | 'published'>;

/** Newest first; equal instants fall back to the id so the order is total and stable. */
export function byNewest(a: Dated, b: Dated): number {
  if (a.published !== b.published) return a.published < b.published ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface DayGroup<T> {
  /** The UTC day as "YYYY-MM-DD", for <time datetime>. */
  day: string;
  items: T[];
}

/** Consecutive items grouped by UTC day, keeping their order; expects items sorted by `byNewest`. */
export function groupByDay<T extends Dated>(items: readonly T[]): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const day = utcDay(item.published) ?? item.published.slice(0, 10);
    const last = groups.at(-1);
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

/** Where a month begins on a paginated wire: its newest story's page and day. */
export interface MonthStart {
  /** "YYYY-MM", UTC. */
  month: string;
  /** "November 2026". */
  label: string;
  /** The 1-based page that shows the month's newest story. */
  page: number;
  /** That story's UTC day, "YYYY-MM-DD": the day heading to jump to. */
  day: string;
}

/** Each UTC month of a wire sorted by `byNewest`, newest first, with where it begins at `pageSize` a page. */
export function monthStarts(items: readonly Dated[], pageSize: number): MonthStart[] {
  const months: MonthStart[] = [];
  items.forEach((item, i) => {
    const day = utcDay(item.published) ?? item.published.slice(0, 10);
    const month = day.slice(0, 7);
    if (months.at(-1)?.month !== month) months.push({ month, label: formatUtcMonth(month), page: Math.floor(i / pageSize) + 1, day });
  });
  return months;
}

/** A day heading as printed: "Tuesday, 3 November 2026", in UTC like every date on the site. */
export function formatDay(day: string): string {
  return formatUtcDay(day, { weekday: true });
}

/** An item's time of day as printed beside it: "14:05 UTC". */
export const formatTime = formatUtcTime;

/** An item's day and time, for lists that are not grouped by day: "3 Nov, 14:05 UTC". */
export const formatDateTime = formatUtcShortDateTime;

/** What goes before the `index`th of `count` names in a running list: "", ", " or " and ". */
export function listSeparator(index: number, count: number): string {
  if (index === 0) return '';
  return index === count - 1 ? ' and ' : ', ';
}

/**
 * "also covered by N sources" for a story that more than one source covered, else nothing. Used
 * only when the other sources are not at hand; with them, the item names and links each one.
 */
export function coverageNote(clusterSize: number): string | undefined {
  const others = clusterSize - 1;
  if (others < 1) return undefined;
  return `also covered by ${others} ${others === 1 ? 'source' : 'sources'}`;
}
