// An essay as a feed reader or mail client shows it: the item's content alone, no site CSS, in a
// 360-px column. Charts arrive as their PNG twins (no inline SVG, which readers and sanitisers
// mangle), each image resolves to a PNG in dist/ with width, height and alt, figure numbers are
// text, and nothing is wider than the column.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, noChromiumReason, pagesTimeout } from '../helpers/chromium.ts';
import { builtSite } from '../helpers/site.ts';

if (!hasChromium) console.warn(noChromiumReason);

const SITE = 'https://substation.example';

interface Item {
  link: string;
  html: string;
}

function rssItems(xml: string): Item[] {
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, item]) => ({
    link: /<link>([^<]+)<\/link>/.exec(item!)![1]!,
    html: /<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/.exec(item!)?.[1] ?? '',
  }));
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe.skipIf(!hasChromium)('feed content without the site', () => {
  let browser: Browser;
  let dist: string;
  let items: Item[];

  beforeAll(async () => {
    dist = await builtSite();
    items = rssItems(readFileSync(join(dist, 'rss.xml'), 'utf8'));
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('carries charts as PNG twins with width, height, alt and a numbered caption, and no SVG', () => {
    const withCharts = items.filter((i) => i.html.includes('/charts/'));
    expect(withCharts.length).toBeGreaterThan(1);
    for (const item of items) {
      expect(item.html, item.link).not.toMatch(/<svg\b/i);
      const { document } = parseHTML(`<body>${item.html}</body>`);
      const figures = [...document.querySelectorAll('figure')].filter((f) => f.querySelector('img[src*="/charts/"]'));
      figures.forEach((figure, i) => {
        const img = figure.querySelector('img')!;
        for (const attr of ['width', 'height', 'alt']) expect(img.getAttribute(attr), `${item.link} ${attr}`).toBeTruthy();
        const file = join(dist, new URL(img.getAttribute('src')!).pathname);
        expect(readFileSync(file).subarray(0, 4).equals(PNG), file).toBe(true);
        const caption = figure.querySelector('figcaption')!.textContent!;
        expect(caption).toMatch(new RegExp(`^Figure ${i + 1}\\. `));
        expect(caption).toMatch(/Licence: /);
        expect(figure.querySelector(`a[href="${item.link}#${figure.id}"]`), `${item.link}: link back to the figure`).toBeTruthy();
        expect(figure.querySelector('a[href$=".csv"]')).toBeTruthy();
      });
    }
  });

  it('fits a 360-px column with no site CSS', { timeout: pagesTimeout(10, 4_000) }, async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    // The content's absolute URLs point at the public site; here they are served from dist/.
    await context.route(`${SITE}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      try {
        await route.fulfill({ body: readFileSync(join(dist, path.endsWith('/') ? `${path}index.html` : path)) });
      } catch {
        await route.fulfill({ status: 404, body: '' });
      }
    });
    const page = await context.newPage();
    try {
      for (const item of items) {
        await page.setContent(`<!doctype html><html><head><meta name="viewport" content="width=device-width"></head><body>${item.html}</body></html>`, {
          waitUntil: 'load',
        });
        const result = await page.evaluate(() => {
          const column = document.documentElement.clientWidth;
          const wide = [...document.body.querySelectorAll('*')]
            .filter((el) => !el.closest('table')) // a wide table scrolls in every reader; it is the one exception
            .map((el) => ({ tag: el.tagName, right: el.getBoundingClientRect().right }))
            .filter((r) => r.right > column + 1);
          const broken = [...document.images].filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src);
          return { column, wide: wide.slice(0, 3), broken };
        });
        expect(result.broken, item.link).toEqual([]);
        expect(result.wide, item.link).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });

  it("keeps one entry's feed HTML as reviewed (snapshot)", () => {
    const item = items.find((i) => i.link.endsWith('/essays/the-package-is-the-product/'));
    expect(item).toBeTruthy();
    const figure = /<figure[\s\S]*?<\/figure>/.exec(item!.html)?.[0];
    const metric = /<div class="metric">[\s\S]*?<\/div>\s*<\/div>/.exec(item!.html)?.[0];
    expect({ figure, metric }).toMatchSnapshot();
  });
});
