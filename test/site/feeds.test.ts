// The built feeds as a subscriber's reader sees them: Python feedparser (a mainstream reader's parser)
// and a strict XML parser over every feed, the W3C Feed Validator over every RSS and Atom feed, the
// same entries in RSS, Atom and JSON Feed, full content with absolute URLs and no script,
// autodiscovery on pages, the /feeds/ page, and a feed's CSS view (no XSLT) in a real browser.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { slugFromFile } from '../../src/lib/essays/slug.ts';
import { hasChromium, launchChromium, noChromiumReason } from '../helpers/chromium.ts';
import { readNewsStore } from '../../src/lib/news/store-fs.ts';
import { NEWS_FEED_SIZE } from '../../src/lib/syndication/news-entry.ts';
import { feedparserPython, noFeedparserReason, parseWithFeedparser, type ParsedFeed } from '../helpers/feedparser.ts';
import { hasFeedValidator, noFeedValidatorReason, validateFeed, type ValidatorReport } from '../helpers/feedvalidator.ts';
import { BUILD_NOW, builtSite, pageDocument, repoRoot } from '../helpers/site.ts';
import { serveStatic } from '../helpers/static-server.ts';

const SITE = 'https://substation.example';
let dist: string;

interface EssayMeta {
  slug: string;
  title: string;
  date: Date;
  draft?: boolean;
  topics: string[];
}
const essays: EssayMeta[] = readContentFiles(repoRoot).essays.map((f) => {
  const data = splitFrontmatter(f.text).data as Omit<EssayMeta, 'slug' | 'date'> & { date: string | Date };
  return { ...data, slug: slugFromFile(f.file), date: new Date(data.date) };
});
const byNewest = (a: EssayMeta, b: EssayMeta) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug);
const published = essays.filter((e) => !e.draft && e.date <= new Date(BUILD_NOW)).sort(byNewest);
const unpublished = essays.filter((e) => !published.includes(e));
const issues = (readContentFiles(repoRoot).issues ?? [])
  .map((f) => splitFrontmatter(f.text).data as { number: number; title: string; date: string | Date; draft?: boolean })
  .filter((i) => !i.draft && new Date(i.date) <= new Date(BUILD_NOW))
  .sort((a, b) => new Date(b.date).getTime() - new Date(a.date).getTime() || b.number - a.number);
const topics = (parseYaml(readFileSync(join(repoRoot, 'content/taxonomy.yaml'), 'utf8')) as { topics: Array<{ id: string }> }).topics.map((t) => t.id);

const news = readNewsStore(join(repoRoot, 'content/news'))
  .sort((a, b) => Date.parse(b.published) - Date.parse(a.published) || a.url.localeCompare(b.url))
  .slice(0, NEWS_FEED_SIZE);

const XML_FEEDS = ['/rss.xml', '/atom.xml', '/issues/rss.xml', '/news/rss.xml', ...topics.map((id) => `/topics/${id}/rss.xml`)];
/** One feed per company; test/site/companies.test.ts reads each with feedparser and checks its entries. */
const companies = (parseYaml(readFileSync(join(repoRoot, 'content/taxonomy.yaml'), 'utf8')) as { companies: Array<{ id: string }> }).companies.map((c) => c.id);
const COMPANY_FEEDS = companies.map((id) => `/companies/${id}/rss.xml`);
/** The titles and links a feed must carry, in order. */
const expected = (path: string) => {
  if (path.startsWith('/issues/')) return issues.map((i) => ({ title: i.title, link: `${SITE}/issues/${i.number}/` }));
  // The wire's items link to the original article, not to a page of ours.
  if (path.startsWith('/news/')) return news.map((item) => ({ title: item.title, link: item.url }));
  const topic = /^\/topics\/([^/]+)\//.exec(path)?.[1];
  return published.filter((e) => !topic || e.topics.includes(topic)).map((e) => ({ title: e.title, link: `${SITE}/essays/${e.slug}/` }));
};
const feedText = (path: string) => readFileSync(join(dist, path), 'utf8');

beforeAll(async () => {
  dist = await builtSite();
});

describe('feeds in a reader', () => {
  let parsed: Map<string, ParsedFeed>;
  beforeAll(() => {
    if (!feedparserPython) return;
    const list = parseWithFeedparser(XML_FEEDS.map((p) => join(dist, p)));
    parsed = new Map(XML_FEEDS.map((p, i) => [p, list[i]!]));
  });

  it.skipIf(!feedparserPython)('are read by feedparser without complaint and are well-formed XML', () => {
    for (const path of XML_FEEDS) {
      const feed = parsed.get(path)!;
      expect({ path, bozo: feed.bozo, why: feed.bozoException, xml: feed.xmlError }).toEqual({ path, bozo: false, why: null, xml: null });
      expect(feed.version, path).toBe(path === '/atom.xml' ? 'atom10' : 'rss20');
    }
  });

  it.skipIf(!feedparserPython)('carry exactly the published essays, newest first, with titles and links', () => {
    for (const path of XML_FEEDS) {
      const feed = parsed.get(path)!;
      const want = expected(path);
      expect(
        feed.entries.map((e) => e.title),
        path,
      ).toEqual(want.map((e) => e.title));
      expect(
        feed.entries.map((e) => e.link),
        path,
      ).toEqual(want.map((e) => e.link));
    }
    expect(topics.some((id) => expected(`/topics/${id}/rss.xml`).length > 0)).toBe(true);
    expect(expected('/news/rss.xml').length).toBeGreaterThan(10);
  });

  it.skipIf(!feedparserPython)('give each entry its full content, authors, categories and social card', () => {
    for (const entry of parsed.get('/rss.xml')!.entries.concat(parsed.get('/atom.xml')!.entries)) {
      expect(entry.content.length, entry.title).toBeGreaterThan(1000);
      expect(entry.authors.length, entry.title).toBeGreaterThan(0);
      expect(entry.tags.length, entry.title).toBeGreaterThan(0);
      expect(entry.media, entry.title).toEqual([`${SITE}/og/essays/${entry.link.split('/').at(-2)}.png`]);
    }
  });

  it('skips the feedparser checks only with a reason', () => {
    if (!feedparserPython) console.warn(noFeedparserReason);
    expect(true).toBe(true);
  });
});

/** Every RSS or Atom document in the build, by URL path: sitemaps are XML too, but not feeds. */
function xmlFeedsIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.xml'))
    .filter((file) => /<(rss|feed)[\s>]/.test(readFileSync(join(dir, file), 'utf8').slice(0, 4096)))
    .map((file) => `/${file.split(sep).join('/')}`)
    .sort();
}

describe('the W3C Feed Validator', () => {
  let reports: ValidatorReport[];
  beforeAll(async () => {
    if (!hasFeedValidator) return;
    // Each feed as served at its real address, so its self link is checked against it.
    reports = await Promise.all([...XML_FEEDS, ...COMPANY_FEEDS].map((path) => validateFeed(join(dist, path), `${SITE}${path}`)));
  });

  it('is given every RSS and Atom feed the build publishes', () => {
    expect(xmlFeedsIn(dist)).toEqual([...XML_FEEDS, ...COMPANY_FEEDS].sort());
  });

  it.skipIf(!hasFeedValidator)('finds no error in any feed', () => {
    for (const report of reports) expect({ feed: report.base, errors: report.errors }, report.output).toEqual({ feed: report.base, errors: [] });
  });

  it.skipIf(!hasFeedValidator)('finds no warning in any feed', () => {
    for (const report of reports) expect({ feed: report.base, warnings: report.warnings }, report.output).toEqual({ feed: report.base, warnings: [] });
  });

  it.skipIf(!hasFeedValidator)('reports what it finds: an invalid feed, or one served elsewhere, does not pass', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'substation-feedvalidator-'));
    try {
      const file = join(dir, 'rss.xml');
      // No channel description (an error) and a self link that is not where the feed is served (a warning).
      writeFileSync(file, feedText('/issues/rss.xml').replace(/<description>[^<]*<\/description>\n/, ''));
      const report = await validateFeed(file, `${SITE}/elsewhere.xml`);
      expect(report.errors.map((m) => m.type)).toContain('MissingDescription');
      expect(report.warnings.map((m) => m.type)).toContain('SelfDoesntMatchLocation');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips the validator only with a reason', () => {
    if (!hasFeedValidator) console.warn(noFeedValidatorReason);
    expect(true).toBe(true);
  });
});

describe('feed files', () => {
  it('publish every feed, with the JSON Feed carrying the same entries as RSS', () => {
    for (const path of [...XML_FEEDS, '/feed.json']) expect(existsSync(join(dist, path)), path).toBe(true);
    const json = JSON.parse(feedText('/feed.json')) as { version: string; feed_url: string; items: Array<Record<string, unknown>> };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.feed_url).toBe(`${SITE}/feed.json`);
    expect(json.items.map((i) => i.url)).toEqual(published.map((e) => `${SITE}/essays/${e.slug}/`));
    expect(json.items.map((i) => i.title)).toEqual(published.map((e) => e.title));
    for (const item of json.items) {
      expect(typeof item.content_html).toBe('string');
      expect(item.date_published).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
  });

  it('give the JSON Feed a 512-px icon, a 64-px favicon and the publication as its author, all PNGs in the build', () => {
    const json = JSON.parse(feedText('/feed.json')) as { icon: string; favicon: string; authors: unknown };
    expect(json.authors).toEqual([{ name: 'Substation Research', url: `${SITE}/` }]);
    for (const [url, size] of [
      [json.icon, 512],
      [json.favicon, 64],
    ] as const) {
      expect(url).toMatch(new RegExp(`^${SITE}/[\\w-]+\\.png$`));
      const png = readFileSync(join(dist, new URL(url).pathname));
      expect(png.subarray(1, 4).toString('latin1'), url).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], url).toEqual([size, size]);
    }
  });

  it('never carry a draft or a scheduled essay', () => {
    for (const path of [...XML_FEEDS, '/feed.json']) {
      const text = feedText(path);
      for (const e of unpublished) {
        expect(text, `${path} leaks ${e.slug}`).not.toContain(`/essays/${e.slug}/`);
        expect(text, `${path} leaks ${e.slug}`).not.toContain(e.title);
      }
    }
  });

  it('make every URL in the content absolute and carry no script', () => {
    for (const path of ['/rss.xml', '/atom.xml', '/feed.json']) {
      const text = feedText(path)
        .replace(/<\?xml-stylesheet[^>]*>/, '')
        .replace(/&quot;/g, '"')
        .replace(/\\"/g, '"')
        .replace(/&lt;/g, '<');
      expect(text, path).not.toMatch(/<script/i);
      expect(text, path).not.toMatch(/\s(?:href|src)="(?!https?:|mailto:)/);
    }
  });

  it('do not change between builds of the same content (dates come from entries, not the clock)', () => {
    expect(feedText('/rss.xml')).toContain(`<lastBuildDate>${published[0]!.date.toUTCString()}</lastBuildDate>`);
  });

  it('show a browser the feed itself, styled by CSS, never through XSLT', () => {
    for (const path of XML_FEEDS) {
      const text = feedText(path);
      expect(text.match(/<\?xml-stylesheet [^>]*\?>/g), path).toEqual(['<?xml-stylesheet type="text/css" href="/feed.css"?>']);
      expect(text, path).not.toContain('text/xsl');
    }
    expect(existsSync(join(dist, 'feed.css'))).toBe(true);
    for (const file of ['rss.xsl', 'atom.xsl']) expect(existsSync(join(dist, file)), file).toBe(false);
  });
});

describe('the feeds page', () => {
  it('lists every feed with its address and explains how to subscribe', () => {
    const doc = pageDocument(dist, '/feeds/');
    const links = [...doc.querySelectorAll('main a[type]')].map((a) => ({ href: a.getAttribute('href'), address: a.textContent }));
    const every = [...XML_FEEDS, '/feed.json'];
    // It lists the company feeds too; only the site-wide ones are advertised in its head.
    expect(links.map((l) => l.href).sort()).toEqual([...every, ...COMPANY_FEEDS].sort());
    for (const link of links) expect(link.address).toBe(`${SITE}${link.href}`);
    expect(doc.querySelector('#how')?.textContent).toBe('How to subscribe');
    expect(doc.querySelector('main')?.textContent).toMatch(/paste one of the addresses below/);
    // It advertises every feed to readers that look for them, the site's three among them.
    const alternates = [...doc.querySelectorAll('link[rel="alternate"]')].map((l) => l.getAttribute('href'));
    expect(alternates.sort()).toEqual(every.map((p) => `${SITE}${p}`).sort());
  });

  it('is linked from the footer of every page and from the about page', () => {
    for (const path of ['/', '/about/', `/essays/${published[0]!.slug}/`, '/news/']) {
      expect(pageDocument(dist, path).querySelector('.site-footer a[href="/feeds/"]'), path).not.toBeNull();
    }
    expect(pageDocument(dist, '/about/').querySelector('.prose a[href="/feeds/"]')).not.toBeNull();
  });
});

describe('autodiscovery', () => {
  const alternates = (path: string) =>
    [...pageDocument(dist, path).querySelectorAll('link[rel="alternate"]')].map((l) => `${l.getAttribute('type')} ${l.getAttribute('href')}`);
  const siteFeeds = [`application/rss+xml ${SITE}/rss.xml`, `application/atom+xml ${SITE}/atom.xml`, `application/feed+json ${SITE}/feed.json`];

  it('advertises the site feeds on every kind of page', () => {
    for (const path of ['/', '/archive/', '/about/', `/essays/${published[0]!.slug}/`, '/tags/', '/authors/']) {
      expect(alternates(path), path).toEqual(expect.arrayContaining(siteFeeds));
    }
  });

  it('advertises a topic page its own feed first', () => {
    expect(alternates('/topics/energy/')[0]).toBe(`application/rss+xml ${SITE}/topics/energy/rss.xml`);
    expect(pageDocument(dist, '/topics/energy/').querySelector('link[rel="alternate"]')?.getAttribute('title')).toBe('Substation: Energy (RSS)');
  });

  it('advertises the news wire feed on the wire first', () => {
    expect(alternates('/news/')[0]).toBe(`application/rss+xml ${SITE}/news/rss.xml`);
    expect(alternates('/news/energy/')[0]).toBe(`application/rss+xml ${SITE}/news/rss.xml`);
  });
});

describe.skipIf(!hasChromium)('the feed in a browser', () => {
  it('shows /rss.xml and /atom.xml as themselves, styled by CSS with no XSLT: title, what a feed is, its address, its entries', async () => {
    const server = await serveStatic(dist);
    const browser = await launchChromium();
    try {
      for (const [path, root] of [
        ['/rss.xml', 'rss'],
        ['/atom.xml', 'feed'],
      ] as const) {
        const page = await browser.newPage();
        const messages: string[] = [];
        page.on('console', (m) => messages.push(m.text()));
        await page.goto(`${server.url}${path}`);
        const view = await page.evaluate(() => {
          const shown = (el: Element) => getComputedStyle(el).display !== 'none';
          const all = [...document.querySelectorAll('*')];
          const self = [...document.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'link')].find((l) => l.getAttribute('rel') === 'self');
          return {
            root: document.documentElement.localName,
            instructions: [...document.childNodes].filter((n) => n.nodeType === 7).map((n) => (n as ProcessingInstruction).data),
            titleSize: parseFloat(getComputedStyle(document.querySelector('title')!).fontSize),
            how: self ? getComputedStyle(self, '::before').content : '',
            address: self ? getComputedStyle(self, '::after').content : '',
            entries: all.filter((e) => (e.localName === 'item' || e.localName === 'entry') && shown(e)).length,
            body: all.filter((e) => (e.localName === 'encoded' || e.localName === 'content') && shown(e)).length,
          };
        });
        expect(view.root, path).toBe(root);
        expect(view.instructions, path).toEqual(['type="text/css" href="/feed.css"']);
        expect(view.titleSize, path).toBeGreaterThan(30);
        expect(view.how, path).toMatch(/subscribe to it in a feed reader.*\/feeds\//);
        expect(view.address, path).toBe(`"${SITE}${path}"`);
        expect(view.entries, path).toBe(published.length);
        expect(view.body, `${path} shows no entry's full content`).toBe(0);
        expect(
          messages.filter((m) => /xslt/i.test(m)),
          path,
        ).toEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });
  if (!hasChromium) console.warn(noChromiumReason);
});
