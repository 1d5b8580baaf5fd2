// The production build of the sample publication: every page type, its metadata, and what must
// never be published (drafts, scheduled essays, scripts other than the theme toggle).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { slugFromFile } from '../../src/lib/essays/slug.ts';
import { themeScript } from '../../src/lib/theme-script.ts';
import { readNewsStore } from '../../src/lib/news/store-fs.ts';
import { allPages, BUILD_NOW, builtSite, pageDocument, readPage, repoRoot } from '../helpers/site.ts';

const SITE = 'https://substation.example';
let dist: string;

const essays = readContentFiles(repoRoot).essays.map((f) => {
  const data = splitFrontmatter(f.text).data as {
    draft?: boolean;
    date: string | Date;
    updated?: string | Date;
    tags?: string[];
    topics: string[];
    authors: string[];
  };
  return { slug: slugFromFile(f.file), ...data, date: new Date(data.date), updated: data.updated === undefined ? undefined : new Date(data.updated) };
});
const published = essays.filter((e) => !e.draft && e.date <= new Date(BUILD_NOW));
const unpublished = essays.filter((e) => !published.includes(e));
const first = published[0]!;

beforeAll(async () => {
  dist = await builtSite();
});

describe('pages', () => {
  it('ships a sample publication with drafts and a scheduled essay to leave out', () => {
    expect(published.length).toBeGreaterThanOrEqual(6);
    expect(unpublished.some((e) => e.draft)).toBe(true);
    expect(unpublished.some((e) => !e.draft && e.date > new Date(BUILD_NOW))).toBe(true);
  });

  it('writes every page type', () => {
    const paths = [
      '/',
      '/archive/',
      '/about/',
      '/essays/',
      '/topics/',
      '/topics/chips/',
      '/topics/energy/',
      '/topics/networks/',
      '/authors/',
      `/authors/${first.authors[0]}/`,
      '/tags/',
      `/tags/${first.tags?.[0]}/`,
      `/essays/${first.slug}/`,
      '/404.html',
    ];
    for (const path of paths) expect(existsSync(join(dist, path.endsWith('/') ? `${path}index.html` : path)), path).toBe(true);
    for (const e of published) expect(existsSync(join(dist, 'essays', e.slug, 'index.html')), e.slug).toBe(true);
  });

  it('never builds a draft or a future essay, nor links to one', () => {
    const html = allPages(dist)
      .map((p) => readPage(dist, p))
      .join('\n');
    for (const e of unpublished) {
      expect(existsSync(join(dist, 'essays', e.slug)), e.slug).toBe(false);
      expect(html).not.toContain(`/essays/${e.slug}/`);
    }
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    for (const e of unpublished) expect(sitemap).not.toContain(`/essays/${e.slug}/`);
  });

  it('lists every published essay in the archive, grouped by year', () => {
    const doc = pageDocument(dist, '/archive/');
    const links = [...doc.querySelectorAll('.year-group a')].map((a) => a.getAttribute('href'));
    expect(links.sort()).toEqual(published.map((e) => `/essays/${e.slug}/`).sort());
    expect(doc.querySelector('.year-group h2')?.textContent).toBe('2026');
  });

  it('gives an essay its title, dek, byline, dates, reading time, contents, footnotes and neighbours', () => {
    const doc = pageDocument(dist, `/essays/${first.slug}/`);
    expect(doc.querySelector('h1')?.textContent?.trim()).toBeTruthy();
    expect(doc.querySelector('.essay-header .dek')?.textContent).toBeTruthy();
    expect(doc.querySelector('.byline a[rel="author"]')?.getAttribute('href')).toBe(`/authors/${first.authors[0]}/`);
    expect(doc.querySelector('.byline time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(doc.querySelector('.byline')?.textContent).toMatch(/\d+ min read/);
    const toc = [...doc.querySelectorAll('.toc a')].map((a) => a.getAttribute('href')!);
    expect(toc.length).toBeGreaterThanOrEqual(3);
    for (const href of toc) expect(doc.getElementById(href.slice(1)), href).not.toBeNull();
    expect(doc.querySelectorAll('[data-footnotes] li').length).toBeGreaterThanOrEqual(1);
    expect(doc.querySelector('.pager a')).not.toBeNull();
    expect(doc.querySelectorAll('.related .essay-card').length).toBeGreaterThanOrEqual(1);
  });
});

describe('home page', () => {
  it('leads with the featured essay, then the latest issue, essays and one headline per news story', () => {
    const doc = pageDocument(dist, '/');
    expect(doc.querySelector('.featured h2 a')?.getAttribute('href')).toMatch(/^\/essays\//);
    const clusters = new Map(readNewsStore(join(repoRoot, 'content/news')).map((item) => [item.url, item.clusterId]));
    const links = [...doc.querySelectorAll('.home-wire .news-item__title a')].map((a) => a.getAttribute('href')!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(6);
    for (const href of links) expect(href).toMatch(/^https?:\/\//);
    const stories = links.map((href) => clusters.get(href));
    expect(stories.every(Boolean)).toBe(true);
    expect(new Set(stories).size).toBe(stories.length);
  });
});

describe('metadata', () => {
  it('gives every page a canonical URL, a unique title, a description and Open Graph and Twitter tags', () => {
    const titles = new Map<string, string>();
    // Email bodies (dist/email/) are not web pages: they have no canonical or social tags.
    for (const path of allPages(dist).filter((p) => p !== '/404.html' && !p.startsWith('/email/'))) {
      const doc = pageDocument(dist, path);
      const meta = (sel: string) => doc.querySelector(sel)?.getAttribute('content');
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), path).toMatch(new RegExp(`^${SITE}/`));
      expect(meta('meta[name="description"]'), path).toBeTruthy();
      expect(meta('meta[property="og:title"]'), path).toBeTruthy();
      expect(meta('meta[property="og:url"]'), path).toMatch(/^https:\/\//);
      expect(meta('meta[name="twitter:card"]'), path).toMatch(/^summary/);
      const title = doc.querySelector('title')?.textContent ?? '';
      expect(titles.get(title), `${path} repeats the title of ${titles.get(title)}`).toBeUndefined();
      titles.set(title, path);
    }
  });

  const ld = (path: string) => [...pageDocument(dist, path).querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? ''));

  it('describes the site, essays and authors in parseable JSON-LD', () => {
    expect(ld('/')[0]).toMatchObject({ '@type': 'WebSite', name: 'Substation', url: `${SITE}/` });
    const article = ld(`/essays/${first.slug}/`)[0];
    expect(article).toMatchObject({ '@type': 'Article', url: `${SITE}/essays/${first.slug}/` });
    expect(article.author[0]).toMatchObject({ '@type': 'Person', url: `${SITE}/authors/${first.authors[0]}/` });
    expect(new Date(article.datePublished).getTime()).toBe(first.date.getTime());
    expect(ld(`/authors/${first.authors[0]}/`)[0]).toMatchObject({ '@type': 'Person' });
  });

  it('publishes a sitemap and robots.txt with absolute URLs', () => {
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${SITE}/essays/${first.slug}/</loc>`);
    expect(sitemap).not.toContain('404');
  });

  it("dates each essay in the sitemap by its frontmatter's updated, else its date, and no other page", () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    const lastmod = new Map([...sitemap.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?/g)].map((m) => [m[1]!, m[2]]));
    expect(published.some((e) => e.updated)).toBe(true);
    for (const e of published) expect(lastmod.get(`${SITE}/essays/${e.slug}/`), e.slug).toBe((e.updated ?? e.date).toISOString());
    const others = [...lastmod].filter(([url]) => !/\/essays\/[^/]+\/$/.test(url));
    expect(others.length).toBeGreaterThan(10);
    expect(others.filter(([, date]) => date !== undefined)).toEqual([]);
  });

  it('serves /favicon.ico, a real ICO of the SVG icon at 16, 32 and 48 px, linked beside the SVG', () => {
    const ico = readFileSync(join(dist, 'favicon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 3]);
    const images = [0, 1, 2].map((i) => {
      const entry = 6 + 16 * i;
      const [size, offset] = [ico.readUInt32LE(entry + 8), ico.readUInt32LE(entry + 12)];
      const png = ico.subarray(offset, offset + size);
      return { width: ico.readUInt8(entry), png: png.subarray(1, 4).toString('latin1'), pixels: [png.readUInt32BE(16), png.readUInt32BE(20)] };
    });
    expect(images).toEqual([16, 32, 48].map((n) => ({ width: n, png: 'PNG', pixels: [n, n] })));
    const icons = [...pageDocument(dist, '/').querySelectorAll('link[rel="icon"]')].map((l) => l.getAttribute('href'));
    expect(icons).toEqual(['/favicon.ico', '/favicon.svg']);
  });
});

describe('client code', () => {
  it('ships no script on essay pages but the theme toggle (and JSON-LD data)', () => {
    for (const e of published) {
      const scripts = [...pageDocument(dist, `/essays/${e.slug}/`).querySelectorAll('script')];
      const code = scripts.filter((s) => s.getAttribute('type') !== 'application/ld+json');
      expect(
        code.map((s) => s.textContent),
        e.slug,
      ).toEqual([themeScript]);
      expect(code.some((s) => s.hasAttribute('src'))).toBe(false);
    }
  });

  it("puts every script inside <body>, the search page's module too, and nothing after </html>", () => {
    for (const path of allPages(dist)) expect(readPage(dist, path).trimEnd().endsWith('</html>'), path).toBe(true);
    const html = readPage(dist, '/search/');
    const body = html.slice(html.indexOf('<body'), html.lastIndexOf('</body>'));
    // Inline while small, a same-origin file past Vite's inline limit (the script with its filters is about 5 KB).
    expect(body).toMatch(/<script type="module"(?: src="\/_astro\/[^"]+\.js")?>/);
    expect(html.split('</body>')[1]).not.toMatch(/<script/);
  });

  it('loads fonts from the site itself, never from another host', () => {
    const html = readPage(dist, '/');
    // Stylesheets are inlined; any that are not would be linked from /_astro/.
    const linked = [...html.matchAll(/href="(\/_astro\/[^"]+\.css)"/g)].map((m) => readFileSync(join(dist, m[1]!), 'utf8'));
    const css = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)]
      .map((m) => m[1])
      .concat(linked)
      .join('');
    expect(css).toMatch(/@font-face/);
    expect(css).not.toMatch(/url\((['"]?)https?:/);
    expect(html).not.toMatch(/fonts\.googleapis|fonts\.gstatic/);
  });
});
