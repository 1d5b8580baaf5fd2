import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../src/lib/feeds/decode.ts';
import { FeedError } from '../../../src/lib/feeds/errors.ts';
import { parseFeed } from '../../../src/lib/feeds/parse.ts';
import { repairXml } from '../../../src/lib/feeds/repair-xml.ts';
import { fixture } from './fixtures.ts';

const text = (name: string) => decodeFeed(fixture(name)).text;

describe('repairXml', () => {
  it('escapes bare ampersands and turns HTML entities into character references', () => {
    expect(repairXml('<t>a & b &nbsp;&hellip;&amp;&#38;&#x26;&bogus;</t>')).toBe('<t>a &amp; b &#160;&#8230;&amp;&#38;&#x26;&amp;bogus;</t>');
  });

  it('leaves CDATA and comments alone', () => {
    expect(repairXml('<t><![CDATA[a & b &nbsp;]]><!-- & --></t>')).toBe('<t><![CDATA[a & b &nbsp;]]><!-- & --></t>');
  });

  it('removes whitespace, a BOM and a misplaced declaration before the root, and forbidden control characters', () => {
    expect(repairXml('\uFEFF\n  <!-- c --><?xml version="1.0"?>\n<rss>\u0001x\u000b</rss>')).toBe('<!-- c -->\n<rss>x</rss>');
  });
});

describe('parseFeed', () => {
  it('reads Atom with xml:base, rel=alternate links and updated-only entries', async () => {
    const feed = await parseFeed(text('base.atom'));
    expect(feed.format).toBe('atom');
    expect(feed.base).toBe('https://atom.example/blog/');
    expect(feed.entries[0]).toMatchObject({
      link: '11/cpo.html',
      base: 'https://atom.example/blog/2026/',
      author: 'Ada Byte',
      published: '2026-11-05T08:30:00-05:00',
    });
    expect(feed.entries[1]).toMatchObject({ link: 'posts/only-updated', updated: '2026-11-04T07:00:00Z' });
  });

  it('survives an entry whose date is not a date', async () => {
    const feed = await parseFeed(text('base.atom'));
    expect(feed.entries[2]).toMatchObject({ title: 'Bad date entry', link: 'https://atom.example/blog/bad-date' });
  });

  it('reads RSS 1.0 (RDF) with dc:date and HTML entities', async () => {
    const feed = await parseFeed(text('dates.rdf'));
    expect(feed.format).toBe('rdf');
    expect(feed.entries[0]).toMatchObject({
      title: 'Grid operator\u00a0warns of  tight   winter',
      published: '2026-11-06T06:00:00+02:00',
      author: 'Grid Desk',
    });
  });

  it('recovers bare "&", HTML entities, a late declaration and control characters', async () => {
    const feed = await parseFeed(text('broken.rss'));
    expect(feed.entries.map((e) => e.title)).toEqual(['Fish & chips\u00a0and HBM… © 2026&bogus;', 'Control chars']);
    expect(feed.entries[0]!.link).toBe('https://broken.example/a?x=1&y=2');
  });

  it('reports an HTML page as "not a feed" with the feed it advertises', async () => {
    const error = await parseFeed(text('page-with-alternate.html'), { url: 'https://chips.example/news/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedError);
    expect(error).toMatchObject({ kind: 'not-a-feed', alternate: 'https://chips.example/feed.xml' });
    expect((error as Error).message).toBe('not a feed: an HTML page; it points to the feed https://chips.example/feed.xml');
  });

  it('reports other XML as "not a feed" and broken XML as malformed', async () => {
    await expect(parseFeed('<?xml version="1.0"?><sitemap/>')).rejects.toThrow("not a feed: the document's root element is <sitemap>");
    await expect(parseFeed('<rss version="2.0"><channel><title>x</title>')).rejects.toThrow(/^malformed feed: Unclosed root tag/);
    await expect(parseFeed('')).rejects.toMatchObject({ kind: 'invalid' });
    // A JSON Feed is named, with what to do instead, rather than "no XML element".
    await expect(parseFeed('{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[]}')).rejects.toMatchObject({
      kind: 'not-a-feed',
      message: "not a feed this reader takes: a JSON Feed (jsonfeed.org); point the source's url at the site's RSS or Atom feed",
    });
    await expect(parseFeed('{"not":"a feed"}')).rejects.toThrow('not a feed: the document has no XML element');
  });
});
