// The three feed writers over one entry model: same entries, newest first, escaped, deterministic.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { atomFeed } from '../../../src/lib/syndication/atom.ts';
import { feedUpdated } from '../../../src/lib/syndication/entry.ts';
import { jsonFeed, jsonFeedText } from '../../../src/lib/syndication/json-feed.ts';
import { rssFeed } from '../../../src/lib/syndication/rss.ts';
import { cdata, escapeXml } from '../../../src/lib/syndication/xml.ts';
import { channel, newer, older } from './fixtures.ts';

const xmlDoc = (xml: string) => parseHTML(xml.replace(/^<\?xml[^>]*>\s*(<\?xml-stylesheet[^>]*>\s*)?/, '')).document;

describe('rssFeed', () => {
  const xml = rssFeed(channel, [older, newer]);

  it('writes RSS 2.0 with the CSS browser view, namespaces and a self link', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/css" href="/feed.css"?>\n<rss version="2.0"')).toBe(true);
    expect(xml).toContain('xmlns:content="http://purl.org/rss/1.0/modules/content/"');
    expect(xml).toContain('<atom:link href="https://substation.example/rss.xml" rel="self" type="application/rss+xml"/>');
  });

  it('lists entries newest first with full content, authors, categories and the card', () => {
    expect(xml.indexOf('essays/newer/')).toBeLessThan(xml.indexOf('essays/older/'));
    expect(xml).toContain('<content:encoded><![CDATA[<p>Body with a CDATA terminator ]]]]><![CDATA[> inside.</p>]]></content:encoded>');
    expect(xml).toContain('<dc:creator>Theo Lindqvist</dc:creator>\n  <dc:creator>Priya Raman</dc:creator>');
    expect(xml).toContain('<category domain="https://substation.example/topics/">Energy</category>');
    expect(xml).toContain('<media:content url="https://substation.example/og/essays/older.png" type="image/png" medium="image" width="1200" height="630">');
    expect(xml).toContain('<pubDate>Sun, 01 Mar 2026 00:00:00 GMT</pubDate>');
  });

  it('escapes text and dates the channel by its newest entry, not the clock', () => {
    expect(xml).toContain('<title>Waiting &lt;in&gt; line &amp; &quot;queues&quot;</title>');
    expect(xml).toContain('<lastBuildDate>Tue, 02 Jun 2026 00:00:00 GMT</lastBuildDate>');
    expect(rssFeed(channel, [newer, older])).toBe(xml);
  });

  it('writes a valid empty channel', () => {
    const empty = rssFeed(channel, []);
    expect(empty).not.toContain('<item>');
    expect(empty).not.toContain('lastBuildDate');
    expect(empty).toContain('</channel>\n</rss>\n');
  });
});

describe('atomFeed', () => {
  const xml = atomFeed(channel, [older, newer]);
  const doc = xmlDoc(xml);

  it('writes Atom with the CSS browser view', () => {
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/css" href="/feed.css"?>\n<feed xmlns="http://www.w3.org/2005/Atom"'),
    ).toBe(true);
  });

  it('writes entries with ids, dates, authors, categories and escaped HTML content', () => {
    expect(doc.querySelectorAll('entry')).toHaveLength(2);
    expect(xml).toContain('<id>https://substation.example/atom.xml</id>');
    expect(xml).toContain('<updated>2026-06-02T00:00:00.000Z</updated>');
    expect(xml).toContain('<category term="liquid-cooling" label="liquid-cooling" scheme="https://substation.example/tags/"/>');
    expect(xml).toContain('<content type="html">&lt;p&gt;Newer body&lt;/p&gt;</content>');
    expect(xml).toContain('<author><name>Mara Okafor</name><uri>https://substation.example/authors/mara-okafor/</uri></author>');
  });

  it('names the publication as author only when some entry has none', () => {
    expect(xml).not.toMatch(/^<author>/m);
    expect(atomFeed(channel, [{ ...older, authors: [] }])).toMatch(/^<author><name>Substation<\/name>/m);
  });
});

describe('jsonFeed', () => {
  it('carries the same entries as RSS and Atom, as JSON Feed 1.1', () => {
    const feed = jsonFeed(channel, [older, newer]);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe('https://substation.example/feed.json');
    expect(feed.items.map((i) => i.id)).toEqual([newer.id, older.id]);
    expect(feed.items[0]).toMatchObject({
      title: newer.title,
      content_html: '<p>Newer body</p>',
      date_published: '2026-05-26T00:00:00.000Z',
      date_modified: '2026-06-02T00:00:00.000Z',
      authors: [
        { name: 'Theo Lindqvist', url: 'https://substation.example/authors/theo-lindqvist/' },
        { name: 'Priya Raman', url: 'https://substation.example/authors/priya-raman/' },
      ],
      tags: ['Data centres', 'liquid-cooling'],
    });
    expect(feed.items[1]?.image).toBe('https://substation.example/og/essays/older.png');
    expect(JSON.parse(jsonFeedText(channel, [older, newer]))).toEqual(feed);
  });

  it('gives the feed its icon, favicon and authors when the channel has them, and omits them when not', () => {
    const feed = jsonFeed(
      {
        ...channel,
        icon: `${channel.homeUrl}favicon-64.png`,
        largeIcon: `${channel.homeUrl}icon-512.png`,
        authors: [{ name: 'Substation Research', url: channel.homeUrl }],
      },
      [older],
    );
    expect(feed).toMatchObject({
      icon: 'https://substation.example/icon-512.png',
      favicon: 'https://substation.example/favicon-64.png',
      authors: [{ name: 'Substation Research', url: 'https://substation.example/' }],
    });
    const bare = jsonFeed({ ...channel, icon: undefined }, [older]);
    for (const key of ['icon', 'favicon', 'authors']) expect(bare).not.toHaveProperty(key);
  });

  it('falls back to content_text when an entry has no HTML', () => {
    const [item] = jsonFeed(channel, [{ ...newer, contentHtml: undefined }]).items;
    expect(item).toMatchObject({ content_text: 'Plain dek.' });
    expect(item).not.toHaveProperty('content_html');
  });
});

describe('the browser view', () => {
  it('never points a browser at XSLT, only at the CSS view', () => {
    for (const xml of [rssFeed(channel, [older]), atomFeed(channel, [older])]) {
      expect(xml).not.toContain('text/xsl');
      expect(xml).not.toContain('.xsl');
      expect(xml.match(/<\?xml-stylesheet [^>]*\?>/g)).toEqual(['<?xml-stylesheet type="text/css" href="/feed.css"?>']);
    }
  });
});

describe('xml helpers', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXml('a < b & "c" \u0001')).toBe('a &lt; b &amp; &quot;c&quot; ');
    expect(cdata('x]]>y')).toBe('<![CDATA[x]]]]><![CDATA[>y]]>');
  });

  it('dates an empty feed at the epoch so rebuilding changes nothing', () => {
    expect(feedUpdated([]).toISOString()).toBe('1970-01-01T00:00:00.000Z');
  });
});
