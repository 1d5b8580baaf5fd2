// The news store's file format, as pure functions: items sharded by the month they were published
// (content/news/YYYY-MM.json), newest first then by id, keys in schema order, one item per line and
// a final newline. The same items always give the same bytes, so a run with nothing new changes nothing.
import { formatIssues } from '../errors/format-issues.ts';
import { NewsShardSchema, type NewsItem } from '../schema/news.ts';

export const SHARD_FILE = /^(\d{4}-\d{2})\.json$/;

/** Newest first; ties broken by id so the order never depends on arrival. */
export function compareItems(a: NewsItem, b: NewsItem): number {
  return a.published > b.published ? -1 : a.published < b.published ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Builds a stored item with its keys in schema order, so serialisation never depends on how it was made. */
export function storedItem(item: Omit<NewsItem, 'clusterId' | 'clusterSize'>, clusterId: string, clusterSize: number): NewsItem {
  const { id, url, title, summary, source, sourceName, author, published, firstSeen, topics, companies } = item;
  return { id, url, title, summary, source, sourceName, ...(author ? { author } : {}), published, firstSeen, topics, companies, clusterId, clusterSize };
}

/** Shards keyed by "YYYY-MM", each sorted newest first. */
export function shardByMonth(items: readonly NewsItem[]): Map<string, NewsItem[]> {
  const shards = new Map<string, NewsItem[]>();
  for (const item of items) {
    const month = item.published.slice(0, 7);
    (shards.get(month) ?? shards.set(month, []).get(month)!).push(item);
  }
  for (const list of shards.values()) list.sort(compareItems);
  return new Map([...shards].sort(([a], [b]) => (a < b ? -1 : 1)));
}

// Keys in schema order. As a JSON.stringify replacer this fixes the order of every item's keys
// without copying the items; an absent author is left out as undefined values are.
const ITEM_KEYS = [
  'id',
  'url',
  'title',
  'summary',
  'source',
  'sourceName',
  'author',
  'published',
  'firstSeen',
  'topics',
  'companies',
  'clusterId',
  'clusterSize',
];

/** One item per line: a new story is a one-line diff in git, and the file is half the size of indented JSON. */
export function serializeShard(month: string, items: readonly NewsItem[]): string {
  const lines = items.map((item) => JSON.stringify(item, ITEM_KEYS));
  return `{"month":${JSON.stringify(month)},"items":[${lines.length ? `\n${lines.join(',\n')}\n` : ''}]}\n`;
}

/** A news store file that cannot be read as a store: the message names the file and the fix. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** Parses one shard file; throws with one line per problem, naming the file and the item field. */
export function parseShard(text: string, file: string): NewsItem[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StoreError(`${file}: invalid JSON: ${(error as Error).message}. Restore it from git (git checkout -- ${file}) and run ingest again.`);
  }
  const parsed = NewsShardSchema.safeParse(raw);
  if (!parsed.success) throw new StoreError(formatIssues(parsed.error.issues, { file }).join('\n'));
  return parsed.data.items;
}
