// Quarterly figures from a company's XBRL facts, as EDGAR's company-facts API gives them: each
// fact is a figure for a period (start, end) in one filing. Filings report a quarter in three ways:
// the three months themselves (an income statement in a 10-Q), only the year to date (a cash-flow
// statement: six months in the Q2 10-Q, nine in Q3), or the whole year (the 10-K, which has no Q4
// of its own). So a quarter is the three-month fact where one exists, else the year to date at its
// end minus the year to date a quarter earlier, and Q4 is the annual figure minus the first three
// quarters; every figure got by subtraction is marked derived. Where a period was reported again
// (a restatement, or next year's comparative), the latest filing wins. Fiscal years that end in
// June or on the last Saturday of September are placed on calendar quarters by their midpoint.

export interface Fact {
  start: string;
  end: string;
  val: number;
  accn: string;
  form: string;
  filed: string;
  /** The concept this fact was tagged with; `priority` is its rank in the loader's list (0 first). */
  concept: string;
  priority: number;
}

export interface Quarter {
  start: string;
  end: string;
  value: number;
  /** True when the figure was got by subtraction (a year to date less the one before, or a 10-K's Q4). */
  derived: boolean;
  /** Calendar quarter by the period's midpoint, as "2024 Q1". */
  calendar: string;
  fiscalYear: number | undefined;
  fiscalQuarter: number | undefined;
  /** The filing the figure (or, when derived, the larger period) comes from. */
  form: string;
  accn: string;
  filed: string;
  /** The concept of that fact. */
  tag: string;
}

export interface QuarterReport {
  quarters: Quarter[];
  /** Periods reported again with a different figure: the latest filing's was kept. */
  restated: Array<{ start: string; end: string; from: number; to: number; filed: string }>;
  /** Calendar quarters between the first and the last with no figure. */
  missing: string[];
}

const DAY = 86_400_000;
const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const days = (start: string, end: string) => Math.round((time(end) - time(start)) / DAY) + 1;

/** A period's length in quarters: 1 to 4, or undefined for any other length (a week, a transition period). */
function quarters(start: string, end: string): number | undefined {
  const d = days(start, end);
  if (d >= 80 && d <= 100) return 1;
  if (d >= 170 && d <= 190) return 2;
  if (d >= 260 && d <= 285) return 3;
  if (d >= 350 && d <= 380) return 4;
  return undefined;
}

export function calendarQuarter(start: string, end: string): string {
  const mid = new Date((time(start) + time(end)) / 2);
  return `${mid.getUTCFullYear()} Q${Math.floor(mid.getUTCMonth() / 3) + 1}`;
}

const later = (a: Fact, b: Fact) => (a.filed !== b.filed ? a.filed > b.filed : a.priority !== b.priority ? a.priority < b.priority : a.accn > b.accn);

export function quarterlyFigures(facts: readonly Fact[]): QuarterReport {
  const restated: QuarterReport['restated'] = [];
  // One fact per period: the latest filed, then the preferred concept.
  const periods = new Map<string, Fact>();
  const earliest = new Map<string, Fact>();
  for (const fact of facts) {
    if (!/^10-[KQ]/.test(fact.form) || !fact.start || quarters(fact.start, fact.end) === undefined) continue;
    const id = `${fact.start}/${fact.end}`;
    const held = periods.get(id);
    if (!held || later(fact, held)) periods.set(id, fact);
    const first = earliest.get(id);
    if (!first || later(first, fact)) earliest.set(id, fact);
  }
  for (const [id, fact] of periods) {
    const first = earliest.get(id)!;
    if (first.val !== fact.val && first.priority === fact.priority)
      restated.push({ start: fact.start, end: fact.end, from: first.val, to: fact.val, filed: fact.filed });
  }
  const all = [...periods.values()];
  const byEnd = new Map<string, Fact[]>();
  for (const f of all) byEnd.set(f.end, [...(byEnd.get(f.end) ?? []), f]);
  const ends = [...byEnd.keys()].sort();
  // A fiscal year starts where a year to date starts, and the day after a fiscal year ends.
  const yearStarts = new Set<string>();
  for (const f of all) {
    const n = quarters(f.start, f.end)!;
    if (n > 1) yearStarts.add(f.start);
    if (n === 4) yearStarts.add(iso(time(f.end) + DAY));
  }
  const starts = [...yearStarts].sort();

  type Found = { value: number; start: string; derived: boolean; source: Fact };
  const memo = new Map<string, Found | null>();

  /** The sum from fiscal-year start `s0` to `end`, over `n` quarters: a reported year to date, else a chain of quarters. */
  function cumulative(s0: string, end: string, n: number): { value: number; derived: boolean } | undefined {
    const fact = periods.get(`${s0}/${end}`);
    if (fact && quarters(s0, end) === n) return { value: fact.val, derived: false };
    const q = quarterEnding(end);
    if (!q) return undefined;
    if (n === 1) return q.start === s0 ? { value: q.value, derived: q.derived } : undefined;
    if (q.start <= s0) return undefined;
    const before = cumulative(s0, iso(time(q.start) - DAY), n - 1);
    return before && { value: before.value + q.value, derived: true };
  }

  function quarterEnding(end: string): Found | undefined {
    if (memo.has(end)) return memo.get(end) ?? undefined;
    memo.set(end, null); // guards against a cycle while this one is worked out
    const candidates = byEnd.get(end) ?? [];
    let found: Found | undefined;
    const direct = candidates.filter((f) => quarters(f.start, f.end) === 1).sort((a, b) => (later(a, b) ? -1 : 1))[0];
    if (direct) found = { value: direct.val, start: direct.start, derived: false, source: direct };
    else {
      // Longest year to date first: a 10-K's year less nine months is the Q4 the issue asks for.
      const totals = candidates
        .filter((f) => quarters(f.start, f.end)! > 1 && yearStarts.has(f.start))
        .sort((a, b) => quarters(b.start, b.end)! - quarters(a.start, a.end)!);
      for (const total of totals) {
        const n = quarters(total.start, total.end)!;
        const previous = ends.filter((e) => e < end && e > total.start && days(e, end) >= 80 && days(e, end) <= 101);
        for (const prevEnd of previous.reverse()) {
          const before = cumulative(total.start, prevEnd, n - 1);
          if (!before) continue;
          found = { value: total.val - before.value, start: iso(time(prevEnd) + DAY), derived: true, source: total };
          break;
        }
        if (found) break;
      }
    }
    memo.set(end, found ?? null);
    return found;
  }

  const byCalendar = new Map<string, Quarter>();
  for (const end of ends) {
    const q = quarterEnding(end);
    if (!q) continue;
    const fiscalStart = starts.filter((s) => s <= q.start).at(-1);
    const inYear = fiscalStart !== undefined && days(fiscalStart, end) <= 380;
    const calendar = calendarQuarter(q.start, end);
    byCalendar.set(calendar, {
      start: q.start,
      end,
      value: q.value,
      derived: q.derived,
      calendar,
      fiscalYear: inYear ? new Date(time(fiscalStart) + 364 * DAY).getUTCFullYear() : undefined,
      fiscalQuarter: inYear ? Math.min(4, Math.max(1, Math.round(days(fiscalStart, end) / 91.3))) : undefined,
      form: q.source.form,
      accn: q.source.accn,
      filed: q.source.filed,
      tag: q.source.concept,
    });
  }
  const list = [...byCalendar.values()].sort((a, b) => (a.end < b.end ? -1 : 1));
  return { quarters: list, restated, missing: gaps(list.map((q) => q.calendar)) };
}

function gaps(labels: readonly string[]): string[] {
  if (labels.length < 2) return [];
  const index = (label: string) => Number(label.slice(0, 4)) * 4 + Number(label.slice(6)) - 1;
  const have = new Set(labels.map(index));
  const missing: string[] = [];
  for (let i = index(labels[0]!); i <= index(labels.at(-1)!); i++) if (!have.has(i)) missing.push(`${Math.floor(i / 4)} Q${(i % 4) + 1}`);
  return missing;
}
