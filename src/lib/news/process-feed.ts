// One fetched document to classified items: decode → parse → normalize → classify. Pure (bytes in,
// items out); the caller does the fetching and the storing.
import type { Classifier } from '../classify/classify.ts';
import { decodeFeed } from '../feeds/decode.ts';
import { normalizeFeed } from '../feeds/normalize.ts';
import { parseFeed } from '../feeds/parse.ts';
import type { NewsItem } from '../schema/news.ts';
import type { SourceConfig } from '../schema/sources.ts';

export type ClassifiedItem = Omit<NewsItem, 'clusterId' | 'clusterSize'>;

export interface ProcessInput {
  body: Uint8Array;
  contentType?: string | undefined;
  /** The final URL for an http(s) source, the base for relative links. */
  documentUrl?: string | undefined;
  source: Pick<SourceConfig, 'id' | 'name' | 'topics' | 'weight' | 'keep_all'>;
  now: Date;
  classify: Classifier;
  /** Largest inflated size for a gzip body. */
  maxBytes?: number;
  /** Keep only items published at or after this instant. */
  since?: Date | undefined;
}

export interface ProcessResult {
  items: ClassifiedItem[];
  /** Entries in the document. */
  entries: number;
  /** Entries that matched no topic (and the source is not keep_all). */
  offTopic: number;
  /** Entries published before --since. */
  tooOld: number;
  /** Entries unusable as items, by reason. */
  skipped: Record<string, number>;
}

export async function processFeed(input: ProcessInput): Promise<ProcessResult> {
  const { text } = decodeFeed(input.body, { contentType: input.contentType, maxBytes: input.maxBytes });
  const feed = await parseFeed(text, { url: input.documentUrl });
  const { items: normalized, skipped } = normalizeFeed(feed, { source: input.source, documentUrl: input.documentUrl, now: input.now });
  const since = input.since?.toISOString();
  const items: ClassifiedItem[] = [];
  let offTopic = 0;
  let tooOld = 0;
  for (const item of normalized) {
    if (since && item.published < since) {
      tooOld++;
      continue;
    }
    const classified = classifyForStore(input.classify, item, input.source);
    if (!classified) {
      offTopic++;
      continue;
    }
    // The normalised item is ours alone: extend it in place rather than copy 10,000 objects per run.
    items.push(Object.assign(item, classified));
  }
  return { items, entries: feed.entries.length, offTopic, tooOld, skipped };
}

/**
 * An item's topics and companies as the store keeps them, or undefined for an item ingest drops as
 * off-topic. A keep_all source's off-topic item takes the source's beat, so it still lands on a
 * topic page.
 */
export function classifyForStore(
  classify: Classifier,
  item: { title: string; summary: string },
  source: Pick<SourceConfig, 'topics' | 'weight' | 'keep_all'>,
): { topics: string[]; companies: string[] } | undefined {
  const { topics, companies } = classify({ title: item.title, summary: item.summary }, source);
  if (topics.length === 0 && !source.keep_all) return undefined;
  return { topics: topics.length ? topics : [...source.topics], companies };
}
