// Lighthouse on the pages readers land on: performance, accessibility, best practices and SEO
// each at least 0.95. The scores are printed so a slip is visible before it fails.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, noChromiumReason } from '../helpers/chromium.ts';
import { audit, CATEGORIES, launchForLighthouse } from '../helpers/lighthouse.ts';
import { pageTypes, type PageType } from '../helpers/pages.ts';
import { builtSite } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

if (!hasChromium) console.warn(noChromiumReason);
const TARGET = 0.95;

describe.skipIf(!hasChromium)('Lighthouse', () => {
  let browser: Browser;
  let port: number;
  let server: StaticServer;
  let pages: PageType[];

  beforeAll(async () => {
    const dist = await builtSite();
    pages = pageTypes(dist).filter((p) => ['home', 'essay', 'issue', 'news'].includes(p.kind));
    server = await serveStatic(dist);
    ({ browser, port } = await launchForLighthouse());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`scores at least ${TARGET} in every category on home, an essay, an issue and the news wire`, { timeout: 240_000 }, async () => {
    expect(pages.map((p) => p.kind)).toContain('essay');
    const below: string[] = [];
    for (const { kind, path } of pages) {
      const { scores, failing } = await audit(`${server.url}${path}`, port);
      console.log(`lighthouse ${kind.padEnd(6)} ${path}: ${CATEGORIES.map((c) => `${c} ${scores[c].toFixed(2)}`).join(', ')}`);
      for (const c of CATEGORIES) if (scores[c] < TARGET) below.push(`${kind} ${c} ${scores[c]}: ${failing.join('; ')}`);
    }
    expect(below).toEqual([]);
  });
});
