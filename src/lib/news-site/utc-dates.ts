// News dates as every page and the search page print them: in UTC, by the calendar of the UTC
// instant, whatever the zone of the build machine or of the reader's browser. Built from the digits
// of the ISO string, not from Date's local getters or Intl, so no zone and no ICU version can move a
// story from 1 December to 30 November (or spell September "Sept").

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An instant as "YYYY-MM-DDTHH:MM:SS.sssZ" (UTC), or undefined when it is not a date. The store
 * already writes this form; anything else (an offset such as "+09:00") is converted.
 */
export function utcInstant(value: string): string | undefined {
  if (UTC_INSTANT.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The UTC calendar day of an instant, or a day given as "YYYY-MM-DD", as "YYYY-MM-DD". */
export function utcDay(value: string): string | undefined {
  if (DAY.test(value)) return value;
  return utcInstant(value)?.slice(0, 10);
}

function parts(day: string) {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return { year, month: MONTHS[month - 1]!, date, weekday: WEEKDAYS[new Date(Date.UTC(year, month - 1, date)).getUTCDay()]! };
}

/** "1 December 2026", or "Tuesday, 1 December 2026" with `weekday`, for a day or an instant (its UTC day). */
export function formatUtcDay(value: string, { weekday = false }: { weekday?: boolean } = {}): string {
  const day = utcDay(value);
  if (!day) return value;
  const p = parts(day);
  return `${weekday ? `${p.weekday}, ` : ''}${p.date} ${p.month} ${p.year}`;
}

/** "November 2026": a UTC month given as "YYYY-MM". */
export function formatUtcMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[number - 1] ?? month} ${year}`;
}

/** "00:30 UTC": an instant's time of day, always with the zone so no reader takes it for local time. */
export function formatUtcTime(instant: string): string {
  const iso = utcInstant(instant);
  return iso ? `${iso.slice(11, 16)} UTC` : instant;
}

/** "1 Dec, 00:30 UTC": day and time for lists of recent items, where the year goes without saying. */
export function formatUtcShortDateTime(instant: string): string {
  const iso = utcInstant(instant);
  if (!iso) return instant;
  const p = parts(iso.slice(0, 10));
  return `${p.date} ${p.month.slice(0, 3)}, ${formatUtcTime(iso)}`;
}

/** "1 December 2026, 00:30 UTC": day, year and time, for places that mix old and new (search results). */
export function formatUtcDateTime(instant: string): string {
  const iso = utcInstant(instant);
  return iso ? `${formatUtcDay(iso)}, ${formatUtcTime(iso)}` : instant;
}
