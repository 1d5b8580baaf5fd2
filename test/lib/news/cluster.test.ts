import { describe, expect, it } from 'vitest';
import { clusterItems } from '../../../src/lib/news/cluster.ts';
import { storyTerms } from '../../../src/lib/news/story-terms.ts';
import { draft } from './items.ts';

describe('storyTerms', () => {
  it('keeps the distinctive words by stem, without possessives, dots or headline filler', () => {
    const { terms } = storyTerms("U.S. curbs Nvidia's chip exports to China, says report", '', []);
    expect([...terms.keys()]).toEqual(['curb', 'nvidia', 'chip', 'export', 'china']);
    expect([...storyTerms('US curb on Nvidia chip export to China', '', []).terms.keys()]).toEqual(['curb', 'nvidia', 'chip', 'export', 'china']);
  });

  it('names entities: companies, figures and proper nouns in a sentence-case headline', () => {
    const { entities } = storyTerms('Chipmaker agrees $58 billion deal with Intel in Ohio', '', ['intel']);
    expect([...entities].sort()).toEqual(['c:intel', 'n:$58billion', 'p:intel', 'p:ohio']);
  });

  it('weighs summary words below title words', () => {
    const { terms } = storyTerms('Fab opens', 'The fab in Arizona opens', []);
    expect(terms.get('fab')).toBeCloseTo(1.4);
    expect(terms.get('arizona')).toBeCloseTo(0.4);
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
    // The same source's follow-up is still the same story: one entry on the wire.
    expect(new Set(out.map((i) => i.clusterId)).size).toBe(1);
  });

  it('does not join titles that share only one word', () => {
    const x = draft({ title: 'Nvidia shares rise on strong data-centre demand', source: 'x' });
    const y = draft({ title: 'Nvidia unveils a robotics platform at Computex', source: 'y' });
    expect(clusterItems([x, y]).map((i) => i.clusterSize)).toEqual([1, 1]);
  });

  it('joins reworded headlines: plurals, "U.S." and possessives', () => {
    const x = draft({ title: 'U.S. tightens curbs on AI chip exports to China', source: 'x' });
    const y = draft({ title: "US tightening curb on China's AI chip export", source: 'y', published: '2026-11-10T13:00:00.000Z' });
    expect(new Set(clusterItems([x, y]).map((i) => i.clusterId)).size).toBe(1);
  });

  it('does not chain two stories through one bridging headline', () => {
    // The bridge shares half its words with each story; the stories share none with each other.
    const fab = [
      draft({ title: 'Intel delays Ohio fab opening to 2031', source: 'a', published: '2026-11-10T08:00:00.000Z' }),
      draft({ title: 'Intel pushes Ohio fab opening back to 2031', source: 'b', published: '2026-11-10T08:10:00.000Z' }),
      draft({ title: 'Ohio fab opening slips to 2031, Intel says', source: 'c', published: '2026-11-10T08:20:00.000Z' }),
    ];
    const bridge = draft({ title: 'Intel delays Ohio fab as board weighs Altera sale', source: 'd', published: '2026-11-10T09:00:00.000Z' });
    const sale = [
      draft({ title: 'Board weighs Altera sale to private equity', source: 'e', published: '2026-11-10T10:00:00.000Z' }),
      draft({ title: 'Altera sale to private equity weighed by board', source: 'f', published: '2026-11-10T10:10:00.000Z' }),
    ];
    const out = clusterItems([...fab, bridge, ...sale]);
    const id = (title: string) => out.find((i) => i.title === title)!.clusterId;
    expect(new Set(fab.map((i) => id(i.title))).size).toBe(1);
    expect(new Set(sale.map((i) => id(i.title))).size).toBe(1);
    expect(id(sale[0]!.title)).not.toBe(id(fab[0]!.title));
  });

  it('keeps apart two companies that file the same way on the same day', () => {
    // "files for bankruptcy protection" is most of each headline; the names differ. The names
    // stand first, where a capital says nothing, so the set's own spelling marks them: "Sbarro"
    // and "Gox" are never written in lower case, "files" and "bankruptcy" are.
    const at = (h: number) => new Date(Date.UTC(2026, 10, 10, h)).toISOString();
    const gox = [
      draft({ title: 'Mt. Gox files for US bankruptcy protection', source: 'a', published: at(1) }),
      draft({ title: 'Gox seeks US bankruptcy protection after the hack', source: 'b', published: at(2) }),
      draft({ title: 'Bitcoin exchange Mt. Gox files for bankruptcy protection in US', source: 'c', published: at(3) }),
    ];
    const sbarro = [
      draft({ title: 'Sbarro files for bankruptcy protection for the second time', source: 'd', published: at(4) }),
      draft({ title: 'Sbarro files for bankruptcy protection again', source: 'e', published: at(5) }),
    ];
    // A day's other news, so that "files" and "bankruptcy" are as rare as on a real wire.
    const day = Array.from({ length: 300 }, (_, i) =>
      draft({ title: `Markets note ${i} on topic${i} and subject${i}`, url: `https://x.example/${i}`, source: `s${i}`, published: at(i % 24) }),
    );
    const out = clusterItems([...gox, ...sbarro, ...day]);
    const id = (title: string) => out.find((i) => i.title === title)!.clusterId;
    expect(new Set(gox.map((i) => id(i.title)))).toEqual(new Set([gox[0]!.id]));
    expect(new Set(sbarro.map((i) => id(i.title)))).toEqual(new Set([sbarro[0]!.id]));
  });

  it('finds the story behind a word that is in every headline of a busy day', () => {
    // 400 Nvidia headlines between two reports of one story: the old 64-postings cap never compared them.
    const first = draft({ title: 'Nvidia agrees to buy Arm for $40 billion', source: 'a', published: '2026-11-10T00:00:00.000Z' });
    const noise = Array.from({ length: 400 }, (_, i) =>
      draft({
        title: `Nvidia note ${i} on topic${i} and subject${i}`,
        url: `https://x.example/${i}`,
        source: `s${i}`,
        published: new Date(Date.UTC(2026, 10, 10, 0, 1 + i)).toISOString(),
      }),
    );
    const last = draft({ title: 'Nvidia to buy Arm in $40 billion deal', source: 'b', published: '2026-11-10T08:00:00.000Z' });
    const out = clusterItems([first, ...noise, last]);
    expect(out.find((i) => i.id === last.id)!.clusterId).toBe(first.id);
    expect(out.find((i) => i.id === last.id)!.clusterSize).toBe(2);
  });

  it('is deterministic whatever the input order', () => {
    expect(clusterItems([a, b, c, other])).toEqual(clusterItems([other, c, b, a]));
  });

  it('clusters 10,000 items of random words without joining them', () => {
    // Titles of eight words from a 3,000-word vocabulary (a seeded generator), all within two days.
    // mulberry32 (32-bit integer arithmetic: an LCG in doubles loses precision and repeats itself).
    let seed = 42;
    const next = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (t ^ (t >>> 14)) >>> 0;
    };
    const word = () => `w${next() % 3000}`;
    const many = Array.from({ length: 10_000 }, (_, i) =>
      draft({
        title: Array.from({ length: 8 }, word).join(' '),
        url: `https://x.example/${i}`,
        source: `s${i % 200}`,
        published: new Date(Date.UTC(2026, 10, 1) + i * 15_000).toISOString(),
      }),
    );
    // Speed is measured by npm run bench:cluster; here, unrelated titles stay apart.
    const out = clusterItems(many);
    expect(new Set(out.map((i) => i.clusterId)).size).toBeGreaterThan(9_900);
  });
});
