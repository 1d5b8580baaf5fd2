// A reader's first visit in a real browser: home, follow a link to an essay, switch the theme,
// and the choice survives a reload with no flash of the other theme.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abortedByNavigation, hasChromium, noChromiumReason, stillFailing, WALK_TIMEOUT } from '../helpers/chromium.ts';
import { builtSite, repoRoot } from '../helpers/site.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { closeSite, openSite } from '../helpers/browser-site.ts';

if (!hasChromium) console.warn(noChromiumReason);

describe.skipIf(!hasChromium)('browser smoke test', () => {
  let browser: Browser;
  let server: StaticServer;
  const shots = join(repoRoot, 'test/.tmp/screenshots');

  beforeAll(async () => {
    ({ browser, server } = await openSite(await builtSite()));
    mkdirSync(shots, { recursive: true });
  });
  afterAll(() => closeSite(browser, server));

  it('opens the home page, follows an essay link, toggles the theme and keeps it', { timeout: WALK_TIMEOUT }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const aborted = new Map<string, string>();
    page.on('requestfailed', (r) => {
      if (abortedByNavigation(r.failure()?.errorText)) aborted.set(r.url(), page.url());
      else errors.push(`failed: ${r.url()}`);
    });

    await page.goto(`${server.url}/`);
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    const link = page.locator('.featured h2 a');
    const title = (await link.textContent())?.trim();
    await link.click();
    await page.waitForURL(/\/essays\/[^/]+\/$/);
    expect((await page.locator('h1').textContent())?.trim()).toBe(title);

    const toggle = page.locator('[data-theme-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(20, 22, 26)');
    await page.screenshot({ path: join(shots, 'essay-dark.png'), fullPage: true });

    // The saved theme is applied by the head script before the body is parsed: no flash.
    await page.goto(`${server.url}/archive/`, { waitUntil: 'commit' });
    await page.waitForSelector('body');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    errors.push(...(await stillFailing(aborted)));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows the system theme when the reader has not chosen', { timeout: WALK_TIMEOUT }, async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await context.close();
  });

  it('is usable at 360 px: no horizontal scroll on the home page or an essay', { timeout: WALK_TIMEOUT }, async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    for (const path of ['/', '/archive/']) {
      await page.goto(`${server.url}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto(`${server.url}/`);
    await page.locator('.featured h2 a').click();
    await page.waitForURL(/\/essays\//);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(shots, 'essay-360.png'), fullPage: true });
    await context.close();
  });
});
