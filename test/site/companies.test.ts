// The company directory and company pages as built: every taxonomy company by segment with ticker
// and counts; a company page lists the essays that name it and its latest news, and only its own.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { pageDocument, repoRoot } from '../helpers/site.ts';
import { newsSite, type NewsSite } from '../helpers/news-site.ts';
import { byNewest } from '../../src/lib/news-site/wire.ts';
import { groupStories } from '../../src/lib/news-site/stories.ts';

const COMPANY_NEWS_LIMIT = 20;
let site: NewsSite;
/** Published essays (the built ones) and the companies their frontmatter names. */
let essays: Array<{ slug: string; companies: string[] }>;

beforeAll(async () => {
  site = await newsSite();
  essays = readdirSync(join(site.dist, 'essays'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map(({ name: slug }) => {
      const file = readdirSync(join(repoRoot, 'content/essays')).find((n) => n.replace(/\.mdx?$/, '') === slug)!;
      const front = readFileSync(join(repoRoot, 'content/essays', file), 'utf8').split(/^---$/m)[1]!;
      return { slug, companies: (parseYaml(front) as { companies?: string[] }).companies ?? [] };
    });
});

const newsOf = (id: string) => [...site.items].sort(byNewest).filter((i) => i.companies.includes(id));
// A company page lists stories, one per cluster, under the lead item, as the wire does.
const storiesOf = (id: string) => groupStories([...site.items].sort(byNewest)).filter((s) => s.companies.includes(id));
const busiest = () => site.taxonomy.companies.map((c) => c.id).sort((a, b) => newsOf(b).length - newsOf(a).length)[0]!;

describe('/companies/', () => {
  it('lists every company once, under its segment label, with ticker and counts', () => {
    const doc = pageDocument(site.dist, '/companies/');
    const labels = new Map(site.taxonomy.segments.map((s) => [s.id, s.label]));
    const cards = [...doc.querySelectorAll('.company-card')];
    expect(cards.length).toBe(site.taxonomy.companies.length);
    for (const company of site.taxonomy.companies) {
      const card = cards.find((c) => c.querySelector('a')?.getAttribute('href') === `/companies/${company.id}/`);
      expect(card, company.id).toBeTruthy();
      const segment = card!.closest('.company-segment')!.querySelector('h2')!.textContent;
      expect(segment).toBe(labels.get(company.segment));
      expect(card!.querySelector('.ticker')!.textContent).toBe(company.ticker ?? 'Private');
      const essayCount = essays.filter((e) => e.companies.includes(company.id)).length;
      const newsCount = newsOf(company.id).length;
      expect(card!.querySelector('.meta')!.textContent).toContain(`${essayCount} essay${essayCount === 1 ? '' : 's'}`);
      expect(card!.querySelector('.meta')!.textContent).toContain(`${newsCount} news item${newsCount === 1 ? '' : 's'}`);
    }
  });

  it('orders segments as the taxonomy does', () => {
    const doc = pageDocument(site.dist, '/companies/');
    const shown = [...doc.querySelectorAll('.company-segment h2')].map((h) => h.textContent);
    const used = new Set(site.taxonomy.companies.map((c) => c.segment));
    expect(shown).toEqual(site.taxonomy.segments.filter((s) => used.has(s.id)).map((s) => s.label));
  });
});

describe('/companies/<id>/', () => {
  it('shows a company its latest news, one entry per story, newest first, and only its own', () => {
    const id = busiest();
    const expected = storiesOf(id);
    expect(expected.length).toBeGreaterThan(0);
    const doc = pageDocument(site.dist, `/companies/${id}/`);
    const shown = [...doc.querySelectorAll('.company-news .news-item__title')].map((h) => h.id.slice(2));
    expect(shown).toEqual(expected.slice(0, COMPANY_NEWS_LIMIT).map((i) => i.id));
    const byId = new Map(site.items.map((i) => [i.id, i]));
    for (const itemId of shown) expect(byId.get(itemId)!.companies).toContain(id);
    expect(new Set(shown.map((itemId) => byId.get(itemId)!.clusterId)).size).toBe(shown.length);
  });

  it('lists exactly the published essays that name the company, and its topics', () => {
    for (const company of site.taxonomy.companies) {
      const doc = pageDocument(site.dist, `/companies/${company.id}/`);
      const shown = [...doc.querySelectorAll('.essay-card h3 a')].map((a) => a.getAttribute('href')).sort();
      const expected = essays.filter((e) => e.companies.includes(company.id)).map((e) => `/essays/${e.slug}/`).sort();
      expect(shown, company.id).toEqual(expected);
      const topics = [...doc.querySelectorAll('.company-head .chips a')].map((a) => a.getAttribute('href'));
      expect(topics).toEqual(company.topics.map((t) => `/topics/${t}/`));
    }
  });

  it('never lists a draft or scheduled essay', () => {
    const published = new Set(essays.map((e) => `/essays/${e.slug}/`));
    for (const company of site.taxonomy.companies) {
      for (const a of pageDocument(site.dist, `/companies/${company.id}/`).querySelectorAll('.essay-card h3 a')) {
        expect(published.has(a.getAttribute('href')!)).toBe(true);
      }
    }
  });

  it('shows an empty state for a company with no news', () => {
    const quiet = site.taxonomy.companies.find((c) => newsOf(c.id).length === 0);
    if (!quiet) return; // every company has news in this store
    expect(pageDocument(site.dist, `/companies/${quiet.id}/`).querySelector('.company-news .empty')?.textContent).toContain('No news');
  });
});
