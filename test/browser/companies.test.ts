// Company pages in Chromium at the two widths readers use: at 1280 px the profile and its facts sit
// side by side and fill the width; at 360 px everything is one column with no sideways scroll, and
// the profile starts on the first screen. Screenshots go to test/.tmp/screenshots for a look.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, inLanes, noChromiumReason, pagesTimeout } from '../helpers/chromium.ts';
import { builtSite, repoRoot } from '../helpers/site.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { closeSite, openSite } from '../helpers/browser-site.ts';

if (!hasChromium) console.warn(noChromiumReason);

// A busy company, a quiet private one, and one with a long name.
const COMPANIES = ['tsmc', 'cerebras', 'constellation-energy'];

describe.skipIf(!hasChromium)('company pages in a browser', () => {
  let browser: Browser;
  let server: StaticServer;
  const shots = join(repoRoot, 'test/.tmp/screenshots');

  beforeAll(async () => {
    ({ browser, server } = await openSite(await builtSite()));
    mkdirSync(shots, { recursive: true });
  });
  afterAll(() => closeSite(browser, server));

  it('uses the width at 1280 px: facts, coverage and related companies beside the profile', { timeout: pagesTimeout(COMPANIES.length, 8_000) }, async () => {
    await inLanes(browser, COMPANIES, { viewport: { width: 1280, height: 900 } }, async (page, id) => {
      await page.goto(`${server.url}/companies/${id}/`);
      const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
      const [head, side, main] = [await box('.company-head'), await box('.company-side'), await box('.company-main')];
      // The side column is to the right of the profile and the lists, and starts level with the profile.
      expect(side.x, id).toBeGreaterThan(head.x + head.width);
      expect(side.x, id).toBeGreaterThan(main.x + main.width);
      expect(Math.abs(side.y - head.y), id).toBeLessThan(40);
      // Together the columns span most of the content width (main is 72rem at most).
      expect(side.x + side.width - main.x, id).toBeGreaterThan(1000);
      // The lists follow the profile closely, not after the whole side column.
      expect(main.y - (head.y + head.height), id).toBeLessThan(80);
      const chart = await box('.coverage svg');
      expect(chart.width, id).toBeGreaterThan(250);
      await page.screenshot({ path: join(shots, `company-${id}-1280.png`), fullPage: true });
    });
  });

  it('reads well at 360 px: one column, no sideways scroll, the profile on the first screen', { timeout: pagesTimeout(COMPANIES.length, 8_000) }, async () => {
    await inLanes(browser, COMPANIES, { viewport: { width: 360, height: 740 }, isMobile: true }, async (page, id) => {
      await page.goto(`${server.url}/companies/${id}/`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), id).toBeLessThanOrEqual(360);
      const lede = (await page.locator('.company-lede').boundingBox())!;
      expect(lede.y, id).toBeLessThan(740 * 0.75);
      const [head, side, main] = await Promise.all(
        ['.company-head', '.company-side', '.company-main'].map(async (s) => (await page.locator(s).boundingBox())!),
      );
      // Facts come right after the profile, then the lists, each the full column wide.
      expect(side.y, id).toBeGreaterThan(head.y + head.height - 1);
      expect(main.y, id).toBeGreaterThan(side.y + side.height - 1);
      for (const b of [head, side, main]) expect(b.width, id).toBeGreaterThan(300);
      const chart = (await page.locator('.coverage svg').boundingBox())!;
      expect(chart.x + chart.width, id).toBeLessThanOrEqual(360);
      await page.screenshot({ path: join(shots, `company-${id}-360.png`), fullPage: true });
    });
  });
});
