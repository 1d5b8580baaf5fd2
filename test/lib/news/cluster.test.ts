import { describe, expect, it } from 'vitest';
import { clusterItems, titleWords } from '../../../src/lib/news/cluster.ts';
import { draft } from './items.ts';

describe('titleWords', () => {
  it('keeps the distinctive words', () => {
    expect(titleWords("Nvidia's Blackwell Ultra ships to the clouds, says CEO")).toEqual(['nvidia', 'blackwell', 'ultra', 'ships', 'clouds', 'ceo']);
  });
});

describe('clusterItems', () => {
  const a = draft({ title: 'Nvidia begins volume shipments of Blackwell Ultra GPUs', source: 'a', published: '2026-11-10T08:00:00.000Z' });
  const b = draft({ title: 'Nvidia starts volume shipments of Blackwell Ultra GPUs to clouds', source: 'b', published: '2026-11-10T12:00:00.000Z' });
  const c = draft({ title: 'NVIDIA begins Blackwell Ultra GPU volume shipments', source: 'c', published: '2026-11-11T09:00:00.000Z' });
  const other = draft({ title: 'Nvidia shares fall after export rules', source: 'd', published: '2026-11-10T09:00:00.000Z' });

  it('groups near-identical titles from different sources and counts the sources', () => {
    const out = clusterItems([c, other, b, a]);
    const byTitle = Object.fromEntries(out.map((i) => [i.title, [i.clusterId, i.clusterSize]]));
    expect(byTitle[a.title]).toEqual([a.id, 3]);
    expect(byTitle[b.title]).toEqual([a.id, 3]);
    expect(byTitle[c.title]).toEqual([a.id, 3]);
    expect(byTitle[other.title]).toEqual([other.id, 1]);
  });

  it('does not join stories more than 48 hours apart', () => {
    const late = { ...b, published: '2026-11-12T09:00:01.000Z' };
    const out = clusterItems([a, late]);
    expect(out.map((i) => i.clusterSize)).toEqual([1, 1]);
  });

  it('does not count one source twice', () => {
    const out = clusterItems([a, { ...b, source: 'a' }]);
    expect(out.map((i) => i.clusterSize)).toEqual([1, 1]);
  });

  it('does not join titles that share only a few words', () => {
    const x = draft({ title: 'Nvidia shares rise', source: 'x' });
    const y = draft({ title: 'Nvidia shares fall', source: 'y' });
    expect(clusterItems([x, y]).map((i) => i.clusterSize)).toEqual([1, 1]);
  });

  it('is deterministic whatever the input order', () => {
    expect(clusterItems([a, b, c, other])).toEqual(clusterItems([other, c, b, a]));
  });

  it('clusters 10,000 items quickly', () => {
    // Titles of eight words from a 3,000-word vocabulary (a seeded generator), all within two days.
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const word = () => `w${next() % 3000}`;
    const many = Array.from({ length: 10_000 }, (_, i) =>
      draft({ title: Array.from({ length: 8 }, word).join(' '), url: `https://x.example/${i}`, source: `s${i % 200}`, published: new Date(Date.UTC(2026, 10, 1) + i * 15_000).toISOString() }),
    );
    const started = performance.now();
    clusterItems(many);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
