// The search index as built: one record per story of the wire, linked to the story's entry on the
// wire page that shows it, with its topics, companies and instant; no whole wire page; and essays,
// issues and company pages filed under their topics and companies, with their dates and authors.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { slugFromFile } from '../../src/lib/essays/slug.ts';
import { groupStories } from '../../src/lib/news-site/stories.ts';
import { readNewsStore } from '../../src/lib/news/store-fs.ts';
import { newsSite, syntheticNewsSite, type NewsSite } from '../helpers/news-site.ts';
import { SEARCH_PAGES_GLOB } from '../../src/lib/search/index-site-fs.ts';
import { allPages, builtSite, pageDocument, readPage, repoRoot } from '../helpers/site.ts';

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

function fragmentsOf(dist: string): Fragment[] {
  const dir = join(dist, 'pagefind/fragment');
  // Each fragment is gzipped JSON behind Pagefind's "pagefind_dcd" signature.
  return readdirSync(dir).map((f) =>
    JSON.parse(
      gunzipSync(readFileSync(join(dir, f)))
        .toString('utf8')
        .replace(/^pagefind_dcd/, ''),
    ),
  );
}

describe.each([
  ['the demo store', newsSite],
  ['a synthetic store of several pages', syntheticNewsSite],
])('news in the search index, built from %s', (_name, load) => {
  let site: NewsSite;
  let news: Fragment[];
  beforeAll(async () => {
    site = await load();
    news = fragmentsOf(site.dist).filter((f) => f.filters['kind']?.[0] === 'news');
  });

  it('has one record per story, the newest up to the limit, linked to its entry on the wire, and no wire page as a whole', () => {
    const stories = groupStories(site.items).slice(0, site.searchLimit);
    expect(news.length).toBe(stories.length);
    const byId = new Map(news.map((f) => [/#n-([0-9a-f]{16})$/.exec(f.url)?.[1], f]));
    expect([...byId.keys()].sort()).toEqual(stories.map((s) => s.id).sort());
    const pages = new Map<string, string>();
    for (const f of news) {
      const [path, hash] = f.url.split('#') as [string, string];
      expect(path).toMatch(/^\/news\/(\d+\/)?$/);
      const html = pages.get(path) ?? pages.set(path, readPage(site.dist, path)).get(path)!;
      expect(html, f.url).toContain(`id="${hash}"`);
    }
  });

  it('files each story under its topics and companies, with its instant, headline and source', () => {
    const known = { topic: new Set(site.taxonomy.topics.map((t) => t.id)), company: new Set(site.taxonomy.companies.map((c) => c.id)) };
    const byId = new Map(news.map((f) => [f.url.slice(-16), f]));
    for (const story of groupStories(site.items).slice(0, site.searchLimit)) {
      const f = byId.get(story.id)!;
      expect(f.meta, story.id).toEqual({ title: story.title, kind: 'news', date: story.published, source: story.sourceName });
      const topics = story.topics.filter((id) => known.topic.has(id));
      const companies = story.companies.filter((id) => known.company.has(id));
      expect(f.filters, story.id).toEqual({ kind: ['news'], ...(topics.length ? { topic: topics } : {}), ...(companies.length ? { company: companies } : {}) });
    }
  });
});

describe('a wire longer than the search limit', () => {
  let site: NewsSite;
  beforeAll(async () => {
    site = await syntheticNewsSite();
  });

  it('indexes the newest stories only, and the search page says how far back news search goes', () => {
    const stories = groupStories(site.items);
    expect(stories.length).toBeGreaterThan(site.searchLimit);
    const indexed = new Set(fragmentsOf(site.dist).flatMap((f) => (f.filters['kind']?.[0] === 'news' ? [f.url.slice(-16)] : [])));
    expect(indexed.size).toBe(site.searchLimit);
    // Every story left out is older than every story kept.
    const oldestKept = stories[site.searchLimit - 1]!;
    for (const story of stories.slice(site.searchLimit)) {
      expect(indexed.has(story.id), story.id).toBe(false);
      expect(story.published <= oldestKept.published).toBe(true);
    }
    const note = pageDocument(site.dist, '/search/').querySelector('.search-scope');
    const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(oldestKept.published));
    expect(note?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      `News search covers the newest ${site.searchLimit} stories, back to ${day}; the ${stories.length - site.searchLimit} older ones are on the wire, its topic pages and the company pages.`,
    );
    expect(note?.querySelector('a')?.getAttribute('href')).toBe('/news/');
  });
});

describe('pages in the search index', () => {
  let fragments: Map<string, Fragment>;
  let dist: string;
  beforeAll(async () => {
    dist = await builtSite();
    fragments = new Map(fragmentsOf(dist).map((f) => [f.url, f]));
  });

  it('gives Pagefind every page that opts in: none sits outside the folders it reads', () => {
    const folders = /^\{([^}]+)\}\//.exec(SEARCH_PAGES_GLOB)![1]!.split(',');
    const optedIn = allPages(dist).filter((path) => readPage(dist, path).includes('data-pagefind-body'));
    expect(optedIn.length).toBeGreaterThan(10);
    for (const path of optedIn)
      expect(
        folders.some((f) => path.startsWith(`/${f}/`)),
        path,
      ).toBe(true);
    for (const path of optedIn) expect(fragments.has(path), path).toBe(true);
  });
  const files = readContentFiles(repoRoot);
  const authorName = (id: string) => (parseYaml(readFileSync(join(repoRoot, 'content/authors', `${id}.yaml`), 'utf8')) as { name: string }).name;
  const byline = (ids: string[]) => {
    const names = ids.map(authorName);
    return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
  };

  it('files each essay under its frontmatter topics and companies, with its date and authors', () => {
    let seen = 0;
    for (const file of files.essays) {
      const f = fragments.get(`/essays/${slugFromFile(file.file)}/`);
      if (!f) continue; // drafts and scheduled essays are not built
      seen++;
      const data = splitFrontmatter(file.text).data as { topics: string[]; companies?: string[]; authors: string[]; date: Date | string };
      expect(f.filters['topic'], file.file).toEqual(data.topics);
      expect(f.filters['company'] ?? [], file.file).toEqual(data.companies ?? []);
      expect(f.meta['date'], file.file).toBe(new Date(data.date).toISOString().slice(0, 10));
      expect(f.meta['authors'], file.file).toBe(byline(data.authors));
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('files each issue under the topics and companies of the stories it runs, with its date and authors', () => {
    const items = readNewsStore(join(repoRoot, 'content/news'));
    const taxonomy = parseYaml(readFileSync(join(repoRoot, 'content/taxonomy.yaml'), 'utf8')) as {
      topics: Array<{ id: string }>;
      companies: Array<{ id: string }>;
    };
    const known = new Set([...taxonomy.topics, ...taxonomy.companies].map((t) => t.id));
    for (const file of files.issues ?? []) {
      const data = splitFrontmatter(file.text).data as { number: number; authors: string[]; date: Date | string; draft?: boolean };
      if (data.draft) continue;
      const f = fragments.get(`/issues/${data.number}/`)!;
      expect(f, file.file).toBeDefined();
      expect(f.meta['date']).toBe(new Date(data.date).toISOString().slice(0, 10));
      expect(f.meta['authors']).toBe(byline(data.authors));
      // A story's url prop is the store item's URL in quotes.
      const run = items.filter((item) => file.text.includes(`"${item.url}"`));
      const union = (key: 'topics' | 'companies') => [...new Set(run.flatMap((item) => item[key]).filter((id) => known.has(id)))].sort();
      expect(run.length, file.file).toBeGreaterThan(0);
      expect(f.filters['topic'], file.file).toEqual(union('topics'));
      expect(f.filters['company'], file.file).toEqual(union('companies'));
    }
  });

  it('files each company page under its topics and itself', () => {
    const taxonomy = parseYaml(readFileSync(join(repoRoot, 'content/taxonomy.yaml'), 'utf8')) as { companies: Array<{ id: string; topics: string[] }> };
    for (const company of taxonomy.companies) {
      expect(fragments.get(`/companies/${company.id}/`)?.filters, company.id).toEqual({ kind: ['company'], topic: company.topics, company: [company.id] });
    }
  });

  it("indexes a chart's caption but not its table of values", () => {
    let charts = 0;
    for (const [url, f] of fragments) {
      if (f.filters['kind']?.[0] !== 'essay') continue;
      const doc = pageDocument(dist, url);
      for (const figure of doc.querySelectorAll('figure:has(details.chart-data)')) {
        charts++;
        const caption = figure.querySelector('figcaption')!.textContent!.replace(/\s+/g, ' ').trim();
        // The first row of the table, as its text would be indexed: label and values run together.
        const row = [...figure.querySelectorAll('details.chart-data tbody tr:first-child > *')].map((c) => c.textContent!.trim());
        const words = f.content.replace(/\s+/g, ' ');
        expect(words, `${url}: caption`).toContain(caption.slice(0, 40));
        expect(words, url).not.toContain('Show the figures as a table');
        expect(words, `${url}: first row ${row.join(' | ')}`).not.toContain(`${row[0]} ${row[1]}`);
      }
    }
    expect(charts).toBeGreaterThan(3);
  });

  it("indexes content, not labels: an issue's or a company's text starts with its title", () => {
    const pages = [...fragments.values()].filter((f) => f.filters['kind']?.[0] === 'issue' || f.filters['kind']?.[0] === 'company');
    expect(pages.length).toBeGreaterThan(2);
    for (const f of pages) {
      expect(f.content.startsWith(f.meta['title']!), `${f.url}: ${f.content.slice(0, 80)}`).toBe(true);
      expect(f.content, f.url).not.toMatch(/^The weekly issue|^Companies ·/);
    }
  });
});
