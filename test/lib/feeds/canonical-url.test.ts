import { describe, expect, it } from 'vitest';
import { canonicalUrl, resolveBase } from '../../../src/lib/feeds/canonical-url.ts';

describe('canonicalUrl', () => {
  it('removes tracking parameters and the fragment, keeps the rest', () => {
    expect(canonicalUrl('https://Example.com:443/a?utm_source=x&id=3&fbclid=y&gclid=z&mc_cid=1&mc_eid=2#top')).toBe('https://example.com/a?id=3');
  });

  it('keeps a route fragment, which names the page on a hash-routed site, so two stories keep two URLs', () => {
    expect(canonicalUrl('https://x.example/#!/story/1')).toBe('https://x.example/#!/story/1');
    expect(canonicalUrl('https://x.example/#/story/2?utm_source=rss')).toBe('https://x.example/#/story/2?utm_source=rss');
    expect(canonicalUrl('https://x.example/news#comments')).toBe('https://x.example/news');
  });

  it('keeps an anchor that names a post of the page, and drops one that only scrolls or tracks', () => {
    expect(canonicalUrl('http://scripting.com/2017/06/26.html#a080605')).toBe('http://scripting.com/2017/06/26.html#a080605');
    expect(canonicalUrl('https://x.example/live/markets#post-101')).toBe('https://x.example/live/markets#post-101');
    expect(canonicalUrl('https://x.example/story/#comment-11')).toBe('https://x.example/story/#comment-11');
    expect(canonicalUrl('https://x.example/news.html#story=4')).toBe('https://x.example/news.html#story=4');
    for (const hash of [
      '#top',
      '#more-77',
      '#respond',
      '#comments',
      '#disqus_thread',
      '#.VtCA1eS6FaQ',
      '#tk.rss_all',
      '#xtor=RSS-3',
      '#utm_source=rss&utm_medium=feed',
      '#ref=rss',
      '#sthash.x1Y2.dpuf',
      '#ixzz4abc',
      '#',
    ]) {
      expect(canonicalUrl(`https://x.example/a${hash}`), hash).toBe('https://x.example/a');
    }
  });

  it('reads a link written as markup or with invisible spaces at its ends, and still refuses what is not http(s)', () => {
    expect(canonicalUrl('\u200Bhttps://x.example/a\u00A0')).toBe('https://x.example/a');
    expect(canonicalUrl('https://x.example/a<br>')).toBe('https://x.example/a');
    expect(canonicalUrl('<a href="https://x.example/b">read</a>')).toBe('https://x.example/b');
    expect(canonicalUrl("<a href='javascript:alert(1)'>x</a>")).toBeUndefined();
  });

  it("removes analytics parameters by name, and keeps a site's own that merely share a prefix", () => {
    expect(canonicalUrl('https://x.example/a?_ga=2.1&_gl=1*x&pk_campaign=rss&ns_source=feed&mtm_kwd=k')).toBe('https://x.example/a');
    expect(canonicalUrl('https://x.example/photos?_gallery=3&page=2&pk_id=77&ns_page=4')).toBe('https://x.example/photos?_gallery=3&page=2&pk_id=77&ns_page=4');
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
