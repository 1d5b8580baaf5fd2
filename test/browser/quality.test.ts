// Every page type in a real browser: axe-core finds no accessibility violation, nothing logs an
// error or fails to load (under the site's Content-Security-Policy), the keyboard reaches a
// visible skip link first, and charts stay legible at 360 px and 1280 px.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, noChromiumReason } from '../helpers/chromium.ts';
import { pageTypes, type PageType } from '../helpers/pages.ts';
import { allPages, builtSite, repoRoot } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

if (!hasChromium) console.warn(noChromiumReason);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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
    server = await serveStatic(dist);
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has no axe-core violations on any page type or essay, in light and dark', async () => {
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      // axe is injected through the debugging protocol, which the page's CSP does not govern.
      const context = await browser.newContext({ colorScheme, bypassCSP: true });
      const page = await context.newPage();
      // Every page type, and every essay: each essay's charts and tables are their own markup.
      const targets = [...pages, ...essayPaths.filter((p) => !pages.some((t) => t.path === p)).map((path) => ({ kind: 'essay', path }))];
      for (const { kind, path } of targets) {
        await page.goto(`${server.url}${path}`);
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
          const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
          return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        });
        found.push(...violations.map((v) => `${kind} ${path} (${colorScheme}): ${v}`));
      }
      await context.close();
    }
    expect(found).toEqual([]);
  });

  it('logs no console error, violates no CSP and fails no request on any page type', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    let current = '';
    page.on('console', (m) => m.type() === 'error' && problems.push(`${current}: console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`${current}: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`${current}: failed ${r.url()}`));
    page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/404.html') && problems.push(`${current}: ${r.status()} ${r.url()}`));
    for (const { path } of pages) {
      current = path;
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('takes a reader from home to an essay, its topic, a company and search, and back', async () => {
    const page = await browser.newPage();
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
    await expect.poll(() => page.locator('[data-search-results] li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.goBack();
    await page.waitForURL(/\/companies\//);
    await page.goBack();
    await page.goBack();
    expect(page.url()).toBe(essayUrl);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reaches a visible skip link first by keyboard, and shows focus', async () => {
    const page = await browser.newPage();
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
    await page.close();
  });

  it('renders charts legibly at 360 px and 1280 px', async () => {
    const withCharts = [];
    for (const width of [360, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      for (const path of essayPaths) {
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
      }
      await page.close();
    }
    expect(withCharts.length).toBeGreaterThan(0);
  });
});
