// Related essays: those sharing the most topics and companies with this one, newest first on ties.

export interface Relatable {
  id: string;
  data: { topics: string[]; companies: string[]; date: Date };
}

/** Ranks `a` before `b`: higher score, then newer, then by id. */
const before = <T extends Relatable>(a: { other: T; score: number }, b: { other: T; score: number }) =>
  b.score - a.score || b.other.data.date.getTime() - a.other.data.date.getTime() || a.other.id.localeCompare(b.other.id);

export function relatedEssays<T extends Relatable>(essay: T, all: readonly T[], limit = 3): T[] {
  const topics = new Set(essay.data.topics);
  const companies = new Set(essay.data.companies);
  // The best `limit` in one pass, kept in order: every essay page asks, over every essay, so
  // sorting all the matches each time made the pages of a build quadratic in n log n.
  const best: Array<{ other: T; score: number }> = [];
  for (const other of all) {
    if (other.id === essay.id) continue;
    let score = 0;
    // A shared topic is a strong signal; a shared company a finer one.
    for (const t of other.data.topics) if (topics.has(t)) score += 2;
    for (const c of other.data.companies) if (companies.has(c)) score += 1;
    if (score === 0) continue;
    const candidate = { other, score };
    if (best.length === limit && before(best[limit - 1]!, candidate) <= 0) continue;
    let at = best.length;
    while (at > 0 && before(candidate, best[at - 1]!) < 0) at--;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best.map(({ other }) => other);
}

/** The essays before and after this one in date order (`sorted` newest first). */
export function neighbours<T extends { id: string }>(essay: T, sorted: readonly T[]): { newer?: T; older?: T } {
  const i = sorted.findIndex((e) => e.id === essay.id);
  const newer = i > 0 ? sorted[i - 1] : undefined;
  const older = i >= 0 ? sorted[i + 1] : undefined;
  return { ...(newer ? { newer } : {}), ...(older ? { older } : {}) };
}

/** Groups items by calendar year (UTC), newest year first, keeping the input order within a year. */
export function groupByYear<T extends { data: { date: Date } }>(items: readonly T[]): Array<{ year: number; items: T[] }> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const year = item.data.date.getUTCFullYear();
    groups.set(year, [...(groups.get(year) ?? []), item]);
  }
  return [...groups].sort((a, b) => b[0] - a[0]).map(([year, list]) => ({ year, items: list }));
}
