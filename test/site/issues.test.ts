// The newsletter in the shared production build: archive, issue pages, the home page slot and the
// email files `npm run send` delivers.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite, pageDocument, repoRoot } from '../helpers/site.ts';

let dist: string;
// The sample publication's published issues, from their frontmatter: numbers, newest last.
const published = readdirSync(join(repoRoot, 'content/issues'))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => readFileSync(join(repoRoot, 'content/issues', name), 'utf8'))
  .filter((text) => /^draft: false$/m.test(text))
  .map((text) => Number(/^number: (\d+)$/m.exec(text)?.[1]))
  .sort((a, b) => a - b);

beforeAll(async () => {
  dist = await builtSite();
});

describe('the newsletter on the site', () => {
  it('ships at least two published issues', () => {
    expect(published.length).toBeGreaterThanOrEqual(2);
  });

  it('lists every issue in the archive, newest first', () => {
    const links = [...pageDocument(dist, '/issues/').querySelectorAll('.issue-list a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([...published].reverse().map((n) => `/issues/${n}/`));
  });

  it('gives each issue a page with its stories and links to the issues either side', () => {
    published.forEach((number, i) => {
      const doc = pageDocument(dist, `/issues/${number}/`);
      expect(doc.querySelector('h1')?.textContent?.length).toBeGreaterThan(5);
      expect(doc.querySelectorAll('.story').length).toBeGreaterThan(2);
      for (const a of doc.querySelectorAll('.story__title a')) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
      // Every take is written: a published issue holds no empty take and no placeholder.
      expect(doc.querySelectorAll('.story__take').length).toBe(doc.querySelectorAll('.story').length);
      expect(doc.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe(i > 0 ? `/issues/${published[i - 1]}/` : undefined);
      expect(doc.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(i < published.length - 1 ? `/issues/${published[i + 1]}/` : undefined);
    });
  });

  it('shows the latest issue on the home page', () => {
    const latest = published.at(-1);
    expect(pageDocument(dist, '/').querySelector(`.latest-issue a[href="/issues/${latest}/"]`)).not.toBeNull();
  });
});

describe('the email files', () => {
  it('writes an HTML and a text part for every published issue, and no other', () => {
    const files = readdirSync(join(dist, 'email')).sort();
    expect(files).toEqual(published.flatMap((n) => [`${n}.html`, `${n}.txt`]).sort());
  });

  it('makes HTML an inbox accepts: no script or stylesheet link, absolute URLs, under 100 KB', () => {
    for (const number of published) {
      const html = readFileSync(join(dist, `email/${number}.html`), 'utf8');
      expect(Buffer.byteLength(html)).toBeLessThan(100 * 1024);
      expect(html).not.toMatch(/<script|<link/i);
      const doc = parseHTML(html).document;
      for (const el of doc.querySelectorAll('[href], [src]'))
        expect(el.getAttribute('href') ?? el.getAttribute('src')).toMatch(/^(https:\/\/substation\.example\/|https?:\/\/|mailto:)/);
      expect(doc.querySelectorAll('.story').length).toBeGreaterThan(2);
      expect(doc.querySelector('title')?.textContent).toBe(pageDocument(dist, `/issues/${number}/`).querySelector('h1')?.textContent);
    }
  });

  it('writes a text part with the stories and a numbered list of their links', () => {
    for (const number of published) {
      const text = readFileSync(join(dist, `email/${number}.txt`), 'utf8');
      expect(text).toContain(`Read it on the web: https://substation.example/issues/${number}/`);
      expect(text).toMatch(/\nLINKS\n\n\[1\] https?:\/\//);
      expect(text).not.toMatch(/<\/?(p|a|div|h\d|strong|em)[\s>]/);
    }
  });
});
