import { describe, expect, it } from 'vitest';
import { groupStories } from '../../../src/lib/news-site/stories.ts';

const item = (id: string, clusterId: string, source: string, published: string) => ({
  id,
  clusterId,
  source,
  sourceName: source.toUpperCase(),
  url: `https://${source}.example/${id}`,
  published: `2026-11-${published}:00.000Z`,
});

describe('groupStories', () => {
  it('keeps one entry per cluster, led by its earliest item, with the other sources in order', () => {
    const stories = groupStories([
      item('c', 'a', 'gamma', '03T12:00'),
      item('b', 'a', 'beta', '03T11:00'),
      item('a', 'a', 'alpha', '03T10:00'),
      item('z', 'z', 'alpha', '02T09:00'),
    ]);
    expect(stories.map((s) => s.id)).toEqual(['a', 'z']);
    expect(stories[0]!.others).toEqual([
      { source: 'beta', sourceName: 'BETA', url: 'https://beta.example/b' },
      { source: 'gamma', sourceName: 'GAMMA', url: 'https://gamma.example/c' },
    ]);
    expect(stories[1]!.others).toEqual([]);
  });

  it('names each other source once and never the lead source', () => {
    const [story] = groupStories([
      item('a', 'a', 'alpha', '03T10:00'),
      item('b', 'a', 'alpha', '03T11:00'),
      item('c', 'a', 'beta', '03T12:00'),
      item('d', 'a', 'beta', '03T13:00'),
    ]);
    expect(story!.others.map((o) => o.url)).toEqual(['https://beta.example/c']);
  });

  it('lets the heaviest source lead, and breaks equal instants by id', () => {
    const items = [item('b', 'a', 'beta', '03T10:00'), item('a', 'a', 'alpha', '03T10:00'), item('c', 'a', 'gamma', '03T12:00')];
    expect(groupStories(items)[0]!.id).toBe('a');
    const [story] = groupStories(items, { weights: new Map([['gamma', 3]]) });
    expect(story!.id).toBe('c');
    expect(story!.others.map((o) => o.source)).toEqual(['alpha', 'beta']);
  });

  it('orders stories by where their lead sits newest first, not by their newest item', () => {
    const stories = groupStories([item('x2', 'x', 'beta', '05T10:00'), item('y1', 'y', 'alpha', '04T10:00'), item('x1', 'x', 'alpha', '03T10:00')]);
    expect(stories.map((s) => s.id)).toEqual(['y1', 'x1']);
  });

  it('returns nothing for no items', () => {
    expect(groupStories([])).toEqual([]);
  });
});
