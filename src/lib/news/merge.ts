// Dedupe: the same story is stored once, whether it comes back on the next run, twice in one feed,
// or syndicated by another source under the same canonical URL (same id). The stored copy wins, so
// an item's first-seen time and source never change. Retention drops items past a maximum age.
// An item stored under its page's URL alone comes back under an id of its own once its feed shows
// it beside others on that page (a post's anchor, or the page and its guid: normalize.ts): the same
// source, page and title is the stored item, not a new one.
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
  const known = storedPages(byId, incoming);
  const added: Incoming[] = [];
  let duplicates = 0;
  for (const item of incoming) {
    if (byId.has(item.id) || known.has(pageKey(item))) {
      duplicates++;
      continue;
    }
    byId.set(item.id, item);
    added.push(item);
  }
  const items = [...byId.values()].filter((item) => item.published >= cutoff);
  return { items, added: added.filter((item) => item.published >= cutoff), duplicates, expired: byId.size - items.length };
}

/** The source, the page without its fragment, and the title. */
const pageKey = (item: Incoming) => `${item.source}\n${item.url.replace(/#.*$/s, '')}\n${item.title}`;

/**
 * The page keys of stored items, stored under their page alone (no fragment), that an incoming item
 * under a new id may be: looked up by URL, so the whole store costs one map probe an item.
 */
function storedPages(byId: ReadonlyMap<string, Incoming>, incoming: readonly Incoming[]): Set<string> {
  const pages = new Set(incoming.filter((item) => !byId.has(item.id)).map((item) => item.url.replace(/#.*$/s, '')));
  const keys = new Set<string>();
  if (!pages.size) return keys;
  for (const item of byId.values()) if (pages.has(item.url)) keys.add(pageKey(item));
  return keys;
}
