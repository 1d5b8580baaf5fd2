import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/lib/classify/classify.ts';
import { processFeed } from '../../../src/lib/news/process-feed.ts';
import { taxonomy } from '../classify/taxonomy.ts';

const body = new TextEncoder().encode(`<rss version="2.0"><channel><title>T</title><link>https://t.example/</link>
<item><title>SK hynix ships HBM4 to Nvidia</title><link>https://t.example/1</link><pubDate>Tue, 10 Nov 2026 08:00:00 GMT</pubDate></item>
<item><title>Team wins the cup final</title><link>https://t.example/2</link><pubDate>Wed, 11 Nov 2026 08:00:00 GMT</pubDate></item>
</channel></rss>`);
const now = new Date('2026-11-24T00:00:00.000Z');
const classify = createClassifier(taxonomy);
const source = { id: 't', name: 'T', topics: ['energy'], weight: 1, keep_all: false };

describe('processFeed', () => {
  it('keeps items on a topic, with their companies, and counts the rest', async () => {
    const result = await processFeed({ body, source, now, classify });
    expect(result).toMatchObject({ entries: 2, offTopic: 1, tooOld: 0 });
    expect(result.items.map((i) => [i.title, i.topics, i.companies])).toEqual([['SK hynix ships HBM4 to Nvidia', ['chips'], ['nvidia', 'sk-hynix']]]);
  });

  it("gives a keep_all source's off-topic items the source's beat", async () => {
    const result = await processFeed({ body, source: { ...source, keep_all: true }, now, classify });
    expect(result.items.map((i) => i.topics)).toEqual([['chips'], ['energy']]);
  });

  it('drops items published before --since', async () => {
    const result = await processFeed({ body, source: { ...source, keep_all: true }, now, classify, since: new Date('2026-11-11T00:00:00Z') });
    expect(result).toMatchObject({ tooOld: 1 });
    expect(result.items.map((i) => i.title)).toEqual(['Team wins the cup final']);
  });
});
