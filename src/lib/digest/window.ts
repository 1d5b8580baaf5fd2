// The span of news an issue covers: an ISO week ("2026-W47", Monday 00:00 UTC to the next Monday)
// or explicit days. All in UTC so a draft never depends on the editor's time zone.
import { ISO_WEEK } from '../schema/issue.ts';

export interface DigestWindow {
  /** First instant covered, inclusive. */
  from: Date;
  /** First instant not covered (exclusive): midnight after the last day. */
  to: Date;
  /** The ISO week written to the issue: the week of `from`. */
  week: string;
}

const DAY = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Monday 00:00 UTC of ISO week 1: the week holding the year's first Thursday. */
function weekOneMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - weekday * DAY;
}

/** The ISO week of an instant, e.g. "2026-W47". */
export function isoWeekOf(instant: Date): string {
  const day = Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate());
  const thursday = day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - weekOneMonday(year)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function weekWindow(week: string): DigestWindow {
  const match = ISO_WEEK.exec(week);
  if (!match) throw new RangeError(`expected an ISO week such as 2026-W47, received "${week}"`);
  const from = weekOneMonday(Number(match[1])) + (Number(match[2]) - 1) * 7 * DAY;
  // 2026 has 53 weeks, 2027 has 52: W53 of a short year is really W01 of the next.
  if (isoWeekOf(new Date(from)) !== week) throw new RangeError(`${match[1]} has no week ${match[2]}`);
  return { from: new Date(from), to: new Date(from + 7 * DAY), week };
}

/** Days `from` to `to`, both inclusive, as YYYY-MM-DD. */
export function dayWindow(from: string, to: string): DigestWindow {
  for (const [flag, value] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (!ISO_DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
      throw new RangeError(`${flag}: expected a day as YYYY-MM-DD such as 2026-11-16, received "${value}"`);
  }
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + DAY);
  if (end <= start) throw new RangeError(`--to (${to}) is before --from (${from})`);
  return { from: start, to: end, week: isoWeekOf(start) };
}

/** The last complete ISO week before `now`: what a Monday-morning run drafts. */
export function previousWeek(now: Date): DigestWindow {
  return weekWindow(isoWeekOf(new Date(now.getTime() - 7 * DAY)));
}

/** "16–22 November 2026" (or across months, "30 November – 6 December 2026"). */
export function describeWindow({ from, to }: DigestWindow): string {
  const last = new Date(to.getTime() - DAY);
  const fmt = (d: Date, opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: 'UTC' }).format(d);
  const lastText = fmt(last, { day: 'numeric', month: 'long', year: 'numeric' });
  if (from.getUTCFullYear() !== last.getUTCFullYear()) return `${fmt(from, { day: 'numeric', month: 'long', year: 'numeric' })} – ${lastText}`;
  if (from.getUTCMonth() !== last.getUTCMonth()) return `${fmt(from, { day: 'numeric', month: 'long' })} – ${lastText}`;
  if (from.getUTCDate() === last.getUTCDate()) return lastText;
  return `${from.getUTCDate()}–${lastText}`;
}

/**
 * A warning when the window is not over at `now` (the run's clock): its issue would miss the news
 * of the days left. Undefined once the window has ended, as for the default previous week.
 */
export function unfinishedWindowWarning(window: DigestWindow, now: Date): string | undefined {
  if (now >= window.to) return undefined;
  const clock = `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const state = now < window.from ? 'has not started yet' : 'has not ended yet';
  return `⚠ ${window.week} (${describeWindow(window)}) ${state}: it is ${clock}, so the draft misses the news until it ends at ${window.to.toISOString().slice(0, 10)} 00:00 UTC. Draft it again then, or pick a finished week with --week.`;
}
