// The news wire as built: every story reachable exactly once through the pagination, under its lead
// item, rendered as plain text with a same-tab link to its original and links to the other sources
// that covered it, grouped by day, and per-topic wires.
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite, pageDocument, readPage } from '../helpers/site.ts';
import { HOSTILE_TITLE, newsSite, syntheticNewsSite, type NewsSite } from '../helpers/news-site.ts';
import { groupStories } from '../../src/lib/news-site/stories.ts';

const PAGE_SIZE = 50;

/** Follows rel="next" from `start`, returning each page's path and its item ids in order. */
function walkFrom(site: NewsSite, start: string): Array<{ path: string; ids: string[] }> {
  const pages = [];
  for (let path: string | null = start; path;) {
    const doc = pageDocument(site.dist, path);
    pages.push({ path, ids: [...doc.querySelectorAll('.news-item__title')].map((h) => h.id.replace(/^n-/, '')) });
    path = doc.querySelector('.pagination a[rel="next"]')?.getAttribute('href') ?? null;
    if (pages.length > 10_000) throw new Error('pagination loops');
  }
  return pages;
}

// The demo store is realistic but small; the synthetic one spans several pages and has a hostile headline.
describe.each([
  ['the demo store', newsSite],
  ['a synthetic store of several pages', syntheticNewsSite],
])('the news wire built from %s', (_name, load) => {
  let site: NewsSite;
  beforeAll(async () => {
    site = await load();
  });
  const walk = (start: string) => walkFrom(site, start);

  it('reaches every story exactly once, under its lead, newest first, 50 to a page', () => {
    const pages = walk('/news/');
    const ids = pages.flatMap((p) => p.ids);
    const stories = groupStories(site.items);
    expect(ids).toEqual(stories.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
    // Never the same story twice: one entry per cluster.
    const clusterOf = new Map(site.items.map((i) => [i.id, i.clusterId]));
    expect(new Set(ids.map((id) => clusterOf.get(id))).size).toBe(ids.length);
    expect(pages.length).toBe(Math.max(1, Math.ceil(stories.length / PAGE_SIZE)));
    expect(pages.every((p) => p.ids.length <= PAGE_SIZE)).toBe(true);
    expect(pages.slice(1).map((p) => p.path)).toEqual(pages.slice(1).map((_, i) => `/news/${i + 2}/`));
  });

  it('reaches every story of a topic exactly once on its topic wire', () => {
    for (const topic of site.taxonomy.topics) {
      const ids = walk(`/news/${topic.id}/`).flatMap((p) => p.ids);
      const expected = groupStories(site.items)
        .filter((i) => i.topics.includes(topic.id))
        .map((i) => i.id);
      expect(ids, topic.id).toEqual(expected);
    }
  });

  it('renders each item: same-tab link to the original, source, machine-readable time, topics, companies, coverage', () => {
    const doc = pageDocument(site.dist, '/news/');
    const byId = new Map(groupStories(site.items).map((i) => [i.id, i]));
    const articles = [...doc.querySelectorAll('.news-item')];
    expect(articles.length).toBe(Math.min(PAGE_SIZE, byId.size));
    for (const article of articles) {
      const item = byId.get(article.querySelector('.news-item__title')!.id.slice(2))!;
      const link = article.querySelector('.news-item__title a')!;
      expect(link.getAttribute('href')).toBe(item.url);
      expect(link.getAttribute('rel')).toBe('noopener');
      expect(link.hasAttribute('target')).toBe(false);
      expect(link.textContent).toBe(item.title);
      expect(article.querySelector('.news-item__source')?.textContent).toBe(item.sourceName);
      expect(article.querySelector('time')?.getAttribute('datetime')).toBe(item.published);
      const companies = [...article.querySelectorAll('.news-item__companies a')].map((a) => a.getAttribute('href'));
      expect(companies).toEqual(item.companies.map((id) => `/companies/${id}/`));
      const topics = [...article.querySelectorAll('.chips a')].map((a) => a.getAttribute('href'));
      expect(topics).toEqual(item.topics.map((id) => `/news/${id}/`));
      // The other sources are named and linked; a story no other source covered has no note.
      const others = [...article.querySelectorAll('.news-item__coverage a')].map((a) => [a.textContent, a.getAttribute('href')]);
      expect(others).toEqual(item.others.map((o) => [o.sourceName, o.url]));
      if (item.others.length) expect(article.querySelector('.news-item__coverage')!.textContent).toMatch(/^also covered by /);
    }
  });

  it('groups a page by UTC day, newest day first', () => {
    const doc = pageDocument(site.dist, '/news/');
    const days = [...doc.querySelectorAll('.news-day')];
    const stamps = days.map((d) => d.querySelector('.news-day__title time')!.getAttribute('datetime')!);
    expect([...stamps].sort().reverse()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    for (const day of days) {
      const stamp = day.querySelector('.news-day__title time')!.getAttribute('datetime')!;
      for (const time of day.querySelectorAll('.news-item time')) expect(time.getAttribute('datetime')!.slice(0, 10)).toBe(stamp);
    }
  });

  it('renders feed text as text: a hostile headline is escaped, never markup', () => {
    const hostile = site.items.find((i) => i.title === HOSTILE_TITLE);
    if (!hostile) return; // the demo store has no hostile item; the fixture store does
    const page = walk('/news/').find((p) => p.ids.includes(hostile.id))!;
    const html = readPage(site.dist, page.path);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>Samsung</b>');
    expect(pageDocument(site.dist, page.path).getElementById(`n-${hostile.id}`)?.textContent).toBe(HOSTILE_TITLE);
  });

  it('keeps pages light: no page inlines the store', () => {
    const sizes = walk('/news/').map((p) => readPage(site.dist, p.path).length);
    expect(Math.max(...sizes)).toBeLessThan(150_000);
  });

  it('is not indexed for search page by page: search has one record per story (test/site/search-index.test.ts)', () => {
    expect(readPage(site.dist, '/news/')).not.toContain('data-pagefind-body');
    const topic = site.taxonomy.topics[0]!.id;
    expect(readPage(site.dist, `/news/${topic}/`)).not.toContain('data-pagefind-body');
  });
});

describe('the news wire by month', () => {
  let site: NewsSite;
  beforeAll(async () => {
    site = await syntheticNewsSite();
  });

  it('links each month, newest first, to the day heading of its newest story on the page that shows it, on every page', () => {
    const stories = groupStories(site.items);
    const pages = walkFrom(site, '/news/');
    for (const { path } of [pages[0]!, pages.at(-1)!]) {
      const links = [...pageDocument(site.dist, path).querySelectorAll('nav.news-months a')];
      expect(
        links.map((a) => a.textContent?.trim()),
        path,
      ).toEqual(['November 2026', 'October 2026']);
      links.forEach((a, i) => {
        const [target, fragment] = a.getAttribute('href')!.split('#') as [string, string];
        // The month's newest story is on that page, under that day's heading.
        const newest = stories.find((s) => s.published.startsWith(i === 0 ? '2026-11' : '2026-10'))!;
        expect(fragment).toBe(`d-${newest.published.slice(0, 10)}`);
        const section = pageDocument(site.dist, target).getElementById(fragment);
        expect(section?.querySelector(`#n-${newest.id}`), a.getAttribute('href')!).toBeTruthy();
      });
    }
    // October's one story is on the last page.
    expect(pageDocument(site.dist, '/news/').querySelectorAll('nav.news-months a')[1]!.getAttribute('href')).toMatch(new RegExp(`^${pages.at(-1)!.path}#`));
  });

  it('has no month links on a wire of one month', async () => {
    const demo = await newsSite();
    const months = new Set(demo.items.map((i) => i.published.slice(0, 7)));
    if (months.size === 1) expect(pageDocument(demo.dist, '/news/').querySelector('nav.news-months')).toBeNull();
    else expect(pageDocument(demo.dist, '/news/').querySelectorAll('nav.news-months a').length).toBe(months.size);
  });
});

describe('the news wire with the sample publication', () => {
  it('builds /news/ from the repository store, or shows an empty state when there is none', async () => {
    const doc = pageDocument(await builtSite(), '/news/');
    expect(doc.querySelector('h1')?.textContent).toBe('The wire');
    expect(doc.querySelectorAll('.news-item').length > 0 || doc.querySelector('.empty') !== null).toBe(true);
    expect([...doc.querySelectorAll('.site-nav a')].map((a) => a.getAttribute('href'))).toEqual(expect.arrayContaining(['/news/', '/companies/']));
  });
});
