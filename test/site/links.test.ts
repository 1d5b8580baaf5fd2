// The built site has no broken internal link or fragment, and every image says what it shows.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../helpers/links.ts';
import { allPages, builtSite, pageDocument } from '../helpers/site.ts';

let dist: string;
beforeAll(async () => {
  dist = await builtSite();
});

describe('links and images', () => {
  it('resolves every internal link and fragment', () => {
    const pages = allPages(dist);
    expect(pages.length).toBeGreaterThan(20);
    expect(checkLinks(dist, pages, 'https://substation.example')).toEqual([]);
  });

  it('gives every image alt text and every page a description', () => {
    for (const page of allPages(dist)) {
      const doc = pageDocument(dist, page);
      for (const img of doc.querySelectorAll('img')) expect(img.hasAttribute('alt'), `${page}: ${img.getAttribute('src')}`).toBe(true);
      if (page.startsWith('/email/')) continue; // email bodies have a preheader, not a meta description
      expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')?.length ?? 0, page).toBeGreaterThan(20);
    }
  });
});
