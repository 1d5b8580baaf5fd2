// Cases from a conformance corpus of real-world feeds, each reproduced by a small fixture of ours in
// test/fixtures/feeds/conformance/. Dates are checked under several machine time zones: Node reads
// process.env.TZ again when it changes, so each pass really runs in that zone.
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../../src/lib/feeds/dates.ts';
import { decodeFeed } from '../../../src/lib/feeds/decode.ts';
import { parseFeed } from '../../../src/lib/feeds/parse.ts';
import { conformance, fixture, ingestFixture, NOW } from './fixtures.ts';
import { MACHINE_ZONES, machineZone } from '../../helpers/zone.ts';

const titles = async (name: string) => (await ingestFixture(conformance(name))).items.map((i) => i.title);

describe('Atom text constructs', () => {
  it('reads xhtml and inline-markup titles as text, and keeps type="text" literally', async () => {
    const { items, skipped } = await ingestFixture(conformance('text-constructs.atom'));
    expect(skipped).toEqual({});
    expect(items.map((i) => [i.title, i.summary])).toEqual([
      ['Micron doubles HBM4 output', ''],
      ['Arista ships 800G switches & optics', 'A summary that must not become the title.'],
      ['History of the <blink> tag', 'Why <blink> & <marquee> died'],
      ['TSMC raises capex & prices', 'Capex up again.'],
    ]);
  });
});

describe('Atom links', () => {
  it('takes only rel="alternate" (or no rel) as the article, then an http(s) id, else skips', async () => {
    const { items, skipped } = await ingestFixture(conformance('links.atom'));
    expect(items.map((i) => [i.title, i.url])).toEqual([
      ['Alternate after the others', 'https://links.example/posts/a'],
      ['Only an enclosure, an http id', 'https://links.example/posts/b'],
      // Anchors of one page, each a part of its own.
      ['Part one', 'https://links.example/series#part-1'],
      ['Part two', 'https://links.example/series#part-2'],
    ]);
    expect(skipped).toEqual({ 'no http(s) link': 1 });
  });

  it('keeps a feed whose <link>s have no attributes, taking a URL written as text as the href', async () => {
    const { items, skipped } = await ingestFixture(conformance('bare-links.atom'));
    expect(items.map((i) => [i.title, i.url])).toEqual([
      ['An empty link before the real one', 'https://bare-links.example/a'],
      ['A link written as RSS writes it', 'https://bare-links.example/b'],
    ]);
    expect(skipped).toEqual({});
  });

  it('resolves relative entry links against the document, not the feed\'s rel="self" on another host', async () => {
    const { feed, items } = await ingestFixture(conformance('self-on-mirror.atom'), { documentUrl: 'https://blog.example/atom.xml' });
    expect(feed.link).toBeUndefined();
    expect(items.map((i) => i.url)).toEqual(['https://blog.example/post/1']);
  });

  it('takes the web page of several alternates: typed as HTML, else untyped, not a PDF listed first', async () => {
    const { items } = await ingestFixture(conformance('alternates.atom'));
    expect(items.map((i) => i.url)).toEqual(['https://alternates.example/report', 'https://alternates.example/b']);
  });

  it('gives entries with different Atom ids different item ids, even when their URLs are one', async () => {
    const { items } = await ingestFixture(conformance('links.atom'));
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });
});

describe('RSS descriptions', () => {
  it('keeps the words inside raw inline tags, in order', async () => {
    const { items } = await ingestFixture(conformance('inline-description.rss'));
    expect(items.map((i) => i.summary)).toEqual(['HBM supply is tight through 2027, says SK hynix', 'Escaped markup reads the same']);
  });
});

describe('dates, whatever the machine time zone', () => {
  const useZone = machineZone();
  const zones = MACHINE_ZONES;
  const publishedIn = async (name: string) => (await ingestFixture(conformance(name))).items.map((i) => [i.title, i.published]);

  it.each(zones)('reads zone-less, named-zone and dcterms dates the same under TZ=%s', async (tz) => {
    useZone(tz);
    expect(await publishedIn('dates.rss')).toEqual([
      ['RFC 822 without a zone', '2026-11-05T08:30:00.000Z'],
      ['Eastern time in winter', '2026-11-05T13:30:00.000Z'],
      ['Pacific time in summer', '2026-07-15T15:30:00.000Z'],
      ['Central and mountain', '2026-11-05T14:30:00.000Z'],
      ['Middle European', '2026-11-05T07:30:00.000Z'],
      ['Middle European summer', '2026-07-15T06:30:00.000Z'],
      ['Etc/GMT+5 is five hours behind', '2026-11-05T13:30:00.000Z'],
      ['Etc/GMT', '2026-11-05T08:30:00.000Z'],
      ['Eastern standard', '2026-11-05T13:30:00.000Z'],
      ['Only dcterms:issued', '2026-11-04T20:15:00.000Z'],
      ['Only dcterms:modified', '2026-11-03T06:00:00.000Z'],
    ]);
  });

  it.each(zones)('keeps the offset before a comment, after GMT or UTC, and in hours alone, under TZ=%s', async (tz) => {
    useZone(tz);
    expect(await publishedIn('offsets.rss')).toEqual([
      ['A comment after the offset', '2026-05-01T08:00:00.000Z'],
      ['As Date.prototype.toString writes it', '2026-05-01T08:00:00.000Z'],
      ['Hours alone', '2026-05-01T08:00:00.000Z'],
      ['GMT and one digit', '2026-05-01T08:00:00.000Z'],
      ['UTC and one digit', '2026-05-01T05:00:00.000Z'],
      ['ISO with hours alone', '2026-05-01T08:00:00.000Z'],
      // 31 April is no date (Date would roll it into 1 May): the next candidate, dcterms:modified, counts.
      ['A day April does not have', '2026-05-02T09:00:00.000Z'],
    ]);
  });

  it.each(zones)('prefers a date that says its zone to a pubDate that does not, under TZ=%s', async (tz) => {
    useZone(tz);
    expect(await publishedIn('date-zone-preferred.rss')).toEqual([
      // Was 09:30 UTC, nine hours late: the zone-less pubDate was read first.
      ['Zone-less pubDate, zoned dc:date', '2026-11-24T00:30:00.000Z'],
      ['Zoned pubDate wins over a zone-less dc:date', '2026-11-24T00:30:00.000Z'],
      ['Only a zone-less pubDate', '2026-11-24T09:30:00.000Z'],
    ]);
  });

  it.each(zones)('reads the zone written before the year, and the zones of Africa, Asia and Brazil, under TZ=%s', async (tz) => {
    useZone(tz);
    expect(await publishedIn('zone-names.rss')).toEqual([
      // Were 14:05 UTC (EST taken as GMT) and no date at all (CET).
      ['Java and date(1), Eastern', '2026-11-02T19:05:00.000Z'],
      ['Java and date(1), Central European', '2026-11-02T13:05:00.000Z'],
      ['Java with an offset', '2026-11-02T13:05:00.000Z'],
      // Were no date, so the item took the run's time.
      ['South Africa', '2026-11-02T12:05:00.000Z'],
      ['Western Indonesia', '2026-11-02T07:05:00.000Z'],
      ['Pakistan', '2026-11-02T09:05:00.000Z'],
      ['Brasilia', '2026-11-02T17:05:00.000Z'],
      ['East Africa', '2026-11-02T11:05:00.000Z'],
    ]);
  });

  it.each(zones)('reads day.month.year (not month.day) and ISO 8601 basic dates, under TZ=%s', async (tz) => {
    useZone(tz);
    expect(await publishedIn('numeric-dates.rss')).toEqual([
      // V8's own parser read this as 11 February.
      ['Dotted, with a time', '2026-11-02T10:00:00.000Z'],
      ['Dotted, one-digit day and month, no time', '2026-03-02T00:00:00.000Z'],
      ['Dotted, with seconds and an offset', '2026-11-02T09:00:30.000Z'],
      // Before: no date, so the time of the run.
      ['ISO basic, UTC', '2026-11-02T10:00:00.000Z'],
      ['ISO basic, minutes and an offset', '2026-11-02T04:30:00.000Z'],
      ['A dotted day April does not have', '2026-05-02T09:00:00.000Z'],
    ]);
  });

  it.each(zones)('reads ISO months, hours and ordinal days, and an offset followed by its zone name, under TZ=%s', async (tz) => {
    useZone(tz);
    const { items } = await ingestFixture(conformance('partial-dates.rss'));
    expect(items.map((i) => [i.title, i.published])).toEqual([
      // Before: 1 January 11:00 ("-11" read as a zone).
      ['A month', '2026-11-01T00:00:00.000Z'],
      // Before: no date, so the time of the run, for the next four.
      ['An hour', '2026-11-03T10:00:00.000Z'],
      ['An ordinal day', '2026-11-04T00:00:00.000Z'],
      ['An offset and its name, ISO', '2026-11-05T15:00:00.000Z'],
      ['An offset and its name, RFC 822', '2026-11-06T09:00:00.000Z'],
      ['A thirteenth month is no date', NOW.toISOString()],
    ]);
  });

  it.each(zones)('reads month names in German, French, Spanish, Italian and Dutch, and a dash before the time, under TZ=%s', async (tz) => {
    useZone(tz);
    // Before: every one was no date, so the time of the run; the last still is (April has 30 days).
    expect(await publishedIn('local-dates.rss')).toEqual([
      ['German, with Uhr', '2026-11-18T10:00:00.000Z'],
      ['German, an umlaut', '2026-03-03T09:00:00.000Z'],
      ['French', '2026-06-03T10:00:00.000Z'],
      ['Spanish', '2026-10-18T00:00:00.000Z'],
      ['Italian, abbreviated', '2026-10-12T06:30:00.000Z'],
      ['Dutch', '2026-05-03T00:00:00.000Z'],
      ["Drupal's dash", '2026-11-16T14:30:00.000Z'],
      ['A day April does not have, in French', NOW.toISOString()],
    ]);
  });

  it('rejects a day its month does not have, as ISO or RFC 822, and keeps 29 February in a leap year', () => {
    expect(parseFeedDate('2026-02-30')).toBeUndefined();
    expect(parseFeedDate('31 Apr 2026 10:00:00 GMT')).toBeUndefined();
    expect(parseFeedDate('Sun, 29 Feb 2026 10:00 GMT')).toBeUndefined();
    expect(parseFeedDate('29-Feb-24 10:00 GMT')?.toISOString()).toBe('2024-02-29T10:00:00.000Z');
    expect(parseFeedDate('2028-02-29')?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });

  it.each(zones)('reads Atom dates without a zone, and Atom 0.3 issued/modified, the same under TZ=%s', async (tz) => {
    useZone(tz);
    expect(await publishedIn('dates.atom')).toEqual([
      ['Published without a zone', '2026-11-05T08:30:00.000Z'],
      ['Updated without a zone', '2026-11-05T09:45:00.000Z'],
    ]);
    expect(await publishedIn('dates03.atom')).toEqual([
      ['Issued and modified', '2026-11-04T23:00:00.000Z'],
      ['Only modified', '2026-11-03T07:00:00.000Z'],
    ]);
  });
});

describe('documents readers accept', () => {
  it('decides by the root element, not by a stray <!DOCTYPE html>', async () => {
    expect(await titles('doctype-html.rss')).toEqual(['Kept despite the doctype']);
  });

  it('keeps every complete entry of a document cut off at the end', async () => {
    expect(await titles('truncated.rss')).toEqual(['First complete', 'Second complete']);
    expect(await titles('truncated.atom')).toEqual(['Complete entry', 'Another complete']);
  });

  it('repairs numeric references XML forbids instead of losing the feed, and reads CP-1252 codes as HTML does', async () => {
    expect(await titles('numeric-refs.rss')).toEqual([
      'Chips are up 🚀',
      'A control character dropped',
      'Nvidia’s quarter, “strong”',
      'A raw C1 ’ apostrophe',
      'Half an emoji \uFFFD alone',
      'Past Unicode dropped',
      'Well-formed ’ stays',
    ]);
  });

  it('keeps a feed with a bare "<" in its text, and takes FeedBurner\'s origLink as the article', async () => {
    const { items } = await ingestFixture(conformance('bare-lt-origlink.rss'));
    expect(items.map((i) => [i.title, i.url, i.summary])).toEqual([
      ['Costs < $5 a watt as nodes go <3nm', 'https://lt.example/1', 'a < b, and b <= c'],
      ['Through FeedBurner', 'https://lt.example/2', ''],
    ]);
  });

  it('reads an Atom feed whose elements carry a prefix bound to the Atom namespace', async () => {
    const { items } = await ingestFixture(conformance('prefixed.atom'));
    expect(items.map((i) => [i.title, i.url, i.published])).toEqual([
      ['Every element under a prefix', 'https://prefixed.example/1', '2026-11-05T08:00:00.000Z'],
    ]);
  });

  it("reads extensions under prefixes of the feed's own choosing (.NET's a10: for Atom, c: for content, d: for Dublin Core)", async () => {
    const { items, skipped } = await ingestFixture(conformance('namespace-prefixes.rss'));
    expect(skipped).toEqual({});
    expect(items.map((i) => [i.title, i.url, i.published, i.summary])).toEqual([
      // Dated by <a10:updated> alone: before, the time of the run, so it looked new.
      ['Dot-net feed: only a10:updated', 'https://ns.example/a', '2026-11-18T08:00:00.000Z', 'Short'],
      ['Content under c:, creator and date under d:', 'https://ns.example/b', '2026-11-17T09:00:00.000Z', 'Full text here.'],
      // Its only link is <a10:link>: before, skipped as having no link.
      ['Only an a10:link', 'https://ns.example/c', '2026-11-16T08:00:00.000Z', ''],
    ]);
  });

  it('reads RSS elements written in another case (<PubDate>, <Link>, <pubdate>, <ITEM>)', async () => {
    const { feed, items, skipped } = await ingestFixture(conformance('element-case.rss'));
    expect(skipped).toEqual({});
    expect(feed.title).toBe('RSS elements in the wrong case');
    // Before: the capitalised items were skipped as having no link, the lower-case pubdate got the run's time.
    expect(items.map((i) => [i.title, i.url, i.published])).toEqual([
      ['Capitalised elements', 'https://case.example/1', '2026-11-02T10:00:00.000Z'],
      ['A lower-case pubdate', 'https://case.example/2', '2026-11-03T10:00:00.000Z'],
      ['Shouted', 'https://case.example/3', '2026-11-04T10:00:00.000Z'],
    ]);
  });

  it('reads a feed behind a PHP warning or a line of text, and an item whose pubDate is a placeholder by its dc:date', async () => {
    // Before: the whole feed was rejected ("root element is <br>", "Non-whitespace before first tag").
    const { items, skipped } = await ingestFixture(conformance('php-warning.rss'));
    expect(skipped).toEqual({});
    expect(items.map((i) => [i.title, i.published])).toEqual([
      ['Kept behind the warning', '2026-11-02T10:00:00.000Z'],
      // Before: the run's time, since <pubDate>TBD</pubDate> hid the dc:date.
      ['A placeholder pubDate, a real dc:date', '2026-11-03T10:00:00.000Z'],
    ]);
    expect(await titles('text-before-root.rss')).toEqual(['Kept behind a line of text']);
  });

  it("takes a URL guid as the article when an item links to the feed's home page, and never gives two stories one id", async () => {
    const { items, skipped } = await ingestFixture(conformance('homepage-links.rss'));
    expect(skipped).toEqual({});
    expect(items.map((i) => [i.title, i.url])).toEqual([
      ['First story', 'https://home.example/p/1'],
      ['Second story', 'https://home.example/p/2'],
      // No URL to be had: the home page stays the link, and the guid makes the id.
      ['A guid that is no URL', 'https://home.example/'],
      ['A guid marked not a permalink', 'https://home.example/'],
      ['Its own link', 'https://home.example/p/5'],
    ]);
    // Before: one id for the first four, so the store kept only the first story.
    expect(new Set(items.map((i) => i.id)).size).toBe(5);
  });

  it('knows the home page whatever its scheme', async () => {
    const { items, skipped } = await ingestFixture(conformance('homepage-other-scheme.rss'));
    expect(skipped).toEqual({});
    // Before: both linked the home page under one id, and the store kept only the first.
    expect(items.map((i) => [i.title, i.url])).toEqual([
      ['Story one', 'https://scheme.example/p/1'],
      ['Story two', 'https://scheme.example/p/2'],
    ]);
    expect(new Set(items.map((i) => i.id)).size).toBe(2);
  });

  it('keeps text in angle brackets that is no HTML (tickers, an address, code) and strips what is', async () => {
    const { items, skipped } = await ingestFixture(conformance('angle-text.rss'));
    expect(skipped).toEqual({});
    // Before: "Nvidia Corp and TSMC <2330.TW> lift capex guidance" (a code starting with a letter read
    // as a tag), "Utility EPS", "Template code: vector and boundaries", and no codes in the summary.
    expect(items.map((i) => [i.title, i.summary])).toEqual([
      [
        'Nvidia Corp <NVDA.O> and TSMC <2330.TW> lift capex guidance',
        'Shares of Arm Holdings <ARM.O> rose; the euro <EUR=> was flat. Contact: desk <wire@angle.example>',
      ],
      ['Utility EPS <est as costs rise', 'Escaped HTML is still HTML'],
      ['Template code: vector<int> and <Suspense> boundaries', 'A handler is markup, too'],
    ]);
  });

  it('reads RSS 1.0 items written inside <channel> as well as beside it', async () => {
    // Before: only the item beside the channel; a feed with all its items inside had none.
    expect(await titles('rdf-items-in-channel.rdf')).toEqual([
      'Inside the channel, first',
      'Inside the channel, second',
      'Beside the channel, as RSS 1.0 says',
    ]);
  });

  it('reads an ampersand escaped once too often in a link as an ampersand', async () => {
    const { items, skipped } = await ingestFixture(conformance('escaped-ampersands.rss'));
    expect(skipped).toEqual({});
    // Before: "?a=1&amp;b=2&amp;c=3", a query of parameters named "amp;b", in all but the second.
    expect(items.map((i) => i.url)).toEqual([
      'https://amp.example/q?a=1&b=2&c=3',
      'https://amp.example/q?a=2&b=2',
      'https://amp.example/q?a=3&b=2',
      'https://amp.example/q?a=4&b=2',
      'https://amp.example/q?a=5&b=2',
    ]);
  });

  it('reads links, titles, authors and dates where other systems write them', async () => {
    const { items, skipped } = await ingestFixture(conformance('other-fields.rss'));
    expect(skipped).toEqual({});
    expect(items.map((i) => [i.title, i.url, i.published, i.author ?? null])).toEqual([
      // Before: skipped, no link; and a military zone letter was no date (RFC 5322 reads it as UTC).
      ['A link written as Atom writes it', 'https://other.example/1', '2026-11-01T10:00:00.000Z', null],
      // Before: skipped, no title (HTML reads a CDATA section as a comment); a leap second was no date.
      ['A CDATA section escaped', 'https://other.example/2', '2026-06-30T23:59:59.000Z', null],
      // Before: skipped, no title; a date with CJK unit signs was no date.
      ['An empty title, a Dublin Core one', 'https://other.example/3', '2026-11-03T10:00:00.000Z', null],
      // Before: skipped; and an author written as Atom writes one was lost.
      ['Only a Media RSS title', 'https://other.example/4', NOW.toISOString(), 'Jane Doe'],
      ['An iTunes author', 'https://other.example/5', NOW.toISOString(), 'Pod Host'],
      // Before: skipped, no link.
      ['A protocol-relative guid', 'https://other.example/6', NOW.toISOString(), null],
    ]);
    const atom = await ingestFixture(conformance('other-fields.atom'));
    expect(atom.items.map((i) => [i.title, i.published, i.author])).toEqual([
      // Before: the run's time, and no author.
      ['A pubDate in an entry', '2026-11-01T10:00:00.000Z', 'DC Jane'],
      ['Published wins', '2026-11-02T10:00:00.000Z', 'Atom Jane'],
    ]);
  });

  it('reads the items of every <channel>, and an Atom link after an empty <link/>', async () => {
    // Before: the second channel's item was lost, and the item with an empty <link/> skipped.
    expect((await ingestFixture(conformance('two-channels.rss'))).items.map((i) => [i.title, i.url])).toEqual([
      ['In the first channel', 'https://channels.example/1'],
      ['An empty link and an Atom one', 'https://channels.example/2'],
      ['In the second channel', 'https://channels.example/3'],
    ]);
  });

  it('keeps items written after </channel>', async () => {
    expect(await titles('items-after-channel.rss')).toEqual(['Inside the channel', 'After the channel']);
  });

  it('reports <rss> without <channel> in words', async () => {
    await expect(parseFeed(decodeFeed(fixture(conformance('no-channel.rss'))).text)).rejects.toMatchObject({
      name: 'FeedError',
      kind: 'invalid',
      message: 'malformed feed: <rss> has no <channel>',
    });
  });
});

describe('one document does not change the verdict on the next', () => {
  const documents: Record<string, string> = {
    good: '<rss version="2.0"><channel><title>t</title><item><title>a</title><link>https://x.example/a</link></item></channel></rss>',
    unclosed: '<rss version="2.0"><channel><item><title>x</title>',
    mismatched: '<rss version="2.0"><channel><item><title>x</foo></item></channel></rss>',
    'no channel': '<rss version="2.0"><title>t</title></rss>',
  };
  const verdict = (text: string) =>
    parseFeed(text).then(
      (feed) => `ok: ${feed.entries.length} entries`,
      (error: Error) => `${error.name}: ${error.message}`,
    );

  it.each(Object.keys(documents))('%s reads the same after each of the others', async (name) => {
    const alone = await verdict(documents[name]!);
    for (const before of Object.values(documents)) {
      await verdict(before);
      expect(await verdict(documents[name]!)).toBe(alone);
    }
  });
});

describe('undeclared East Asian and Cyrillic charsets', () => {
  it.each([
    ['euc-jp.rss', 'euc-jp', '東京電力、データセンター向けの新しい変電所を建設へ'],
    ['shift_jis.rss', 'shift_jis', '東京電力、データセンター向けの新しい変電所を建設へ'],
    ['gb2312.rss', 'gb18030', '国家电网宣布投资建设新的数据中心供电线路'],
    ['koi8-r.rss', 'koi8-r', 'Энергосистема готовится к зимнему пику нагрузки'],
  ])('detects %s', async (file, charset, title) => {
    expect(decodeFeed(fixture(conformance(file)))).toMatchObject({ charset, from: 'sniff' });
    expect((await titles(file))[0]).toBe(title);
  });
});

describe('entries that share a page', () => {
  it("keeps a live blog's posts, a comments feed's comments and one page's notices as stories of their own", async () => {
    const { items, skipped } = await ingestFixture(conformance('shared-links.rss'));
    expect(items.map((i) => [i.title.slice(0, 24), i.url])).toEqual([
      ['06:10 Reserve margins ti', 'https://grid-desk.example/live/winter-peak#update-3'],
      ['05:40 Operator calls for', 'https://grid-desk.example/live/winter-peak#update-2'],
      ['Comment by Priya on the ', 'https://grid-desk.example/2026/11/queue/#comment-41'],
      ['Comment by Tomas on the ', 'https://grid-desk.example/2026/11/queue/#comment-42'],
      ['Transmission outage noti', 'https://grid-desk.example/notices'],
      ['Transmission outage noti', 'https://grid-desk.example/notices'],
      // A fragment that only scrolls (to the comments, past "read more") is no part of the story's URL.
      ['Utility files plan for a', 'https://grid-desk.example/news/500kv-plan'],
      ['Data centre load forecas', 'https://grid-desk.example/news/load-forecast'],
    ]);
    // Eight stories, eight ids: they all shared one or two before. The entry written twice (same
    // guid, same title) is still one; a guid shared by other titles and links is no reason to drop them.
    expect(new Set(items.map((i) => i.id)).size).toBe(8);
    expect(skipped).toEqual({ 'duplicate guid': 1 });
  });

  it('gives each the same id on every run', async () => {
    const first = (await ingestFixture(conformance('shared-links.rss'))).items.map((i) => i.id);
    const again = (await ingestFixture(conformance('shared-links.rss'), { now: new Date('2026-11-25T00:00:00Z') })).items.map((i) => i.id);
    expect(again).toEqual(first);
  });
});

describe('Media RSS titles', () => {
  it("takes an empty <title>'s place from <media:content> or <media:group>, never over the item's own", async () => {
    const { items, skipped } = await ingestFixture(conformance('media-titles.rss'));
    expect(skipped).toEqual({});
    expect(items.map((i) => i.title)).toEqual(['Cleanroom at the new 2 nm line', 'Keynote: the next accelerator, in four minutes', 'Turbine hall at dusk']);
  });
});

describe('links pasted from rich text', () => {
  it("drops zero-width and no-break spaces at the ends, a <br> after the URL, and takes an anchor's http(s) href", async () => {
    const { items, skipped } = await ingestFixture(conformance('pasted-links.rss'));
    expect(items.map((i) => i.url)).toEqual([
      'https://fibre-notes.example/a/1',
      'https://fibre-notes.example/a/2',
      'https://fibre-notes.example/a/3',
      'https://fibre-notes.example/a/4',
    ]);
    expect(skipped).toEqual({ 'no http(s) link': 1 });
  });
});
