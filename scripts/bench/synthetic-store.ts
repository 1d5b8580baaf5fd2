// A deterministic, realistic-looking news store for tests and the 20,000-item benchmark: items
// name real taxonomy companies, so company pages, topic pages and search have something to find.
import { createHash } from 'node:crypto';
import type { NewsItem, NewsShard } from '../../src/lib/schema/news.ts';
import type { Company } from '../../src/lib/schema/taxonomy.ts';
import { byNewest } from '../../src/lib/news-site/wire.ts';

export interface SyntheticOptions {
  /** How many items to make. */
  count: number;
  /** Companies to name, one per item in turn (their first alias, else their name, is the subject). */
  companies: ReadonlyArray<Pick<Company, 'id' | 'name' | 'aliases' | 'topics'>>;
  /** The newest item's instant; each older item is `spacingMinutes` earlier. */
  newest: Date;
  /** Minutes between consecutive items. Default: 37. */
  spacingMinutes?: number;
}

const SOURCES = [
  ['semiengineering', 'Semiconductor Engineering'],
  ['datacenterdynamics', 'DatacenterDynamics'],
  ['utility-dive', 'Utility Dive'],
  ['the-register', 'The Register'],
  ['servethehome', 'ServeTheHome'],
] as const;
const HEADLINES = [
  'expands capacity as AI orders climb',
  'reports quarterly results ahead of estimates',
  'signs multi-year supply agreement',
  'raises capital spending plan for next year',
  'wins approval for new facility',
  'faces delays on next-generation product',
];

const hex16 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const iso = (ms: number) => new Date(ms).toISOString();

export function syntheticItems({ count, companies, newest, spacingMinutes = 37 }: SyntheticOptions): NewsItem[] {
  const items: NewsItem[] = [];
  for (let i = 0; i < count; i++) {
    const company = companies[i % companies.length]!;
    const [source, sourceName] = SOURCES[i % SOURCES.length]!;
    const subject = company.aliases[0] ?? company.name;
    const url = `https://${source}.example/news/${i}-${company.id}`;
    const published = iso(newest.getTime() - i * spacingMinutes * 60_000);
    const id = hex16(url);
    items.push({
      id,
      url,
      title: `${subject} ${HEADLINES[i % HEADLINES.length]} (${i})`,
      summary: `${company.name} said on the day that demand from AI data centres continued to outrun supply.`,
      source,
      sourceName,
      published,
      firstSeen: published,
      topics: [...company.topics],
      companies: [company.id],
      clusterId: id,
      clusterSize: i % 7 === 0 ? 3 : 1,
    });
  }
  return items;
}

/** Items split into monthly shards as ingest writes them: month order, items newest first. */
export function toShards(items: readonly NewsItem[]): NewsShard[] {
  const months = new Map<string, NewsItem[]>();
  for (const item of items) {
    const month = item.published.slice(0, 7);
    const list = months.get(month) ?? months.set(month, []).get(month)!;
    list.push(item);
  }
  return [...months.keys()].sort().map((month) => ({
    month,
    items: months.get(month)!.sort(byNewest),
  }));
}
