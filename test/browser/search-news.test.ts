// News in search and on the wire, read in browsers set to zones far from UTC (Honolulu, UTC-10, and
// Tokyo, UTC+9): a story from just after or just before midnight UTC says its UTC day, and its time
// with "UTC", in its search result, on its wire entry (which the result links to, one result per
// story) and on the home page. Built from the synthetic store of several pages, which has stories
// on both sides of midnight UTC and a hostile headline.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, noChromiumReason, pagesTimeout } from '../helpers/chromium.ts';
import { HOSTILE_TITLE, syntheticNewsSite, type NewsSite } from '../helpers/news-site.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { closeSite, openSite } from '../helpers/browser-site.ts';
import { groupStories } from '../../src/lib/news-site/stories.ts';
import type { NewsItem } from '../../src/lib/schema/news.ts';

// The oracle: Intl in UTC, not the code under test (which builds its labels from the ISO digits).
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const utcDay = (instant: string) => DAY.format(new Date(instant));
const utcTime = (instant: string) => `${instant.slice(11, 16)} UTC`;
const minuteOfDay = (instant: string) => Number(instant.slice(11, 13)) * 60 + Number(instant.slice(14, 16));

const ZONES = ['Pacific/Honolulu', 'Asia/Tokyo'] as const;

let site: NewsSite;
let stories: NewsItem[];
/** The story just after midnight UTC (a day behind in Honolulu) and the one just before (a day ahead in Tokyo). */
let nearMidnight: NewsItem[];

beforeAll(async () => {
  site = await syntheticNewsSite();
  // Only the newest stories are in the search index (site.searchLimit).
  stories = groupStories(site.items).slice(0, site.searchLimit);
  const after = [...stories].sort((a, b) => minuteOfDay(a.published) - minuteOfDay(b.published))[0]!;
  const before = [...stories].sort((a, b) => minuteOfDay(b.published) - minuteOfDay(a.published))[0]!;
  nearMidnight = [after, before];
});

if (!hasChromium) console.warn(noChromiumReason);

describe.skipIf(!hasChromium)('news dates in a browser far from UTC', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    ({ browser, server } = await openSite(site.dist));
  });
  afterAll(() => closeSite(browser, server));

  it('has stories within the hour either side of midnight UTC to test with', () => {
    expect(minuteOfDay(nearMidnight[0]!.published)).toBeLessThan(60);
    expect(minuteOfDay(nearMidnight[1]!.published)).toBeGreaterThanOrEqual(23 * 60);
  });

  it.each(ZONES)('gives the UTC day and time in search, on the wire and at home, in %s', { timeout: pagesTimeout(8, 8_000) }, async (timezoneId) => {
    const context = await browser.newContext({ timezoneId, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // The zone is really set: in it, one of the two stories falls on another calendar day.
    const localDays = await page.evaluate(
      (isos) => isos.map((iso) => new Date(iso).getDate()),
      nearMidnight.map((s) => s.published),
    );
    expect(localDays).not.toEqual(nearMidnight.map((s) => Number(s.published.slice(8, 10))));

    for (const story of nearMidnight) {
      await page.goto(`${server.url}/search/?q=${encodeURIComponent(story.title)}&kind=news`);
      const hit = page.locator('.search-hit', { has: page.locator(`a[href$="#n-${story.id}"]`) });
      await hit.waitFor({ timeout: 20_000 });
      expect(await hit.locator('.search-hit__meta time').textContent()).toBe(`${utcDay(story.published)}, ${utcTime(story.published)}`);
      expect(await hit.locator('.search-hit__meta time').getAttribute('datetime')).toBe(story.published);
      expect(await hit.locator('.search-hit__source').textContent()).toBe(story.sourceName);

      // The result links to the story's own entry on the wire, filed under its UTC day.
      await hit.locator('a').click();
      await page.waitForURL((url) => url.hash === `#n-${story.id}`);
      const entry = page.locator(`.news-day:has(#n-${story.id})`);
      expect(await entry.locator('.news-day__title').textContent()).toContain(utcDay(story.published));
      expect(await entry.locator(`.news-item:has(#n-${story.id}) time`).textContent()).toBe(utcTime(story.published));
    }

    // The home page's wire gives day and time; its stories are from before 10:00 UTC, the previous day in Honolulu.
    await page.goto(`${server.url}/`);
    const home = await page
      .locator('.home-wire .news-item')
      .evaluateAll((items) =>
        items.map((item) => ({ id: item.querySelector('.news-item__title')!.id.slice(2), time: item.querySelector('time')!.textContent })),
      );
    expect(home.length).toBeGreaterThan(0);
    const byId = new Map(stories.map((s) => [s.id, s]));
    for (const { id, time } of home) {
      const published = byId.get(id)!.published;
      const [day, month] = utcDay(published).split(' ');
      expect(time).toBe(`${day} ${month!.slice(0, 3)}, ${utcTime(published)}`);
    }
    await context.close();
  });

  it('prints a hostile headline in search as text, never as markup', { timeout: pagesTimeout(2, 8_000) }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    const hostile = stories.find((s) => s.title === HOSTILE_TITLE)!;
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('alert wire Samsung')}&kind=news`);
    const hit = page.locator('.search-hit', { has: page.locator(`a[href$="#n-${hostile.id}"]`) });
    await hit.waitFor({ timeout: 20_000 });
    expect(await hit.locator('.search-hit__title').textContent()).toBe(HOSTILE_TITLE);
    expect(await page.locator('.search-results script, .search-results b, .search-results img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
