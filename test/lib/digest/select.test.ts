import { describe, expect, it } from 'vitest';
import { scoreCluster } from '../../../src/lib/digest/score.ts';
import { buildStories, selectStories } from '../../../src/lib/digest/select.ts';
import { byTitle, item, items, topics, weights, window } from './fixtures.ts';

const titles = (sections: ReturnType<typeof selectStories>) => Object.fromEntries(sections.map((s) => [s.topic, s.stories.map((story) => story.lead.title)]));

describe('selectStories', () => {
  it('keeps one entry per cluster, linking the most authoritative source and naming the others', () => {
    const stories = buildStories(items, { window, weights });
    const ids = stories.map((s) => s.clusterId);
    expect(new Set(ids).size).toBe(ids.length);
    const hbm = stories.find((s) => s.lead.title.includes('HBM4'));
    expect(hbm?.lead.source).toBe('wire');
    expect(hbm?.others).toEqual(['Trade Journal', 'Industry Blog']);
    expect(stories.filter((s) => s.lead.title.includes('HBM4'))).toHaveLength(1);
  });

  it('leaves out items published outside the window', () => {
    const all = buildStories(items, { window, weights }).map((s) => s.lead.title);
    expect(all).not.toContain('Story from the following week');
    expect(all).not.toContain('Story from the week before');
  });

  it('ranks a widely covered story above single-source ones, and a heavier source above a lighter one', () => {
    const sections = selectStories(items, { window, weights, topics, perTopic: 3 });
    expect(titles(sections).chips).toEqual([
      'SK hynix clears HBM4 qualification',
      'EUV tool shipments rise in the quarter',
      'Foundry raises wafer prices for 2027',
    ]);
  });

  it('places each story once, best first, in taxonomy order', () => {
    const sections = selectStories(items, { window, weights, topics, perTopic: 1 });
    expect(titles(sections)).toEqual({
      chips: ['SK hynix clears HBM4 qualification'],
      energy: ['Grid operator reforms interconnection queue'],
      networks: ['Co-packaged optics switch <script>alert(1)</script> ships {early} & "quietly"'],
      datacenters: ['Colocation provider orders liquid cooling for new campus'],
    });
    expect(sections.map((s) => s.topic)).toEqual(topics);
  });

  it('passes a story to its next topic when its best one is full', () => {
    const base = { source: 'wire', published: '2026-11-20T00:00:00' };
    const stories = [
      item({ ...base, slug: 'a', title: 'Top chips story', topics: ['chips'], clusterSize: 2 }),
      item({ ...base, slug: 'b', title: 'Chips and networks story', topics: ['chips', 'networks'] }),
    ];
    expect(titles(selectStories(stories, { window, weights, topics, perTopic: 1 }))).toEqual({
      chips: ['Top chips story'],
      networks: ['Chips and networks story'],
    });
  });

  it('honours cluster size with everything else equal', () => {
    const base = { source: 'blog', published: '2026-11-20T00:00:00', topics: ['chips'] };
    const single = item({ ...base, slug: 'a', title: 'A' });
    const covered = item({ ...base, slug: 'b', title: 'B', clusterSize: 4 });
    const [first] = buildStories([single, covered], { window, weights });
    expect(first?.lead.title).toBe('B');
    expect(first?.score.coverage).toBe(3);
  });

  it('honours source weight with everything else equal', () => {
    const base = { published: '2026-11-20T00:00:00', topics: ['chips'] };
    const stories = buildStories([item({ ...base, slug: 'a', source: 'forum', title: 'A' }), item({ ...base, slug: 'b', source: 'trade', title: 'B' })], {
      window,
      weights,
    });
    expect(stories.map((s) => s.lead.title)).toEqual(['B', 'A']);
  });

  it('is deterministic whatever the order of the store', () => {
    const forward = selectStories(items, { window, weights, topics, perTopic: 2 });
    const backward = selectStories([...items].reverse(), { window, weights, topics, perTopic: 2 });
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
  });
});

describe('scoreCluster', () => {
  it('multiplies authority, coverage, freshness and specificity', () => {
    const parts = scoreCluster([byTitle('SK hynix HBM4 passes qualification for next accelerator')], { weights, asOf: window.to });
    expect(parts.authority).toBe(1);
    expect(parts.coverage).toBeCloseTo(1 + Math.log2(3));
    expect(parts.specificity).toBe(1.5);
    // Published 2026-11-17T08:00Z, 136 hours before the window closes.
    expect(parts.freshness).toBeCloseTo(0.5 ** (136 / 72));
    expect(parts.score).toBeCloseTo(parts.authority * parts.coverage * parts.freshness * parts.specificity, 5);
  });

  it('treats a source missing from sources.yaml as weight 1', () => {
    const stray = item({ slug: 's', source: 'unlisted', title: 'S', published: '2026-11-22T00:00:00', topics: ['chips'] });
    expect(scoreCluster([stray], { weights, asOf: window.to }).authority).toBe(1);
  });
});
