import { describe, expect, it } from 'vitest';
import { canonicalUrl, resolveBase } from '../../../src/lib/feeds/canonical-url.ts';

describe('canonicalUrl', () => {
  it('removes tracking parameters and the fragment, keeps the rest', () => {
    expect(canonicalUrl('https://Example.com:443/a?utm_source=x&id=3&fbclid=y&gclid=z&mc_cid=1&mc_eid=2#top')).toBe('https://example.com/a?id=3');
  });

  it('drops the query mark when only tracking parameters were there', () => {
    expect(canonicalUrl('http://example.com/a?utm_medium=rss&wt_mc=rss.ho')).toBe('http://example.com/a');
  });

  it('resolves relative links against a base', () => {
    expect(canonicalUrl('../b', 'https://example.com/x/y/')).toBe('https://example.com/x/b');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' java\tscript:alert(1)',
    'data:text/html,<b>x</b>',
    'vbscript:msgbox(1)',
    'mailto:a@b.c',
    'ftp://x/y',
    'http://',
    'https:// /',
    '',
  ])('rejects %j', (href) => expect(canonicalUrl(href, 'https://example.com/')).toBeUndefined());

  it('strips credentials', () => {
    expect(canonicalUrl('https://user:pass@example.com/a')).toBe('https://example.com/a');
  });
});

describe('resolveBase', () => {
  it('chains document URL, feed xml:base and entry xml:base', () => {
    expect(resolveBase('https://a.example/feed.xml', '/blog/', '2026/')).toBe('https://a.example/blog/2026/');
  });
  it('ignores a relative base with nothing to resolve against', () => {
    expect(resolveBase(undefined, '/blog/')).toBeUndefined();
  });
});
