// A fixed news week (2026-W47, 16–22 November) for the digest tests: clusters of different sizes
// from sources of different weights, a story outside the window, and a hostile headline.
import { createHash } from 'node:crypto';
import type { NewsItem } from '../../../src/lib/schema/news.ts';
import { weekWindow } from '../../../src/lib/digest/window.ts';

export const window = weekWindow('2026-W47');

export const weights = new Map([
  ['wire', 3],
  ['trade', 2],
  ['blog', 1],
  ['forum', 0.5],
]);

const names: Record<string, string> = { wire: 'Wire Service', trade: 'Trade Journal', blog: 'Industry Blog', forum: 'Engineers Forum' };

export const topics = ['chips', 'energy', 'networks', 'datacenters'];

const id = (url: string) => createHash('sha256').update(url).digest('hex').slice(0, 16);

interface Spec {
  slug: string;
  source: string;
  title: string;
  published: string;
  topics: string[];
  companies?: string[];
  /** Slug of the cluster's first item; the item itself when absent. */
  cluster?: string;
  clusterSize?: number;
}

export function item(spec: Spec): NewsItem {
  const url = `https://${spec.source}.example/${spec.slug}`;
  return {
    id: id(url),
    url,
    title: spec.title,
    summary: `Summary of ${spec.title.toLowerCase()}`,
    source: spec.source,
    sourceName: names[spec.source] ?? spec.source,
    published: `${spec.published}.000Z`,
    firstSeen: `${spec.published}.000Z`,
    topics: spec.topics,
    companies: spec.companies ?? [],
    clusterId: id(`https://${spec.cluster ? specs.find((s) => s.slug === spec.cluster)?.source : spec.source}.example/${spec.cluster ?? spec.slug}`),
    clusterSize: spec.clusterSize ?? 1,
  };
}

const specs: Spec[] = [
  // A story three sources covered: the blog broke it, the wire is the most authoritative.
  {
    slug: 'hbm4-qualified',
    source: 'blog',
    title: 'SK hynix HBM4 passes qualification for next accelerator',
    published: '2026-11-17T08:00:00',
    topics: ['chips'],
    companies: ['sk-hynix', 'nvidia'],
    clusterSize: 3,
  },
  {
    slug: 'hbm4-qual-wire',
    source: 'wire',
    title: 'SK hynix clears HBM4 qualification',
    published: '2026-11-17T10:00:00',
    topics: ['chips'],
    companies: ['sk-hynix'],
    cluster: 'hbm4-qualified',
    clusterSize: 3,
  },
  {
    slug: 'hbm4-trade',
    source: 'trade',
    title: 'HBM4 qualified: what it means for supply',
    published: '2026-11-17T12:00:00',
    topics: ['chips'],
    companies: ['sk-hynix'],
    cluster: 'hbm4-qualified',
    clusterSize: 3,
  },
  // Same day, same topic, one source each: weight decides.
  {
    slug: 'euv-tool-shipments',
    source: 'wire',
    title: 'EUV tool shipments rise in the quarter',
    published: '2026-11-17T09:00:00',
    topics: ['chips'],
    companies: ['asml'],
  },
  { slug: 'chiplet-standard', source: 'forum', title: 'Chiplet interconnect standard reaches version 2', published: '2026-11-17T09:00:00', topics: ['chips'] },
  {
    slug: 'foundry-price-rise',
    source: 'blog',
    title: 'Foundry raises wafer prices for 2027',
    published: '2026-11-17T09:00:00',
    topics: ['chips'],
    companies: ['tsmc'],
  },
  // Energy: a two-source cluster against a fresher single story.
  {
    slug: 'interconnection-queue',
    source: 'trade',
    title: 'Grid operator reforms interconnection queue',
    published: '2026-11-18T07:00:00',
    topics: ['energy', 'datacenters'],
    clusterSize: 2,
  },
  {
    slug: 'queue-reform-blog',
    source: 'blog',
    title: 'Interconnection queue reform explained',
    published: '2026-11-18T15:00:00',
    topics: ['energy'],
    cluster: 'interconnection-queue',
    clusterSize: 2,
  },
  {
    slug: 'nuclear-ppa',
    source: 'blog',
    title: 'Utility signs nuclear power purchase agreement with hyperscaler',
    published: '2026-11-21T10:00:00',
    topics: ['energy', 'datacenters'],
    companies: ['constellation-energy'],
  },
  // Networks, with a hostile headline that must stay plain text.
  {
    slug: 'cpo-switch',
    source: 'trade',
    title: 'Co-packaged optics switch <script>alert(1)</script> ships {early} & "quietly"',
    published: '2026-11-19T11:00:00',
    topics: ['networks'],
    companies: ['broadcom'],
  },
  {
    slug: 'optical-transceivers',
    source: 'forum',
    title: '1.6T optical transceivers enter volume',
    published: '2026-11-20T11:00:00',
    topics: ['networks', 'chips'],
    companies: ['coherent'],
  },
  // Data centres.
  {
    slug: 'liquid-cooling-order',
    source: 'wire',
    title: 'Colocation provider orders liquid cooling for new campus',
    published: '2026-11-22T20:00:00',
    topics: ['datacenters'],
    companies: ['vertiv'],
  },
  // Outside the window: the Monday after, and the Sunday before.
  { slug: 'next-week', source: 'wire', title: 'Story from the following week', published: '2026-11-23T00:00:00', topics: ['chips'] },
  { slug: 'last-week', source: 'wire', title: 'Story from the week before', published: '2026-11-15T23:59:59', topics: ['chips'] },
];

export const items: NewsItem[] = specs.map(item);

export const byTitle = (title: string) => items.find((i) => i.title === title) as NewsItem;
