// One entry per story: ingest clusters items that report the same story (src/lib/news/cluster.ts),
// and the wire shows each cluster once, under its lead item, naming the other sources beside it.
import type { NewsItem } from '../schema/news.ts';
import { byNewest } from './wire.ts';

type Member = Pick<NewsItem, 'id' | 'published' | 'clusterId' | 'source' | 'sourceName' | 'url'>;

/** Another source's report of the same story, as linked beside the lead. */
export interface OtherCoverage {
  source: string;
  sourceName: string;
  /** Already a validated http(s) URL in the store. */
  url: string;
}

/** The lead item of a story, carrying the other sources that covered it. */
export type Story<T extends Member = NewsItem> = T & { others: OtherCoverage[] };

export interface GroupStoriesOptions {
  /** Source weight by source id (content/sources.yaml); missing sources weigh 1. Without it, the earliest item leads. */
  weights?: ReadonlyMap<string, number>;
}

/**
 * Groups items by `clusterId`. The lead is the item of the heaviest source, then the earliest, then
 * the lowest id; `others` lists one item per other source in that same order. Stories come in the
 * newest-first order of their leads.
 */
export function groupStories<T extends Member>(items: readonly T[], { weights }: GroupStoriesOptions = {}): Story<T>[] {
  const weight = (item: T) => weights?.get(item.source) ?? 1;
  const leadFirst = (a: T, b: T) =>
    weight(b) - weight(a) || (a.published < b.published ? -1 : a.published > b.published ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const clusters = new Map<string, T[]>();
  for (const item of items) (clusters.get(item.clusterId) ?? clusters.set(item.clusterId, []).get(item.clusterId)!).push(item);
  const stories: Story<T>[] = [];
  for (const members of clusters.values()) {
    const [lead, ...rest] = members.sort(leadFirst);
    const seen = new Set([lead!.source]);
    const others: OtherCoverage[] = [];
    for (const { source, sourceName, url } of rest) {
      if (seen.has(source)) continue;
      seen.add(source);
      others.push({ source, sourceName, url });
    }
    stories.push({ ...lead!, others });
  }
  return stories.sort(byNewest);
}
