// Related essays: those sharing the most topics and companies with this one, newest first on ties.

export interface Relatable {
  id: string;
  data: { topics: string[]; companies: string[]; date: Date };
}

export function relatedEssays<T extends Relatable>(essay: T, all: readonly T[], limit = 3): T[] {
  const topics = new Set(essay.data.topics);
  const companies = new Set(essay.data.companies);
  return all
    .filter((other) => other.id !== essay.id)
    .map((other) => ({
      other,
      // A shared topic is a strong signal; a shared company a finer one.
      score: 2 * other.data.topics.filter((t) => topics.has(t)).length + other.data.companies.filter((c) => companies.has(c)).length,
    }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || b.other.data.date.getTime() - a.other.data.date.getTime() || a.other.id.localeCompare(b.other.id))
    .slice(0, limit)
    .map(({ other }) => other);
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
