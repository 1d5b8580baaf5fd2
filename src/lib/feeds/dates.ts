// Feed dates to ISO UTC. Feeds use RFC 822 (with named zones), ISO 8601 with or without a zone, or
// garbage. A date with no zone is read as UTC: JavaScript's Date reads it in the machine's zone, so
// every string reaches Date with an explicit offset and the result does not depend on TZ.

import { englishMonths } from './month-names.ts';

// Abbreviations with one fixed offset.
// RFC 822's one-letter military zones (A to Y but J, Z) had their signs reversed in its own text,
// so RFC 5322 (4.3) says to read them as "-0000", UTC with the local zone unknown: a date a few
// hours out, not the time of the run.
const MILITARY = Object.fromEntries([...'ABCDEFGHIKLMNOPQRSTUVWXY'].map((letter) => [letter, 0]));

const FIXED_ZONES: Record<string, number> = {
  ...MILITARY,
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  IST: 330,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  MEZ: 60,
  MESZ: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  HKT: 480,
  SGT: 480,
  AWST: 480,
  JST: 540,
  KST: 540,
  ACST: 570,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  // Zones of Africa, South and South-east Asia and South America that their news sites write.
  WEZ: 0,
  WESZ: 60,
  WAT: 60,
  CAT: 120,
  SAST: 120,
  EAT: 180,
  PKT: 300,
  ICT: 420,
  WIB: 420,
  WITA: 480,
  WIT: 540,
  PHT: 480,
  MYT: 480,
  BRT: -180,
  ART: -180,
};
// Names that follow daylight saving ("ET" is EST in winter, EDT in summer): read for the date itself.
const REGIONAL_ZONES: Record<string, string> = { ET: 'America/New_York', CT: 'America/Chicago', MT: 'America/Denver', PT: 'America/Los_Angeles' };

const RFC822_WITH_ZONE = /^(?:\w{3}, )?\d{1,2} \w{3} \d{4} \d{2}:\d{2}(?::\d{2})? (?:GMT|[+-]\d{4})$/;
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// A trailing zone: a numeric offset (+0200, +02:00, +02; after GMT, UTC or UT also GMT+2), an IANA
// name (Etc/GMT+5), or letters.
const TRAILING_ZONE = /\s*(?:((?:GMT|UTC|UT)[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}(?::?\d{2})?)|([A-Za-z]+\/[\w+\-/]+)|\b([A-Z]{1,5}))$/;
// A comment after the date, as RFC 5322 allows ("+0200 (CEST)") and Date.prototype.toString writes
// ("GMT+0200 (Central European Summer Time)"): the offset before it is what counts.
const TRAILING_COMMENT = /\s*\([^()]*\)$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// A day of a named month, as RFC 822 writes it ("31 Apr 2024", "01-May-24").
const DAY_MONTH_YEAR = /\b(\d{1,2})[ -]([A-Za-z]{3})[A-Za-z]*\.?[ -](\d{4}|\d{2})\b/;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The UTC offset of an IANA zone at an instant, in minutes; undefined for an unknown zone. */
function ianaOffset(zone: string, at: number): number | undefined {
  let format = offsetFormats.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    } catch {
      return undefined;
    }
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = /([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

function numericOffset(text: string): number {
  const match = /([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text)!;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

/** An ISO offset as Date reads it: "+02" and "+0200" become "+02:00"; "Z" stays. */
function isoOffset(zone: string): string {
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  return match ? `${match[1]}${match[2]}:${match[3] ?? '00'}` : zone.toUpperCase();
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** True when the text names a day its month does not have ("2024-02-30", "31 Apr 2024"), which Date would roll into the next month. */
function impossibleDay(text: string): boolean {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return Number(iso[3]) > daysIn(Number(iso[1]), Number(iso[2]) - 1);
  const named = DAY_MONTH_YEAR.exec(text);
  const month = named ? MONTHS.indexOf(named[2]!.toLowerCase()) : -1;
  if (!named || month < 0) return false;
  const year = named[3]!.length === 2 ? 2000 + Number(named[3]) : Number(named[3]);
  return Number(named[1]) > daysIn(year, month);
}

/** Minutes east of UTC for a zone token, given the wall-clock time read as if it were UTC. */
function zoneOffset(token: string, wallAsUtc: number): number | undefined {
  if (/\d/.test(token) && !token.includes('/')) return numericOffset(token);
  const fixed = FIXED_ZONES[token];
  if (fixed !== undefined) return fixed;
  const iana = REGIONAL_ZONES[token] ?? (token.includes('/') ? token : undefined);
  if (!iana) return undefined;
  // The offset at the wall-clock time is a first guess; asking again at the corrected instant gets
  // the right side of a daylight-saving change.
  const guess = ianaOffset(iana, wallAsUtc);
  return guess === undefined ? undefined : ianaOffset(iana, wallAsUtc - guess * 60_000);
}

// Numeric forms with one reading, as ISO 8601's extended form: a dotted day.month.year ("02.11.2026
// 10:00", as German, Russian and other European feeds write it; V8's own parser took it for
// 11 February), and ISO 8601's basic form ("20261102T100000Z"). A slashed date is read as V8 reads
// it, month first ("11/24/2026"), only when that is its one reading (see slashedDate).
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(.*)$/;
// Year, month and day with Chinese, Japanese or Korean unit signs: "2026年11月1日 10:00", "2026년 11월 1일".
const CJK = /^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]\s*(?:(\d{1,2}):(\d{2})(?::(\d{2}))?)?(.*)$/;
// A dash between the year and the time, as Drupal's default format writes it ("Monday, November 16,
// 2026 - 14:30"), an "at" or "@" ("November 24, 2026 at 9:30 am", WordPress's "… 2026 @ 9:30 am"),
// and German's "Uhr" after the time ("18. November 2026, 10:00 Uhr").
// The word is English's "at" or another language's: French "à", German "um", Dutch "om", Italian
// "ore" or "alle ore", Spanish "a las", Portuguese "às", Scandinavian "kl.".
const DASH_BEFORE_TIME = /(\d{4}),?\s+(?:[-–@]|at|à|um|om|(?:alle\s+)?ore|alle|a\s+las|às|kl\.?)\s+(\d{1,2}:\d\d)/i;
const UHR = /(\d:\d\d(?::\d\d)?)\s*Uhr\b/i;
// "am" or "pm" written onto the time or with full stops ("9:30am", AP style's "9:30 a.m."), which
// V8 reads only as a word of its own: "9:30 AM".
const MERIDIEM = /(\d:\d\d(?::\d\d)?)\s*([ap])\.?m\b\.?/gi;
// An English ordinal day ("Nov 24th, 2026", "1st December 2026"), or French's first ("1er
// décembre 2026"): the number alone.
const ORDINAL_DAY = /\b(\d{1,2})(?:st|nd|rd|th|er)\b/gi;
// RFC 850's dashed day, month and two-digit year ("23-Nov-26", HTTP's old date form): V8 read it as
// 24 November 2001, two hours past midnight. With spaces it reads as RFC 822's "23 Nov 26".
const DASHED_DAY_MONTH = /\b(\d{1,2})-([A-Za-z]{3,9})-(\d{2}|\d{4})\b/;
// Month, day and year, or day, month and year: "11/24/2026" is American, "24/11/2026" British, and
// "02/11/2026" either. V8 reads the first and no other.
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/;
// Unix time, in seconds (nine or ten digits: 1990 to 2286) or milliseconds (twelve or thirteen), as
// a CMS writes its timestamp column into <pubDate>: an instant, in no zone.
const EPOCH = /^(?:\d{9,10}|\d{12,13})$/;
// Java's ZonedDateTime writes the zone's name after the offset ("2026-11-24T09:30:00+01:00[Europe/Paris]"):
// the offset says it; with none, the name does.
const BRACKETED_ZONE = /\[([A-Za-z][\w+\-/]*)\]$/;
// A year of four digits below 100 ("Mon, 01 Jan 0001", Go's zero time, which Hugo writes for a page
// without a date): V8 reads it as 2001. It is no date. (Four digits after the time are an offset.)
const ZERO_YEAR = /(?<!:\d\d)(?:^|[\s,/])0\d{3}(?=$|[\s,T-])/;
const MAX_DATE_LENGTH = 200;
// A leap second ("23:59:60") is read as the second before: no parser here takes it.
const LEAP_SECOND = /(\d:\d\d):60(?!\d)/;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// ISO 8601 with less precision: a month ("2026-11", the 1st; its "-11" was read as a zone, giving
// 1 January 11:00) or an hour ("2026-11-01T10"), and an ordinal day ("2026-305").
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const ISO_HOUR = /^(\d{4}-\d{2}-\d{2}[T ]\d{2})(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO_ORDINAL = /^(\d{4})-(\d{3})$/;
// A numeric offset followed by its zone's name ("-05:00 EST", "+0100 CET"): the offset says it.
const OFFSET_THEN_NAME = /([+-]\d{2}:?\d{2})\s+[A-Z]{2,5}$/;
const pad = (n: string) => n.padStart(2, '0');
// Date.prototype.toString's and date(1)'s order, the zone between the time and the year ("Mon Nov
// 30 14:05:00 EST 2026", "… GMT+01:00 2026"): the zone moves to the end, where it is read.
const ZONE_BEFORE_YEAR = /^(\w{3},? \w{3} +\d{1,2} \d{1,2}:\d{2}(?::\d{2})?) ([A-Z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}) (\d{4})$/;

function otherForms(text: string): string {
  const month = ISO_MONTH.exec(text);
  // '' is no date: "2026-13" is not 1 January 13:00.
  if (month) return Number(month[2]) >= 1 && Number(month[2]) <= 12 ? `${text}-01` : '';
  const hour = ISO_HOUR.exec(text);
  if (hour) return `${hour[1]}:00${hour[2] ?? ''}`;
  const ordinal = ISO_ORDINAL.exec(text);
  if (ordinal) {
    const [year, day] = [Number(ordinal[1]), Number(ordinal[2])];
    const date = new Date(Date.UTC(year, 0, day));
    return day >= 1 && date.getUTCFullYear() === year ? date.toISOString().slice(0, 10) : '';
  }
  return text.replace(OFFSET_THEN_NAME, '$1');
}

const isoOf = (y: string, m: string, d: string, hh?: string, mm?: string, ss?: string, rest?: string) =>
  `${y}-${pad(m)}-${pad(d)}${hh ? `T${pad(hh)}:${mm}:${ss ?? '00'}` : ''}${rest ?? ''}`;

/**
 * A slashed date as V8 reads it, month first: a day-first one with a day past 12 ("24/11/2026") is
 * turned round; one that reads both ways with different dates ("02/11/2026") is no date ('') rather
 * than the wrong one of two. Other text is returned as it was.
 */
function slashedDate(text: string): string {
  const slashed = SLASHED.exec(text);
  if (!slashed) return text;
  const [whole, first, second, year] = slashed;
  const [a, b] = [Number(first), Number(second)];
  if (a > 12 && b <= 12) return `${second}/${first}/${year}${text.slice(whole.length)}`;
  return a <= 12 && b <= 12 && a !== b ? '' : text;
}

function extendedForm(written: string): string {
  const text = englishMonths(
    slashedDate(written)
      .replace(ZONE_BEFORE_YEAR, '$1 $3 $2')
      .replace(DASHED_DAY_MONTH, '$1 $2 $3')
      .replace(LEAP_SECOND, '$1:59')
      .replace(DASH_BEFORE_TIME, '$1 $2')
      .replace(UHR, '$1')
      .replace(MERIDIEM, (_, time: string, half: string) => `${time} ${half.toUpperCase()}M`)
      .replace(ORDINAL_DAY, '$1'),
  );
  const dotted = DOTTED.exec(text);
  if (dotted) {
    const [, d, m, y, hh, mm, ss, rest] = dotted;
    return isoOf(y!, m!, d!, hh, mm, ss, rest);
  }
  const cjk = CJK.exec(text);
  if (cjk) {
    const [, y, m, d, hh, mm, ss, rest] = cjk;
    return isoOf(y!, m!, d!, hh, mm, ss, rest);
  }
  const basic = ISO_BASIC.exec(text);
  if (basic) {
    const [, y, m, d, hh, mm, ss, zone] = basic;
    return isoOf(y!, m!, d!, hh, mm, ss, zone);
  }
  return otherForms(text);
}

/** Parses a feed date; undefined when it is not a date. */
export function parseFeedDate(value: string | undefined): Date | undefined {
  return readFeedDate(value)?.date;
}

/** A feed date and whether it says its zone (a date without one is read as UTC, which may be hours off). */
export function readFeedDate(value: string | undefined): { date: Date; zoned: boolean } | undefined {
  // No date is this long; a longer text is no date, and the patterns below need not read it (some
  // take time with the square of a long run of spaces).
  const trimmed = value?.trim();
  if (!trimmed || trimmed.length > MAX_DATE_LENGTH) return undefined;
  const written = trimmed
    .replace(TRAILING_COMMENT, '')
    .replace(BRACKETED_ZONE, (_, zone: string, at: number, all: string) => (/(?:Z|[+-]\d{2}:?\d{2})$/i.test(all.slice(0, at)) ? '' : ` ${zone}`));
  const result = (date: Date | undefined, zoned: boolean) => (date ? { date, zoned } : undefined);
  if (EPOCH.test(written)) {
    const epoch = Number(written);
    return result(checked(new Date(written.length > 10 ? epoch : epoch * 1000)), true);
  }
  const text = written && extendedForm(written);
  if (!text || impossibleDay(text) || ZERO_YEAR.test(text)) return undefined;
  // The common case, RFC 822 in GMT or with a numeric zone, needs no rewriting.
  if (RFC822_WITH_ZONE.test(text)) return result(checked(new Date(text)), true);
  const iso = ISO.exec(text);
  if (iso) return result(checked(new Date(`${iso[1]}T${(iso[2] ?? '00:00').replace(',', '.')}${iso[3] ? isoOffset(iso[3]) : 'Z'}`)), Boolean(iso[3]));

  const zoneMatch = TRAILING_ZONE.exec(text);
  const token = zoneMatch ? (zoneMatch[1] ?? zoneMatch[2] ?? zoneMatch[3])! : undefined;
  // An unknown trailing word ("PM", a typo) stays part of the date for Date to read or reject.
  const known = token !== undefined && (/\d/.test(token) || token in FIXED_ZONES || token in REGIONAL_ZONES || token.includes('/'));
  const rest = known ? text.slice(0, zoneMatch!.index) : text;
  const restIso = ISO.exec(rest);
  const wall = restIso && !restIso[3] ? new Date(`${restIso[1]}T${restIso[2] ?? '00:00'}Z`) : new Date(`${rest}${/\d:\d\d/.test(rest) ? '' : ' 00:00'} +0000`);
  if (Number.isNaN(wall.getTime())) return undefined;
  const offset = known ? zoneOffset(token!, wall.getTime()) : 0;
  return offset === undefined ? undefined : result(checked(new Date(wall.getTime() - offset * 60_000)), known);
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
