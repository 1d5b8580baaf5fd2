// The company directory: companies grouped by supply-chain segment, how much we have on each,
// and the news that names a company (only items whose classification includes it).
import type { Company, Segment } from '../schema/taxonomy.ts';
import type { NewsItem } from '../schema/news.ts';

export interface SegmentGroup<C> {
  segment: Segment;
  companies: C[];
}

/**
 * Companies by segment in the taxonomy's segment order, names sorted within a segment; a company
 * whose segment is missing from the taxonomy still appears, under its segment id.
 */
export function groupBySegment<C extends Pick<Company, 'name' | 'segment'>>(companies: readonly C[], segments: readonly Segment[]): SegmentGroup<C>[] {
  const order = [...segments];
  for (const c of companies) if (!order.some((s) => s.id === c.segment)) order.push({ id: c.segment, label: c.segment });
  return order
    .map((segment) => ({
      segment,
      companies: companies.filter((c) => c.segment === segment.id).sort((a, b) => a.name.localeCompare(b.name, 'en')),
    }))
    .filter((group) => group.companies.length > 0);
}

export interface CompanyCounts {
  essays: number;
  news: number;
}

/** Essays and news items naming each company, by company id; companies named nowhere are absent. */
export function companyCounts(
  essays: ReadonlyArray<{ companies: readonly string[] }>,
  news: ReadonlyArray<Pick<NewsItem, 'companies'>>,
): Map<string, CompanyCounts> {
  const counts = new Map<string, CompanyCounts>();
  const at = (id: string) => counts.get(id) ?? counts.set(id, { essays: 0, news: 0 }).get(id)!;
  for (const essay of essays) for (const id of new Set(essay.companies)) at(id).essays += 1;
  for (const item of news) for (const id of new Set(item.companies)) at(id).news += 1;
  return counts;
}

/**
 * The latest `limit` items per company in one pass over the store (sorted newest first), so the
 * company pages cost O(items) together rather than O(items × companies). Pass stories from
 * groupStories; items that still share a `clusterId` are kept once, the first (newest) of them.
 */
export function latestNewsByCompany<T extends Pick<NewsItem, 'companies'> & Partial<Pick<NewsItem, 'clusterId'>>>(
  sorted: readonly T[],
  limit: number,
): Map<string, T[]> {
  const latest = new Map<string, T[]>();
  const seen = new Set<string>();
  for (const item of sorted) {
    for (const id of new Set(item.companies)) {
      const list = latest.get(id) ?? latest.set(id, []).get(id)!;
      if (list.length >= limit) continue;
      if (item.clusterId !== undefined) {
        const key = `${id} ${item.clusterId}`;
        if (seen.has(key)) continue;
        seen.add(key);
      }
      list.push(item);
    }
  }
  return latest;
}

/** "1 essay", "3 news items": a count with its noun, for the directory. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
