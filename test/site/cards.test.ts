// Social cards in the built site: a 1200x630 PNG for every essay, topic, issue and the home page,
// and og:image / twitter:image on every kind of page pointing at a card that exists.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { slugFromFile } from '../../src/lib/essays/slug.ts';
import { BUILD_NOW, builtSite, pageDocument, repoRoot } from '../helpers/site.ts';

const SITE = 'https://substation.example';
let dist: string;

const published = readContentFiles(repoRoot)
  .essays.map((f) => ({ slug: slugFromFile(f.file), ...(splitFrontmatter(f.text).data as { draft?: boolean; date: string | Date }) }))
  .filter((e) => !e.draft && new Date(e.date) <= new Date(BUILD_NOW));
const essay = published[0]!.slug;

function pngSize(file: string) {
  const png = readFileSync(file);
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), file).toBe(true);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const meta = (path: string, key: string) =>
  pageDocument(dist, path).querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');

beforeAll(async () => {
  dist = await builtSite();
});

describe('card files', () => {
  it('exist at stable URLs for the home page, every published essay and every topic, at 1200x630', () => {
    const files = ['og/home.png', ...published.map((e) => `og/essays/${e.slug}.png`), ...readdirSync(join(dist, 'topics'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `og/topics/${d.name}.png`)];
    for (const file of files) {
      expect(existsSync(join(dist, file)), file).toBe(true);
      expect(pngSize(join(dist, file)), file).toEqual({ width: 1200, height: 630 });
    }
  });

  it('exist for every published issue and for nothing unpublished', () => {
    const issues = existsSync(join(dist, 'og/issues')) ? readdirSync(join(dist, 'og/issues')) : [];
    for (const file of issues) expect(existsSync(join(dist, 'issues', file.replace(/\.png$/, ''), 'index.html')), file).toBe(true);
    const essays = readdirSync(join(dist, 'og/essays')).map((f) => f.replace(/\.png$/, ''));
    expect(essays.sort()).toEqual(published.map((e) => e.slug).sort());
  });
});

describe('card metadata', () => {
  const cases: Array<[string, string]> = [
    ['/', '/og/home.png'],
    [`/essays/${essay}/`, `/og/essays/${essay}.png`],
    ['/topics/energy/', '/og/topics/energy.png'],
    ['/archive/', '/og/home.png'],
    ['/about/', '/og/home.png'],
    ['/tags/', '/og/home.png'],
    ['/authors/', '/og/home.png'],
  ];

  it('gives every kind of page og:image and a large Twitter card that point at a built card', () => {
    for (const [page, card] of cases) {
      expect(meta(page, 'og:image'), page).toBe(`${SITE}${card}`);
      expect(meta(page, 'twitter:image'), page).toBe(`${SITE}${card}`);
      expect(meta(page, 'twitter:card'), page).toBe('summary_large_image');
      expect(meta(page, 'og:image:width'), page).toBe('1200');
      expect(meta(page, 'og:image:height'), page).toBe('630');
      expect(meta(page, 'og:image:alt'), page).toBeTruthy();
      expect(existsSync(join(dist, card)), card).toBe(true);
    }
  });
});
