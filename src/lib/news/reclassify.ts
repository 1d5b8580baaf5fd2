// The stored items classified again with the current taxonomy (`npm run ingest -- --reclassify`):
// an editor who tunes content/taxonomy.yaml sees the wire follow, not only the items fetched after
// the change. Each item is classified as ingest classified it, from its stored title and summary as
// from its source; an item the taxonomy now finds off-topic leaves the store, as it would never
// have entered it. An item whose source is no longer configured keeps what it has. Pure.
import type { Classifier } from '../classify/classify.ts';
import type { NewsItem } from '../schema/news.ts';
import type { SourceConfig } from '../schema/sources.ts';
import { classifyForStore, type ClassifiedItem } from './process-feed.ts';

export interface Reclassified {
  items: ClassifiedItem[];
  /** Items whose topics or companies changed. */
  changed: number;
  /** Items now off-topic, left out. */
  dropped: number;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function reclassifyStored(stored: readonly NewsItem[], classify: Classifier, sources: readonly SourceConfig[]): Reclassified {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const items: ClassifiedItem[] = [];
  let changed = 0;
  let dropped = 0;
  for (const { clusterId: _c, clusterSize: _s, ...item } of stored) {
    const source = byId.get(item.source);
    if (!source) {
      items.push(item);
      continue;
    }
    const classified = classifyForStore(classify, item, source);
    if (!classified) {
      dropped++;
      continue;
    }
    if (same(classified.topics, item.topics) && same(classified.companies, item.companies)) items.push(item);
    else {
      changed++;
      items.push({ ...item, ...classified });
    }
  }
  return { items, changed, dropped };
}
