// Page weight and client code: an essay's HTML and CSS stay under 60 KB gzipped (fonts and cards
// excluded), and no page ships JavaScript but the theme script, except the search page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { themeScript } from '../../src/lib/theme-script.ts';
import { allPages, builtSite, pageDocument, readPage } from '../helpers/site.ts';

const BUDGET = 60 * 1024;
let dist: string;
beforeAll(async () => {
  dist = await builtSite();
});

describe('page weight', () => {
  it('keeps every essay page within 60 KB of gzipped HTML and CSS', () => {
    const sizes: string[] = [];
    for (const path of allPages(dist).filter((p) => /^\/essays\/[^/]+\/$/.test(p))) {
      const html = readPage(dist, path);
      const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => readFileSync(join(dist, m[1]!)));
      const bytes = gzipSync(Buffer.concat([Buffer.from(html), ...css])).length;
      sizes.push(`${path} ${(bytes / 1024).toFixed(1)} KB`);
      expect(bytes, path).toBeLessThanOrEqual(BUDGET);
    }
    console.log(`essay HTML+CSS gzipped: ${sizes.join(', ')}`);
    expect(sizes.length).toBeGreaterThanOrEqual(6);
  });
});

describe('client JavaScript', () => {
  it('ships no script on any page but the theme script (and JSON-LD data), except /search/', () => {
    for (const path of allPages(dist)) {
      const scripts = [...pageDocument(dist, path).querySelectorAll('script')].filter((s) => s.getAttribute('type') !== 'application/ld+json');
      if (path === '/search/') continue;
      // Email bodies carry no script at all; site pages exactly the theme script.
      const expected = path.startsWith('/email/') ? [] : [themeScript];
      expect(
        scripts.map((s) => s.getAttribute('src') ?? s.textContent),
        path,
      ).toEqual(expected);
    }
  });
});
