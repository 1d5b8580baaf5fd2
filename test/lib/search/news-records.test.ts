import { describe, expect, it } from 'vitest';
import { newsRecords, searchedStories, wireAnchors } from '../../../src/lib/search/news-records.ts';
import { SITE, searchNewsLimit } from '../../../src/lib/site.ts';

const story = (id: string, extra: Partial<Parameters<typeof newsRecords>[0][number]> = {}) => ({
  id,
  title: `Story ${id}`,
  summary: 'SK hynix said HBM supply stays tight.',
  published: '2026-12-01T00:30:00.000Z',
  sourceName: 'Wafer Wire',
  topics: ['chips'],
  companies: ['sk-hynix'],
  ...extra,
});
const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';

describe('wireAnchors', () => {
  it('maps each story to its entry on the first wire page that shows it', () => {
    const anchors = wireAnchors([
      { url: '/news/', html: `<h3 class="news-item__title" id="n-${A}">…</h3><a href="#n-${B}">` },
      { url: '/news/2/', html: `<h3 id="n-${B}">…</h3><h3 id="n-${A}">` },
    ]);
    expect([...anchors]).toEqual([
      [A, `/news/#n-${A}`],
      [B, `/news/2/#n-${B}`],
    ]);
  });
});

describe('wireAnchors with the stories wanted', () => {
  it('reads pages only until every wanted story is found', () => {
    function* pages() {
      yield { url: '/news/', html: `<h3 id="n-${A}">` };
      yield { url: '/news/2/', html: `<h3 id="n-${B}">` };
      throw new Error('read a page past the wanted stories');
    }
    expect([...wireAnchors(pages(), new Set([A, B])).keys()]).toEqual([A, B]);
    expect(() => wireAnchors(pages(), new Set([A, B, 'cccccccccccccccc']))).toThrow(/past the wanted/);
  });
});

describe('newsRecords', () => {
  const anchors = new Map([
    [A, `/news/#n-${A}`],
    [B, `/news/2/#n-${B}`],
  ]);
  const known = { topics: new Set(['chips', 'energy']), companies: new Set(['sk-hynix', 'tsmc']) };

  it('makes one record per story: its text, its instant, its source, its topics and companies as filters', () => {
    const { records, missing } = newsRecords([story(A), story(B, { summary: '', topics: ['energy', 'space'], companies: ['tsmc', 'acme'] })], {
      anchors,
      ...known,
    });
    expect(missing).toEqual([]);
    expect(records[0]).toEqual({
      url: `/news/#n-${A}`,
      content: `Story ${A}\nSK hynix said HBM supply stays tight.`,
      language: 'en',
      meta: { title: `Story ${A}`, kind: 'news', date: '2026-12-01T00:30:00.000Z', source: 'Wafer Wire' },
      filters: { kind: ['news'], topic: ['chips'], company: ['sk-hynix'] },
      sort: { date: '2026-12-01T00:30:00.000Z' },
    });
    // Ids the taxonomy does not know are not filters; an empty summary adds nothing.
    expect(records[1]).toMatchObject({ url: `/news/2/#n-${B}`, content: `Story ${B}`, filters: { kind: ['news'], topic: ['energy'], company: ['tsmc'] } });
  });

  it('gives a story with no known topic or company the kind alone', () => {
    expect(newsRecords([story(A, { topics: [], companies: ['acme'] })], { anchors, ...known }).records[0]!.filters).toEqual({ kind: ['news'] });
  });

  it('names the stories the wire does not show, instead of linking them nowhere', () => {
    const { records, missing } = newsRecords([story(A), story('cccccccccccccccc')], { anchors, ...known });
    expect(records.map((r) => r.url)).toEqual([`/news/#n-${A}`]);
    expect(missing).toEqual(['cccccccccccccccc']);
  });
});

describe('searchedStories', () => {
  const stories = ['2026-12-03', '2026-12-02', '2026-12-01', '2026-11-30'].map((day, i) => ({ id: String(i), published: `${day}T08:00:00.000Z` }));

  it('keeps the newest up to the limit and says how far back they go and how many are left out', () => {
    expect(searchedStories(stories, 2)).toEqual({ stories: stories.slice(0, 2), left: 2, since: '2026-12-02T08:00:00.000Z' });
  });

  it('keeps every story, with no date, when they fit', () => {
    expect(searchedStories(stories, 4)).toEqual({ stories, left: 0 });
    expect(searchedStories(stories, Infinity)).toEqual({ stories, left: 0 });
  });
});

describe('searchNewsLimit', () => {
  it('reads SUBSTATION_SEARCH_NEWS_LIMIT, 0 for every story, and falls back to the site setting otherwise', () => {
    expect(searchNewsLimit({ SUBSTATION_SEARCH_NEWS_LIMIT: '250' })).toBe(250);
    expect(searchNewsLimit({ SUBSTATION_SEARCH_NEWS_LIMIT: '0' })).toBe(Infinity);
    for (const bad of [undefined, '', ' ', '-3', '2.5', 'all'])
      expect(searchNewsLimit({ SUBSTATION_SEARCH_NEWS_LIMIT: bad }), String(bad)).toBe(SITE.searchNewsLimit);
  });
});
