// How much the wire has carried on each company: stories per week (Monday to Sunday, UTC) over the
// last N weeks, counted in one pass over the store. A story counts once, in the week of its lead
// item, as the company page lists it (groupStories). The window ends with the week of the newest
// item in the store, not the build's clock, so rebuilding the same store changes no byte.
import type { NewsItem } from '../schema/news.ts';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

export interface CoverageWeek {
  /** The Monday the week starts on, "YYYY-MM-DD" (UTC). */
  start: string;
  count: number;
}

export interface CoverageWindow {
  /** The Monday of the last week shown. */
  end: string;
  weeks: number;
}

/** The Monday (UTC) of the week containing `instant`, as "YYYY-MM-DD". */
export function mondayOf(instant: string | Date): string {
  const t = new Date(instant).getTime();
  const day = Math.floor(t / DAY) * DAY;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(day - weekday * DAY).toISOString().slice(0, 10);
}

/** The window of `weeks` weeks ending with the week of the newest item; undefined for an empty store. */
export function coverageWindow(items: ReadonlyArray<Pick<NewsItem, 'published'>>, weeks = 26): CoverageWindow | undefined {
  let newest: string | undefined;
  for (const { published } of items) if (newest === undefined || published > newest) newest = published;
  return newest === undefined ? undefined : { end: mondayOf(newest), weeks };
}

/** The Mondays of the window, oldest first. */
export function windowWeeks({ end, weeks }: CoverageWindow): string[] {
  const last = Date.parse(`${end}T00:00:00Z`);
  return Array.from({ length: weeks }, (_, i) => new Date(last - (weeks - 1 - i) * WEEK).toISOString().slice(0, 10));
}

/**
 * Stories per week for every company named in `stories`, oldest week first; a company with no story
 * in the window gets no entry (use `emptyCoverage`). Stories outside the window are not counted.
 */
export function coverageByCompany(stories: ReadonlyArray<Pick<NewsItem, 'published' | 'companies'>>, window: CoverageWindow): Map<string, CoverageWeek[]> {
  const weeks = windowWeeks(window);
  const index = new Map(weeks.map((start, i) => [start, i]));
  const out = new Map<string, CoverageWeek[]>();
  for (const story of stories) {
    const i = index.get(mondayOf(story.published));
    if (i === undefined) continue;
    for (const id of new Set(story.companies)) {
      const series =
        out.get(id) ??
        out
          .set(
            id,
            weeks.map((start) => ({ start, count: 0 })),
          )
          .get(id)!;
      series[i]!.count += 1;
    }
  }
  return out;
}

/** A window with no stories: every week at zero. */
export function emptyCoverage(window: CoverageWindow): CoverageWeek[] {
  return windowWeeks(window).map((start) => ({ start, count: 0 }));
}
