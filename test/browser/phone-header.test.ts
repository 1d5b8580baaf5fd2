// The site header on a 360-px phone, in Chromium: the sections are one row under the wordmark that
// scrolls sideways (two rows of links had pushed every page down), and every section is still
// reachable: the last one scrolls into view and opens. An essay's companies are one such row too.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, noChromiumReason, WALK_TIMEOUT } from '../helpers/chromium.ts';
import { builtSite } from '../helpers/site.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { closeSite, openSite } from '../helpers/browser-site.ts';

if (!hasChromium) console.warn(noChromiumReason);

describe.skipIf(!hasChromium)('the site header on a phone', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    ({ browser, server } = await openSite(await builtSite()));
  });
  afterAll(() => closeSite(browser, server));

  it('keeps the sections on one scrolling row, each reachable', { timeout: WALK_TIMEOUT }, async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const links = page.locator('.site-nav a');
    const boxes = await links.evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().top));
    expect(boxes.length).toBeGreaterThan(5);
    expect(new Set(boxes.map(Math.round)).size, 'the section links share one row').toBe(1);
    const nav = await page.locator('.site-nav').evaluate((n) => ({ scroll: n.scrollWidth, width: n.clientWidth }));
    expect(nav.scroll).toBeGreaterThan(nav.width);
    // Wordmark and theme toggle on the first row, the sections on the second: nothing more.
    expect((await page.locator('.site-header').boundingBox())!.height).toBeLessThan(120);
    const last = links.last();
    await last.click();
    await page.waitForURL(/\/search\/$/);
    expect(await page.locator('h1').first().textContent()).toMatch(/search/i);
    await context.close();
  });

  it("keeps an essay's companies on one scrolling row, each reachable", { timeout: WALK_TIMEOUT }, async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    // Ten companies: four lines of the first screen before.
    await page.goto(`${server.url}/essays/waiting-in-line-for-electrons/`);
    const row = page.locator('.essay-companies');
    const links = row.locator('a');
    expect(await links.count()).toBe(10);
    const tops = await links.evaluateAll((nodes) => nodes.map((n) => Math.round(n.getBoundingClientRect().top)));
    expect(new Set(tops).size, 'the company links share one row').toBe(1);
    const box = await row.evaluate((n) => ({ scroll: n.scrollWidth, width: n.clientWidth }));
    expect(box.scroll).toBeGreaterThan(box.width);
    const last = links.last();
    const href = await last.getAttribute('href');
    await last.click();
    await page.waitForURL((url) => url.pathname === href);
    await context.close();
  });
});
