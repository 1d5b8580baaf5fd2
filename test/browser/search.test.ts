// Search over the built site: the Pagefind index holds every published essay (and each story of
// the wire, and company pages) with its kind, and in a real browser a reader types a company name on /search/ and
// finds the essay about it, served by a plain static server with no request leaving the origin.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, noChromiumReason, WALK_TIMEOUT } from '../helpers/chromium.ts';
import { builtSite, pageDocument } from '../helpers/site.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { closeSite, openSite } from '../helpers/browser-site.ts';

interface Fragment {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

let dist: string;
let fragments: Fragment[];
let essayUrls: string[];

beforeAll(async () => {
  dist = await builtSite();
  const dir = join(dist, 'pagefind/fragment');
  // Each fragment is gzipped JSON behind Pagefind's "pagefind_dcd" signature.
  fragments = readdirSync(dir).map((f) =>
    JSON.parse(
      gunzipSync(readFileSync(join(dir, f)))
        .toString('utf8')
        .replace(/^pagefind_dcd/, ''),
    ),
  );
  essayUrls = readdirSync(join(dist, 'essays'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `/essays/${e.name}/`);
});

describe('the search index', () => {
  it('contains every published essay, as an essay, and nothing unpublished', () => {
    const essays = fragments
      .filter((f) => f.filters['kind']?.includes('essay'))
      .map((f) => f.url)
      .sort();
    expect(essays).toEqual([...essayUrls].sort());
    expect(essays.length).toBeGreaterThan(0);
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(fragments.length);
  });

  it('gives every record a kind and leaves out listings, topic wires and the search page', () => {
    for (const f of fragments) expect(['essay', 'issue', 'news', 'company'], f.url).toContain(f.filters['kind']?.[0]);
    const urls = fragments.map((f) => f.url);
    expect(urls).not.toContain('/search/');
    expect(urls).not.toContain('/archive/');
    expect(urls.filter((u) => /^\/news\/[a-z]/.test(u))).toEqual([]);
    expect(urls).toContain('/companies/tsmc/');
    // Every kind the README promises is in the index, newsletter issues included.
    const kinds = new Set(fragments.map((f) => f.filters['kind']?.[0]));
    expect([...kinds].sort()).toEqual(['company', 'essay', 'issue', 'news']);
    expect(urls).toEqual(expect.arrayContaining(['/issues/1/', '/issues/2/']));
  });

  it('ships the search script on /search/ only, from the same origin', () => {
    const scripts = [...pageDocument(dist, '/search/').querySelectorAll('script')].filter((s) => s.getAttribute('type') === 'module');
    expect(scripts.length).toBe(1);
    expect(scripts[0]!.getAttribute('src') ?? '').not.toMatch(/^https?:|^\/\//);
    const home = [...pageDocument(dist, '/').querySelectorAll('script')].filter((s) => s.getAttribute('type') === 'module');
    expect(home).toEqual([]);
  });
});

if (!hasChromium) console.warn(noChromiumReason);

describe.skipIf(!hasChromium)('searching in a browser', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    ({ browser, server } = await openSite(dist));
  });
  afterAll(() => closeSite(browser, server));

  it('finds the essay about a company when a reader types its name, labelled as an essay', { timeout: WALK_TIMEOUT }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const foreign: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => !r.url().startsWith(server.url) && foreign.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    await page.goto(`${server.url}/search/`);
    // "Vertiv" is a taxonomy company (vertiv) named, in frontmatter and text, by this essay.
    await page.locator('input[name="q"]').pressSequentially('Vertiv', { delay: 20 });
    // On a busy machine a keystroke can outlast the 200-ms debounce, so "Ver" gets results of its
    // own (the essay, marked at "very"); the status line names the term whose results are shown.
    await page.locator('[data-search-status]', { hasText: /for “Vertiv”/ }).waitFor({ timeout: 20_000 });
    const hit = page.locator('.search-hit', { has: page.locator('a[href="/essays/heat-is-the-new-floor-space/"]') });
    await hit.waitFor({ timeout: 20_000 });
    expect((await hit.locator('.search-hit__kind').textContent())?.trim()).toBe('Essay');
    expect(await hit.locator('mark').first().textContent()).toMatch(/Vertiv/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Vertiv');

    // Narrowed to essays, only essays remain; a shared link reopens the same search.
    await page.locator('label', { hasText: 'Essays' }).click();
    // Not while the list is emptied for the new results: some hits, all of them essays.
    await page.waitForFunction(() => {
      const hits = [...document.querySelectorAll('.search-hit')];
      return hits.length > 0 && hits.every((h) => h.classList.contains('search-hit--essay'));
    });
    await page.goto(`${server.url}/search/?q=Vertiv&kind=essay`);
    await hit.waitFor({ timeout: 20_000 });
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);

    await hit.locator('a').click();
    await page.waitForURL(/\/essays\/heat-is-the-new-floor-space\/$/);
    await context.close();
  });

  it('lists every published essay for the essay filter, straight from the index', { timeout: WALK_TIMEOUT }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/search/`);
    // A string, so vitest's transform leaves the browser's own import() alone.
    const urls: string[] = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const found = await pagefind.search(null, { filters: { kind: 'essay' } });
      return Promise.all(found.results.map(async (r) => (await r.data()).url));
    })()`);
    expect([...urls].sort()).toEqual([...essayUrls].sort());
    await context.close();
  });
});
