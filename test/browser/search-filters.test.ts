// Search narrowed by kind, topic and company, in Chromium over the built sample site: "HBM" finds
// essays, issues, companies and stories; each filter keeps exactly the results the index files
// under it; the count printed is the number of results listed; the choices offered are the ones
// the index has; and the URL keeps the whole search.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, noChromiumReason, WALK_TIMEOUT } from '../helpers/chromium.ts';
import { builtSite } from '../helpers/site.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { closeSite, openSite } from '../helpers/browser-site.ts';

interface Fragment {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

let dist: string;
let byUrl: Map<string, Fragment>;

beforeAll(async () => {
  dist = await builtSite();
  const dir = join(dist, 'pagefind/fragment');
  const fragments: Fragment[] = readdirSync(dir).map((f) =>
    JSON.parse(
      gunzipSync(readFileSync(join(dir, f)))
        .toString('utf8')
        .replace(/^pagefind_dcd/, ''),
    ),
  );
  byUrl = new Map(fragments.map((f) => [f.url, f]));
});

if (!hasChromium) console.warn(noChromiumReason);

/** Waits for the results of `term`, lists every one (clicking "More results" until it goes), and returns the status count and the hits. */
async function allResults(page: Page, term: string) {
  await page.locator('[data-search-status]', { hasText: new RegExp(`(results? for|Nothing found for) “${term}”`) }).waitFor({ timeout: 20_000 });
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) {
    const before = await page.locator('.search-hit').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-hit').length > n, before);
  }
  const status = (await page.locator('[data-search-status]').textContent())!;
  const count = /^(\d+) results? for/.exec(status)?.[1];
  const hits = await page.locator('.search-hit').evaluateAll((items) =>
    items.map((li) => ({
      url: li.querySelector('a')!.getAttribute('href')!,
      kind: li.querySelector('.search-hit__kind')!.textContent!,
      meta: li.querySelector('.search-hit__meta')?.textContent ?? '',
    })),
  );
  return { count: count ? Number(count) : 0, hits };
}

/** Chooses a value and waits until the list shows that search's results (every hit passing `each`). */
async function narrow(page: Page, change: () => Promise<unknown>, each: (f: Fragment) => boolean) {
  await change();
  await page.waitForFunction(() => !/Searching/.test(document.querySelector('[data-search-status]')!.textContent!));
  await expect
    .poll(
      async () => {
        const urls = await page.locator('.search-hit a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
        return urls.length > 0 && urls.every((u) => byUrl.get(u) && each(byUrl.get(u)!));
      },
      { timeout: 20_000 },
    )
    .toBe(true);
}

describe.skipIf(!hasChromium)('search filters in a browser', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    ({ browser, server } = await openSite(dist));
  });
  afterAll(() => closeSite(browser, server));

  it('counts what it lists, one hit per result, each story once, with dates and authors', { timeout: WALK_TIMEOUT }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/search/?q=HBM`);
    const { count, hits } = await allResults(page, 'HBM');
    expect(count).toBeGreaterThan(3);
    expect(hits.length).toBe(count);
    expect(new Set(hits.map((h) => h.url)).size).toBe(count);
    // Every kind is there, and no hit is a whole page of the wire.
    expect(new Set(hits.map((h) => h.kind))).toEqual(new Set(['Essay', 'Newsletter', 'Company', 'News']));
    for (const hit of hits.filter((h) => h.kind === 'News')) expect(hit.url).toMatch(/^\/news\/(\d+\/)?#n-[0-9a-f]{16}$/);
    // Essays and issues give their day and authors, stories their UTC time and source.
    for (const hit of hits.filter((h) => h.kind === 'Essay' || h.kind === 'Newsletter')) {
      const { date, authors } = byUrl.get(hit.url)!.meta;
      expect(hit.meta, hit.url).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4} · /);
      expect(hit.meta.endsWith(` · ${authors}`), hit.url).toBe(true);
      expect(date, hit.url).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    for (const hit of hits.filter((h) => h.kind === 'News')) expect(hit.meta).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} UTC · \S/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps only essays, then a topic, then a company, and counts what remains', { timeout: WALK_TIMEOUT }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?q=HBM`);
    const everything = await allResults(page, 'HBM');

    await narrow(
      page,
      () => page.locator('label', { hasText: 'Essays' }).click(),
      (f) => f.filters['kind']?.[0] === 'essay',
    );
    const essays = await allResults(page, 'HBM');
    expect(essays.hits.length).toBe(essays.count);
    expect(essays.hits.map((h) => h.url).sort()).toEqual(
      everything.hits
        .filter((h) => h.kind === 'Essay')
        .map((h) => h.url)
        .sort(),
    );
    expect(new URL(page.url()).search).toBe('?q=HBM&kind=essay');

    // Back to everything, narrowed to a topic: exactly the earlier results filed under it.
    const filed = (facet: string, id: string) => (f: Fragment) => f.filters[facet]?.includes(id) ?? false;
    await narrow(
      page,
      () => page.locator('label', { hasText: 'Everything' }).click(),
      () => true,
    );
    await narrow(page, () => page.locator('select[name="topic"]').selectOption('storage'), filed('topic', 'storage'));
    const storage = await allResults(page, 'HBM');
    expect(storage.hits.length).toBe(storage.count);
    const inStorage = everything.hits.filter((h) => filed('topic', 'storage')(byUrl.get(h.url)!)).map((h) => h.url);
    expect(storage.hits.map((h) => h.url).sort()).toEqual(inStorage.sort());
    expect(storage.count).toBeLessThan(everything.count);

    // A company on top of the topic narrows further: both must match.
    await narrow(
      page,
      () => page.locator('select[name="company"]').selectOption('micron'),
      (f) => filed('topic', 'storage')(f) && filed('company', 'micron')(f),
    );
    const micron = await allResults(page, 'HBM');
    expect(micron.hits.length).toBe(micron.count);
    expect(micron.count).toBeGreaterThan(0);
    expect(micron.count).toBeLessThanOrEqual(storage.count);
    expect(new URL(page.url()).search).toBe('?q=HBM&topic=storage&company=micron');
    await context.close();
  });

  it('browses a company with no words: its page first, then everything naming it, newest first', { timeout: WALK_TIMEOUT }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?company=tsmc`);
    await page.locator('[data-search-status]', { hasText: /under these filters/ }).waitFor({ timeout: 20_000 });
    const more = page.locator('[data-search-more]');
    while (await more.isVisible()) {
      const before = await page.locator('.search-hit').count();
      await more.click();
      await page.waitForFunction((n) => document.querySelectorAll('.search-hit').length > n, before);
    }
    const urls = await page.locator('.search-hit a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    const naming = [...byUrl.values()].filter((f) => f.filters['company']?.includes('tsmc'));
    expect(urls.sort()).toEqual(naming.map((f) => f.url).sort());
    const shown = await page.locator('.search-hit a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(shown[0]).toBe('/companies/tsmc/');
    const dates = shown.slice(1).map((u) => byUrl.get(u)!.meta['date']!);
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(await page.locator('[data-search-status]').textContent()).toBe(`${shown.length} results under these filters, newest first.`);
    await context.close();
  });

  it('offers only the topics and companies the index has, and reopens a shared search', { timeout: WALK_TIMEOUT }, async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?q=HBM&kind=news&company=sk-hynix`);
    await page.locator('[data-search-status]', { hasText: /for “HBM”/ }).waitFor({ timeout: 20_000 });
    expect(await page.locator('input[name="kind"][value="news"]').isChecked()).toBe(true);
    expect(await page.locator('select[name="company"]').inputValue()).toBe('sk-hynix');
    const hits = await page.locator('.search-hit a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hits.length).toBeGreaterThan(0);
    for (const url of hits) expect(byUrl.get(url)!.filters).toMatchObject({ kind: ['news'], company: expect.arrayContaining(['sk-hynix']) });

    const values = (facet: string) => [...new Set([...byUrl.values()].flatMap((f) => f.filters[facet] ?? []))].sort();
    const offered = (name: string) =>
      page.locator(`select[name="${name}"] option`).evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect((await offered('topic')).sort()).toEqual(values('topic'));
    expect((await offered('company')).sort()).toEqual(values('company'));
    await context.close();
  });
});
