// Dedupe: the same story is stored once, whether it comes back on the next run, twice in one feed,
// or syndicated by another source under the same canonical URL (same id). The stored copy wins, so
// an item's first-seen time and source never change. Retention drops items past a maximum age.
import type { NewsItem } from '../schema/news.ts';

type Incoming = Omit<NewsItem, 'clusterId' | 'clusterSize'>;

export interface MergeOptions {
  now: Date;
  /** Items published longer ago than this are dropped. */
  retentionDays: number;
}

export interface MergeResult {
  /** Every item to keep, without cluster fields (clusterItems adds them). */
  items: Incoming[];
  /** Incoming items not stored before, in arrival order. */
  added: Incoming[];
  /** Incoming items dropped because their id was already stored or seen earlier in this run. */
  duplicates: number;
  /** Stored or incoming items dropped for age. */
  expired: number;
}

export function mergeItems(
  stored: readonly (Incoming & Partial<Pick<NewsItem, 'clusterId' | 'clusterSize'>>)[],
  incoming: readonly Incoming[],
  { now, retentionDays }: MergeOptions,
): MergeResult {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const byId = new Map<string, Incoming>();
  for (const { clusterId: _c, clusterSize: _s, ...item } of stored) byId.set(item.id, item);
  const added: Incoming[] = [];
  let duplicates = 0;
  for (const item of incoming) {
    if (byId.has(item.id)) {
      duplicates++;
      continue;
    }
    byId.set(item.id, item);
    added.push(item);
  }
  const items = [...byId.values()].filter((item) => item.published >= cutoff);
  return { items, added: added.filter((item) => item.published >= cutoff), duplicates, expired: byId.size - items.length };
}
