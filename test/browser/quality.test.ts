// Every page type in a real browser: axe-core finds no accessibility violation, nothing logs an
// error or fails to load (under the site's Content-Security-Policy), the keyboard reaches a
// visible skip link first, and charts stay legible at 360 px and 1280 px.
// One chromium for the file; tests of many pages check them a few at a time, each lane a browser
// context of its own (see inLanes).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abortedByNavigation, hasChromium, inLanes, noChromiumReason, pagesTimeout, stillFailing, WALK_TIMEOUT } from '../helpers/chromium.ts';
import { essayCountBound, PAGE_KINDS, pageTypes, type PageType } from '../helpers/pages.ts';
import { allPages, builtSite, repoRoot } from '../helpers/site.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { closeSite, openSite } from '../helpers/browser-site.ts';

if (!hasChromium) console.warn(noChromiumReason);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// The most pages a test here can visit, known before the build: every page type, every essay.
const MAX_PAGE_TYPES = PAGE_KINDS.length;
const MAX_ESSAYS = essayCountBound();
// What one page may cost, counted one after another, on a busy 2-core machine: load it and run axe
// (the heaviest: colour contrast on every text node), load it until the network is idle, or load
// it, measure its charts and take a full-page screenshot. Measured beside a build with the load
// average at 10-12: about 1 s, 0.8 s and 1 s a page; these allow three to four times that.
const AXE_PER_PAGE = 4_000;
const IDLE_PER_PAGE = 3_000;
const CHARTS_PER_PAGE = 4_000;

describe.skipIf(!hasChromium)('page quality in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let pages: PageType[];
  let essayPaths: string[];
  const shots = join(repoRoot, 'test/.tmp/screenshots');

  beforeAll(async () => {
    const dist = await builtSite();
    pages = pageTypes(dist);
    essayPaths = allPages(dist).filter((p) => /^\/essays\/[^/]+\/$/.test(p));
    ({ browser, server } = await openSite(dist));
    mkdirSync(shots, { recursive: true });
  });
  afterAll(() => closeSite(browser, server));

  it(
    'has no axe-core violations on any page type or essay, in light and dark',
    { timeout: pagesTimeout(2 * (MAX_PAGE_TYPES + MAX_ESSAYS), AXE_PER_PAGE) },
    async () => {
      // Every page type, and every essay: each essay's charts and tables are their own markup.
      const targets = [...pages, ...essayPaths.filter((p) => !pages.some((t) => t.path === p)).map((path) => ({ kind: 'essay', path }))];
      const runs = (['light', 'dark'] as const).flatMap((colorScheme) => targets.map((target) => ({ ...target, colorScheme })));
      // axe is injected through the debugging protocol, which the page's CSP does not govern.
      const found = await inLanes(browser, runs, { bypassCSP: true }, async (page, { kind, path, colorScheme }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(`${server.url}${path}`);
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> };
            }
          ).axe;
          const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
          return result.violations.map(
            (v) =>
              `${v.id}: ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(' | ')}`,
          );
        });
        return violations.map((v) => `${kind} ${path} (${colorScheme}): ${v}`);
      });
      expect(found.flat()).toEqual([]);
    },
  );

  it('logs no console error, violates no CSP and fails no request on any page type', { timeout: pagesTimeout(MAX_PAGE_TYPES, IDLE_PER_PAGE) }, async () => {
    const problems: string[] = [];
    // Each lane's tab reports what happens in it against the page it is on.
    const current = new Map<Page, string>();
    // And keeps its requests in flight, so it leaves a page only once each has ended on its own.
    const inFlight = new Map<Page, { requests: Set<Request>; drained: () => void }>();
    // Requests a navigation aborted, by URL, with the page they were made on.
    const aborted = new Map<string, string>();
    await inLanes(browser, pages, {}, async (page, { path }) => {
      if (!current.has(page)) {
        const at = () => current.get(page);
        const flight = { requests: new Set<Request>(), drained: () => {} };
        inFlight.set(page, flight);
        const ended = (r: Request) => {
          flight.requests.delete(r);
          if (flight.requests.size === 0) flight.drained();
        };
        page.on('request', (r) => flight.requests.add(r));
        page.on('requestfinished', ended);
        page.on('console', (m) => m.type() === 'error' && problems.push(`${at()}: console: ${m.text()}`));
        page.on('pageerror', (e) => problems.push(`${at()}: ${e.message}`));
        page.on('requestfailed', (r) => {
          const reason = r.failure()?.errorText ?? 'no reason given';
          // The favicon is asked for after load, sometimes after every wait below (CI, twice): the
          // next page aborts it. Such a URL is fetched again at the end (stillFailing).
          if (abortedByNavigation(reason)) aborted.set(r.url(), at() ?? '?');
          else problems.push(`${at()}: failed ${r.url()} (${reason})`);
          ended(r);
        });
        page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/404.html') && problems.push(`${at()}: ${r.status()} ${r.url()}`));
      }
      current.set(page, path);
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      // A face the page uses further down is asked for only once layout reaches it, which on a loaded
      // machine can be after half a second of quiet: leaving then aborted its request (seen once in
      // five runs beside a build: three woff2 files "failed" on /topics/chips/). Leave once every
      // face the page asked for has loaded or failed on its own.
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      // The favicon is asked for after load, and on a loaded machine its answer can come after the
      // quiet that networkidle waits for: the next page then aborted it (seen once beside a build:
      // favicon.svg "failed" on /topics/chips/). Leave once nothing the page asked for is in flight.
      const flight = inFlight.get(page)!;
      if (flight.requests.size > 0) await new Promise<void>((resolve) => (flight.drained = resolve));
      flight.drained = () => {};
    });
    problems.push(...(await stillFailing(aborted)));
    expect(problems).toEqual([]);
  });

  it('takes a reader from home to an essay, its topic, a company and search, and back', { timeout: WALK_TIMEOUT }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}/`);
    await page.locator('.featured h2 a').click();
    await page.waitForURL(/\/essays\/[^/]+\/$/);
    const essayUrl = page.url();
    await page.locator('.essay-header .chips a').first().click();
    await page.waitForURL(/\/topics\/[^/]+\/$/);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    await page.locator('.chips--companies a').first().click();
    await page.waitForURL(/\/companies\/[^/]+\/$/);
    const company = (await page.locator('h1').textContent())!.trim();
    await page.locator('.site-nav a', { hasText: 'Search' }).click();
    await page.waitForURL(/\/search\/$/);
    await page.locator('input[type="search"]').fill(company);
    // Results come once Pagefind has fetched its index, which takes seconds on a loaded machine.
    await expect.poll(() => page.locator('[data-search-results] li').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.goBack();
    await page.waitForURL(/\/companies\//);
    await page.goBack();
    await page.goBack();
    expect(page.url()).toBe(essayUrl);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reaches a visible skip link first by keyboard, and shows focus', { timeout: WALK_TIMEOUT }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}${pages.find((p) => p.kind === 'essay')!.path}`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return { text: el.textContent, href: el.getAttribute('href'), visible: box.top >= 0 && box.height > 0, outline: getComputedStyle(el).outlineStyle };
    });
    expect(skip).toMatchObject({ text: 'Skip to content', href: '#main', visible: true });
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await context.close();
  });

  it('renders charts legibly at 360 px and 1280 px', { timeout: pagesTimeout(2 * MAX_ESSAYS, CHARTS_PER_PAGE) }, async () => {
    const withCharts: string[] = [];
    const runs = [360, 1280].flatMap((width) => essayPaths.map((path) => ({ width, path })));
    await inLanes(browser, runs, {}, async (page, { width, path }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}${path}`);
      const charts = page.locator('figure svg[role="img"]');
      const count = await charts.count();
      for (let i = 0; i < count; i++) {
        const chart = charts.nth(i);
        if (!(await chart.isVisible())) continue;
        const box = (await chart.boundingBox())!;
        expect(box.width, `${path} chart ${i} at ${width}px`).toBeLessThanOrEqual(width);
        expect(box.width).toBeGreaterThan(width === 360 ? 280 : 400);
        // Axis text no smaller than 10 CSS pixels once scaled to the container.
        const smallest = await chart.evaluate((svg) => {
          const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
          const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
          return Math.min(...sizes);
        });
        expect(smallest, `${path} chart ${i} text at ${width}px`).toBeGreaterThanOrEqual(10);
        withCharts.push(path);
      }
      if (await charts.count()) await page.screenshot({ path: join(shots, `charts-${width}-${path.replace(/\W+/g, '_')}.png`), fullPage: true });
    });
    expect(withCharts.length).toBeGreaterThan(0);
  });
});
