// The table of contents as a reader meets it in Chromium: on a 360-px phone it is one closed line,
// so the essay's text starts on the first screen, and a tap opens it; at 1280 px it stands open in
// the side column with no tap at all.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, noChromiumReason, WALK_TIMEOUT } from '../helpers/chromium.ts';
import { builtSite, readPage } from '../helpers/site.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { closeSite, openSite } from '../helpers/browser-site.ts';

if (!hasChromium) console.warn(noChromiumReason);

describe.skipIf(!hasChromium)('the table of contents', () => {
  let browser: Browser;
  let server: StaticServer;
  let essays: string[];

  beforeAll(async () => {
    const dist = await builtSite();
    // Every published essay with a table of contents.
    essays = readdirSync(join(dist, 'essays'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `/essays/${d.name}/`)
      .filter((path) => readPage(dist, path).includes('class="toc__details"'));
    ({ browser, server } = await openSite(dist));
  });
  afterAll(() => closeSite(browser, server));

  it('is one closed line on a phone, so the text starts right below the header', { timeout: WALK_TIMEOUT }, async () => {
    expect(essays.length).toBeGreaterThan(2);
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    for (const path of essays) {
      await page.goto(`${server.url}${path}`);
      const summary = page.locator('.toc summary');
      expect(await summary.isVisible(), path).toBe(true);
      expect(await page.locator('.toc li a').first().isVisible(), path).toBe(false);
      expect((await summary.boundingBox())!.height, path).toBeLessThan(60);
      // Only that line stands between the header and the text; so when the header (title, dek, byline,
      // companies, any correction: the author's) leaves room, the text starts on the first screen.
      const header = (await page.locator('.essay-header').boundingBox())!;
      const first = (await page.locator('.prose > p').first().boundingBox())!;
      const gap = first.y - (header.y + header.height);
      expect(gap, `${path}: ${Math.round(gap)} px between the header and the text`).toBeLessThan(100);
      if (header.y + header.height < 800 - 130) expect(first.y + 30, `${path}: the text starts at ${Math.round(first.y)} px`).toBeLessThan(800);
      // A tap opens it; the links are then there.
      await summary.click();
      expect(await page.locator('.toc li a').first().isVisible(), path).toBe(true);
    }
    await context.close();
  });

  it('stands open beside the text at 1280 px, with no tap', { timeout: WALK_TIMEOUT }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${essays[0]}`);
    const links = page.locator('.toc li a');
    expect(await links.count()).toBeGreaterThan(1);
    for (const link of await links.all()) expect(await link.isVisible()).toBe(true);
    // In the side column: right of the text.
    const toc = (await page.locator('.toc').boundingBox())!;
    const prose = (await page.locator('.prose').boundingBox())!;
    expect(toc.x).toBeGreaterThan(prose.x + prose.width - 1);
    await context.close();
  });
});
