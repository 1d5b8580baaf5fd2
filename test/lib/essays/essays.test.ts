import { describe, expect, it } from 'vitest';
import { byDateDesc, isVisible } from '../../../src/lib/essays/visibility.ts';
import { countWords, readingMinutes } from '../../../src/lib/essays/reading-time.ts';
import { groupByYear, neighbours, relatedEssays } from '../../../src/lib/essays/related.ts';
import { slugFromFile, slugify } from '../../../src/lib/essays/slug.ts';
import { newEssay } from '../../../src/lib/essays/new-essay.ts';
import { checkContent } from '../../../src/lib/content/validate.ts';
import { files } from '../content/fixtures.ts';

const now = new Date('2026-11-24T12:00:00Z');
const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe('isVisible', () => {
  it('leaves drafts and future essays out of production', () => {
    expect(isVisible({ draft: false, date: day('2026-11-01') }, { now, preview: false })).toBe(true);
    expect(isVisible({ draft: true, date: day('2026-11-01') }, { now, preview: false })).toBe(false);
    expect(isVisible({ draft: false, date: day('2027-03-01') }, { now, preview: false })).toBe(false);
  });
  it('publishes a scheduled essay once its date arrives', () => {
    expect(isVisible({ draft: false, date: day('2026-11-24') }, { now, preview: false })).toBe(true);
    expect(isVisible({ draft: false, date: day('2027-03-01') }, { now: day('2027-03-01'), preview: false })).toBe(true);
  });
  it('shows everything in dev preview', () => {
    expect(isVisible({ draft: true, date: day('2027-03-01') }, { now, preview: true })).toBe(true);
  });
});

const e = (id: string, date: string, topics: string[], companies: string[] = []) => ({ id, data: { date: day(date), topics, companies } });

describe('ordering, related and neighbours', () => {
  const all = [e('b', '2026-02-01', ['chips']), e('a', '2026-02-01', ['energy']), e('c', '2025-12-01', ['chips', 'energy'], ['tsmc'])];
  it('sorts newest first with slug as tie-break', () => {
    expect([...all].sort(byDateDesc).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
  it('ranks related essays by shared topics then companies', () => {
    const me = e('me', '2026-03-01', ['chips', 'energy'], ['tsmc']);
    expect(relatedEssays(me, [...all, me]).map((x) => x.id)).toEqual(['c', 'a', 'b']);
    expect(relatedEssays(e('x', '2026-01-01', ['storage']), all)).toEqual([]);
  });
  it('picks the same related essays as ranking every match, over many essays with ties', () => {
    // The reference: score everything, sort it all, take the first `limit`.
    const reference = (me: ReturnType<typeof e>, pool: ReadonlyArray<ReturnType<typeof e>>, limit: number) =>
      pool
        .filter((o) => o.id !== me.id)
        .map((o) => ({
          o,
          s: 2 * o.data.topics.filter((t) => me.data.topics.includes(t)).length + o.data.companies.filter((c) => me.data.companies.includes(c)).length,
        }))
        .filter(({ s }) => s > 0)
        .sort((a, b) => b.s - a.s || b.o.data.date.getTime() - a.o.data.date.getTime() || a.o.id.localeCompare(b.o.id))
        .slice(0, limit)
        .map(({ o }) => o.id);
    const topics = ['chips', 'energy', 'networks', 'storage'];
    const companies = ['tsmc', 'nvidia', 'arista'];
    // Few topics, companies and dates: many equal scores and equal dates, so every tie-break counts.
    const pool = Array.from({ length: 120 }, (_, i) =>
      e(
        `e${(i * 37) % 120}`,
        `2026-0${1 + (i % 3)}-01`,
        topics.filter((_, k) => (i >> k) & 1),
        companies.filter((_, k) => (i >> (k + 2)) & 1),
      ),
    );
    for (const me of pool.slice(0, 40))
      for (const limit of [1, 3, 5]) expect(relatedEssays(me, pool, limit).map((x) => x.id)).toEqual(reference(me, pool, limit));
  });
  it('finds the newer and older essay', () => {
    const sorted = [...all].sort(byDateDesc);
    expect(neighbours(sorted[1]!, sorted)).toEqual({ newer: sorted[0], older: sorted[2] });
    expect(neighbours(sorted[0]!, sorted)).toEqual({ older: sorted[1] });
  });
  it('groups by year, newest year first', () => {
    expect(groupByYear([...all].sort(byDateDesc)).map((g) => [g.year, g.items.length])).toEqual([
      [2026, 2],
      [2025, 1],
    ]);
  });
});

describe('reading time', () => {
  it('counts prose words, not imports, components or footnote definitions', () => {
    const mdx =
      'import Chart from \'../x.astro\';\n\n## Heading here\n\nOne two three.[^1]\n\n<Chart data="x" />\n\n[^1]: A long citation that should not count.';
    expect(countWords(mdx)).toBe(5);
  });
  it('rounds to whole minutes, at least one', () => {
    expect(readingMinutes('word '.repeat(10))).toBe(1);
    expect(readingMinutes('word '.repeat(1150))).toBe(5);
  });
});

describe('slugs', () => {
  it('derives slugs from titles and files', () => {
    expect(slugify('HBM & the Memory Wall: Why 2026?')).toBe('hbm-the-memory-wall-why-2026');
    expect(slugify('Énergie nucléaire')).toBe('energie-nucleaire');
    expect(slugFromFile('content/essays/The-Foundry.mdx')).toBe('the-foundry');
  });
});

describe('newEssay', () => {
  it('writes frontmatter that passes the checker, as a draft', () => {
    const { slug, text } = newEssay({ title: 'Power Is the New Silicon', today: '2026-11-24', author: 'mara-okafor', topic: 'energy' });
    expect(slug).toBe('power-is-the-new-silicon');
    expect(text).toContain('draft: true');
    expect(checkContent(files([{ file: `content/essays/${slug}.mdx`, text }])).problems).toEqual([]);
  });
  it('refuses a title with no letters or digits', () => {
    expect(() => newEssay({ title: '!!!', today: '2026-11-24', author: 'a', topic: 'chips' })).toThrow(/cannot make a file name/);
  });
});

describe('joinNames', () => {
  it('reads like a byline', async () => {
    const { joinNames } = await import('../../../src/lib/site.ts');
    expect([joinNames([]), joinNames(['A']), joinNames(['A', 'B']), joinNames(['A', 'B', 'C'])]).toEqual(['', 'A', 'A and B', 'A, B and C']);
  });
});
