// The company directory and company pages as built: every taxonomy company by segment with ticker
// and counts; a company page shows its profile, the essays that name it and its latest stories
// (only its own), a coverage chart that matches the store, related companies and its own feed,
// which a reader (feedparser) reads cleanly. Corrections and disclosures as a reader meets them.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { pageDocument, repoRoot } from '../helpers/site.ts';
import { newsSite, type NewsSite } from '../helpers/news-site.ts';
import { byNewest } from '../../src/lib/news-site/wire.ts';
import { groupStories } from '../../src/lib/news-site/stories.ts';
import { feedparserPython, noFeedparserReason, parseWithFeedparser } from '../helpers/feedparser.ts';

const COMPANY_NEWS_LIMIT = 20;
let site: NewsSite;
/** Published essays (the built ones) and the companies their frontmatter names. */
let essays: Array<{ slug: string; title: string; companies: string[] }>;

beforeAll(async () => {
  site = await newsSite();
  essays = readdirSync(join(site.dist, 'essays'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map(({ name: slug }) => {
      const file = readdirSync(join(repoRoot, 'content/essays')).find((n) => n.replace(/\.mdx?$/, '') === slug)!;
      const front = parseYaml(readFileSync(join(repoRoot, 'content/essays', file), 'utf8').split(/^---$/m)[1]!) as { title: string; companies?: string[] };
      return { slug, title: front.title, companies: front.companies ?? [] };
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
      const expected = essays
        .filter((e) => e.companies.includes(company.id))
        .map((e) => `/essays/${e.slug}/`)
        .sort();
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
    expect(pageDocument(site.dist, `/companies/${quiet.id}/`).querySelector('.company-news .empty')?.textContent).toContain('No stories naming');
  });
});

const SITE = 'https://substation.example';
const DAY = 86_400_000;
/** The Monday (UTC) of an instant's week, worked out here independently of src/lib/companies. */
const monday = (instant: string) => {
  const t = Math.floor(Date.parse(instant) / DAY) * DAY;
  return new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

describe('a company page as an investor reads it', () => {
  it('shows the profile from the taxonomy: description, listing, headquarters and website', () => {
    for (const company of site.taxonomy.companies) {
      const doc = pageDocument(site.dist, `/companies/${company.id}/`);
      expect(doc.querySelector('.company-lede')!.textContent, company.id).toBe(company.description);
      const facts = doc.querySelector('.company-keyfacts')!.textContent!;
      expect(facts, company.id).toContain(company.ticker ?? 'Private');
      expect(doc.querySelector(`.company-keyfacts a[href="${company.website}"]`), company.id).toBeTruthy();
    }
    const tsmc = pageDocument(site.dist, '/companies/tsmc/').querySelector('.company-keyfacts')!.textContent!;
    expect(tsmc).toContain('New York Stock Exchange');
    expect(tsmc).toContain('Taiwan');
  });

  it('charts stories per week over the 26 weeks to the newest item, as the store has them', () => {
    const stories = groupStories([...site.items].sort(byNewest));
    const end = monday(
      site.items
        .map((i) => i.published)
        .sort()
        .at(-1)!,
    );
    const first = new Date(Date.parse(`${end}T00:00:00Z`) - 25 * 7 * DAY).toISOString().slice(0, 10);
    for (const company of site.taxonomy.companies) {
      const weeks = new Map<string, number>();
      for (const story of stories) {
        const week = monday(story.published);
        if (story.companies.includes(company.id) && week >= first && week <= end) weeks.set(week, (weeks.get(week) ?? 0) + 1);
      }
      const expected = [...weeks]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([w, n]) => `Week of ${Number(w.slice(8))} ${MONTHS[Number(w.slice(5, 7)) - 1]}: ${n} ${n === 1 ? 'story' : 'stories'}`);
      const svg = pageDocument(site.dist, `/companies/${company.id}/`).querySelector('.coverage svg')!;
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.querySelector('desc')!.textContent!.length, company.id).toBeGreaterThan(40);
      expect(
        [...svg.querySelectorAll('rect')].map((r) => r.querySelector('title')!.textContent),
        company.id,
      ).toEqual(expected);
    }
  });

  it('names related companies: its segment peers and those named beside it', () => {
    for (const company of site.taxonomy.companies) {
      const doc = pageDocument(site.dist, `/companies/${company.id}/`);
      const links = [...doc.querySelectorAll('.related-companies a')].map((a) => a.getAttribute('href'));
      for (const peer of site.taxonomy.companies.filter((c) => c.segment === company.segment && c.id !== company.id))
        expect(links, company.id).toContain(`/companies/${peer.id}/`);
      expect(links).not.toContain(`/companies/${company.id}/`);
    }
    // TSMC and SK hynix are named together in essays, so each is "named beside" the other.
    expect(
      [...pageDocument(site.dist, '/companies/tsmc/').querySelectorAll('.related-companies ul:first-of-type a')].map((a) => a.getAttribute('href')),
    ).toContain('/companies/sk-hynix/');
  });

  it('gives each story its summary', () => {
    const id = busiest();
    const doc = pageDocument(site.dist, `/companies/${id}/`);
    const byId = new Map(site.items.map((i) => [i.id, i]));
    for (const article of doc.querySelectorAll('.company-news .news-item')) {
      const item = byId.get(article.querySelector('.news-item__title')!.id.slice(2))!;
      if (item.summary) expect(article.querySelector('.news-item__summary')!.textContent).toBe(item.summary);
    }
  });
});

describe('a feed per company', () => {
  const feedPath = (id: string) => `/companies/${id}/rss.xml`;

  it('is advertised on the company page before the site feeds, and linked from it', () => {
    for (const company of site.taxonomy.companies) {
      const doc = pageDocument(site.dist, `/companies/${company.id}/`);
      const alternates = [...doc.querySelectorAll('link[rel="alternate"]')];
      expect(alternates[0]!.getAttribute('href'), company.id).toBe(`${SITE}${feedPath(company.id)}`);
      expect(alternates[0]!.getAttribute('type')).toBe('application/rss+xml');
      expect(doc.querySelector(`.company-keyfacts a[href="${feedPath(company.id)}"]`), company.id).toBeTruthy();
    }
  });

  it.skipIf(!feedparserPython)('is read by feedparser cleanly for every company, with the essays and stories that name it', () => {
    const companies = site.taxonomy.companies;
    const parsed = parseWithFeedparser(companies.map((c) => join(site.dist, feedPath(c.id))));
    companies.forEach((company, i) => {
      const feed = parsed[i]!;
      expect({ id: company.id, bozo: feed.bozo, why: feed.bozoException, xml: feed.xmlError }).toEqual({ id: company.id, bozo: false, why: null, xml: null });
      expect(feed.version).toBe('rss20');
      expect(feed.title).toBe(`Substation: ${company.aliases[0] ?? company.name}`);
      const links = feed.entries.map((e) => e.link).sort();
      const expected = [
        ...essays.filter((e) => e.companies.includes(company.id)).map((e) => `${SITE}/essays/${e.slug}/`),
        ...storiesOf(company.id)
          .slice(0, COMPANY_NEWS_LIMIT)
          .map((s) => s.url),
      ].sort();
      expect(links, company.id).toEqual(expected);
    });
  });

  it('skips the feedparser check only with a reason', () => {
    if (!feedparserPython) console.warn(noFeedparserReason);
    expect(true).toBe(true);
  });
});

describe('corrections and disclosures as a reader meets them', () => {
  const corrected = 'waiting-in-line-for-electrons';

  it('prints a correction at the head of the essay, and moves its updated date', () => {
    const doc = pageDocument(site.dist, `/essays/${corrected}/`);
    const note = doc.querySelector('.essay-header .corrections')!;
    expect(note.textContent).toContain('Corrected on 12 May 2026:');
    expect(note.textContent).toContain('It did so in November 2024.');
    expect(doc.querySelector('meta[property="article:modified_time"]')!.getAttribute('content')).toBe('2026-05-12T00:00:00.000Z');
  });

  it('carries the correction into the feeds as the updated date and a note', () => {
    const atom = readFileSync(join(site.dist, 'atom.xml'), 'utf8');
    const entry = atom.split('<entry>').find((e) => e.includes(`/essays/${corrected}/`))!;
    expect(entry).toContain('<updated>2026-05-12T00:00:00.000Z</updated>');
    expect(entry).toContain('Corrected on 12 May 2026:');
    const json = JSON.parse(readFileSync(join(site.dist, 'feed.json'), 'utf8')) as {
      items: Array<{ url: string; date_modified?: string; content_html: string }>;
    };
    const item = json.items.find((i) => i.url.endsWith(`/essays/${corrected}/`))!;
    expect(item.date_modified).toBe('2026-05-12T00:00:00.000Z');
    expect(item.content_html).toContain('Corrected on 12 May 2026:');
  });

  it('lists every correction on /corrections/, linked to its essay', () => {
    const doc = pageDocument(site.dist, '/corrections/');
    const entries = [...doc.querySelectorAll('.corrections-list > li')];
    expect(entries).toHaveLength(1);
    expect(entries[0]!.querySelector('a')!.getAttribute('href')).toBe(`/essays/${corrected}/`);
    expect(entries[0]!.querySelector('time')!.getAttribute('datetime')).toBe('2026-05-12');
  });

  it('sets the disclosures and the site disclaimer just above the footnotes, on the page and in the feed', () => {
    for (const essay of essays) {
      const html = readFileSync(join(site.dist, `essays/${essay.slug}/index.html`), 'utf8');
      const disclosures = html.indexOf('class="disclosures"');
      const footnotes = html.search(/<section[^>]*data-footnotes/);
      expect(disclosures, essay.slug).toBeGreaterThan(0);
      if (footnotes > 0) expect(disclosures, essay.slug).toBeLessThan(footnotes);
      expect(html.slice(disclosures), essay.slug).toContain('not investment advice');
    }
    const bottleneck = pageDocument(site.dist, '/essays/the-bottleneck-is-the-business/').querySelector('.disclosures')!.textContent!;
    expect(bottleneck).toContain('Mara Okafor holds a long position in Taiwan Semiconductor Manufacturing Co.');
    expect(bottleneck).toContain('Theo Lindqvist and Priya Raman hold no positions in the companies named.');
    const rss = readFileSync(join(site.dist, 'rss.xml'), 'utf8');
    expect(rss).toContain('Mara Okafor holds a long position in Taiwan Semiconductor Manufacturing Co.');
  });

  it('carries the site-wide disclaimer into the newsletter email, HTML and text', () => {
    for (const file of readdirSync(join(site.dist, 'email'))) {
      const text = readFileSync(join(site.dist, 'email', file), 'utf8').replace(/\s+/g, ' ');
      expect(text, file).toContain('Substation publishes research for information only. It is not investment advice');
    }
  });

  it('links the essays an essay mentions rather than naming them in italics', () => {
    for (const essay of essays) {
      const prose = pageDocument(site.dist, `/essays/${essay.slug}/`).querySelector('.prose')!;
      for (const other of essays)
        expect(
          [...prose.querySelectorAll('em')].map((e) => e.textContent),
          essay.slug,
        ).not.toContain(other.title);
    }
    const links = [...pageDocument(site.dist, '/essays/the-bottleneck-is-the-business/').querySelectorAll('.prose a')].map((a) => a.getAttribute('href'));
    expect(links).toContain('/essays/the-package-is-the-product/');
  });
});
