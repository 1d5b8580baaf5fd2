import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/lib/classify/classify.ts';
import { reclassifyStored } from '../../../src/lib/news/reclassify.ts';
import type { SourceConfig } from '../../../src/lib/schema/sources.ts';
import { taxonomy } from '../classify/taxonomy.ts';
import { item } from './items.ts';

const classify = createClassifier(taxonomy);
const source = (id: string, extra: Partial<SourceConfig> = {}): SourceConfig => ({
  id,
  name: id,
  url: `https://${id}.example/feed`,
  topics: [],
  weight: 1,
  keep_all: false,
  enabled: true,
  ...extra,
});

describe('reclassifyStored', () => {
  it('gives stored items the topics and companies the current taxonomy gives, and leaves out the ones now off-topic', () => {
    const stale = item({ title: 'US adds Chinese chipmakers to the entity list', topics: ['chips'] });
    const offTopic = item({ title: 'Potato chips makers raise snack prices', topics: ['chips'] });
    const current = item({ title: 'TSMC raises its capex guidance for 2027', topics: ['chips'], companies: ['tsmc'] });
    const { items, changed, dropped } = reclassifyStored([stale, offTopic, current], classify, [source('wire')]);
    expect(items.map((i) => [i.title, i.topics, i.companies])).toEqual([
      [stale.title, ['chips', 'security'], []],
      [current.title, ['chips'], ['tsmc']],
    ]);
    expect([changed, dropped]).toEqual([1, 1]);
    // The stored copy is otherwise kept, cluster fields left for the clusterer to set again.
    expect(items[0]).toEqual({ ...stale, topics: ['chips', 'security'], clusterId: undefined, clusterSize: undefined });
  });

  it("keeps a keep_all source's off-topic item under the source's beat, and an item of a source no longer configured as it is", () => {
    const offBeat = item({ title: 'Quarterly results call scheduled for Thursday', source: 'fab-news', topics: ['energy'] });
    const orphan = item({ title: 'Potato chips makers raise snack prices', source: 'gone', topics: ['chips'] });
    const { items, changed, dropped } = reclassifyStored([offBeat, orphan], classify, [source('fab-news', { keep_all: true, topics: ['chips'] })]);
    expect(items.map((i) => [i.source, i.topics])).toEqual([
      ['fab-news', ['chips']],
      ['gone', ['chips']],
    ]);
    expect([changed, dropped]).toEqual([1, 0]);
  });
});
