// Related companies for a company page: its peers in the same supply-chain segment, and the
// companies most often named beside it in the same story or essay. Counted once for all companies
// (one pass over stories and essays), so a thousand company pages cost one count.
import type { Company } from '../schema/taxonomy.ts';

/** How often each pair of companies is named together, by company id: counts.get(a).get(b). */
export type CoMentions = Map<string, Map<string, number>>;

/** Co-mention counts over anything that names companies: stories (one per cluster) and essays. */
export function coMentions(sources: Iterable<{ readonly companies: readonly string[] }>): CoMentions {
  const counts: CoMentions = new Map();
  for (const { companies } of sources) {
    const ids = [...new Set(companies)];
    for (const a of ids) {
      const row = counts.get(a) ?? counts.set(a, new Map()).get(a)!;
      for (const b of ids) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  return counts;
}

export interface Related<C> {
  /** The other companies of its segment, those most often named beside it first, then by name. */
  peers: C[];
  /** The companies most often named beside it, most first (ties by name), at most `limit`. */
  named: Array<{ company: C; count: number }>;
}

export function relatedCompanies<C extends Pick<Company, 'id' | 'name' | 'segment'>>(company: C, all: readonly C[], counts: CoMentions, limit = 6): Related<C> {
  const row = counts.get(company.id) ?? new Map<string, number>();
  const byCount = (a: C, b: C) => (row.get(b.id) ?? 0) - (row.get(a.id) ?? 0) || a.name.localeCompare(b.name, 'en');
  const others = all.filter((c) => c.id !== company.id);
  return {
    peers: others.filter((c) => c.segment === company.segment).sort(byCount),
    named: others
      .filter((c) => (row.get(c.id) ?? 0) > 0)
      .sort(byCount)
      .slice(0, limit)
      .map((c) => ({ company: c, count: row.get(c.id)! })),
  };
}
