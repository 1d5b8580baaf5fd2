// Round five of the comparison with Python's feedparser: faults found in not-well-formed markup
// (attributes with no value, HTML's void <link>, a comment naming the root), links (nested
// xml:base, repeated <link>, guids that are paths), dates (RFC 850, slashed, Unix time, Polish and
// other languages' forms) and JSON Feed's verdict, each reproduced by a small fixture of ours in
// test/fixtures/feeds/conformance/r5-*. Dates are checked under several machine time zones, as in
// conformance4.test.ts.
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../../src/lib/feeds/dates.ts';
import { repairXml } from '../../../src/lib/feeds/repair-xml.ts';
import { stableId } from '../../../src/lib/feeds/normalize.ts';
import { conformance, ingestFixture, NOW } from './fixtures.ts';
import { expectLinear } from '../../helpers/growth.ts';
import { MACHINE_ZONES, machineZone } from '../../helpers/zone.ts';

describe('markup that is not well-formed', () => {
  it('reads attributes written with no value, as HTML writes boolean ones', async () => {
    // Before: the whole feed was rejected ("malformed feed: Attribute without value").
    const { items, skipped } = await ingestFixture(conformance('r5-bare-attributes.rss'));
    expect(skipped).toEqual({});
    expect(items.map((i) => [i.title, i.url, i.published])).toEqual([
      ['Gas turbines ordered for hyperscale campus', 'https://power5.example/news/gas-turbines', '2026-11-23T09:00:00.000Z'],
      ['Substation podcast: grid queues explained', 'https://power5.example/news/grid-queues', '2026-11-23T08:00:00.000Z'],
      // A bare isPermaLink is HTML's empty value, not "false": the guid is the link.
      ['Battery storage beside the server hall', 'https://power5.example/news/battery-storage', '2026-11-23T07:00:00.000Z'],
    ]);
  });

  it('gives a valueless attribute the empty value and leaves quoted values and text alone', () => {
    expect(repairXml('<rss><item selected><enclosure url="https://a.example/x.mp3" autoplay/></item></rss>')).toBe(
      '<rss><item selected=""><enclosure url="https://a.example/x.mp3" autoplay=""/></item></rss>',
    );
    expect(repairXml('<rss><title>costs > 5 and more</title><a b="c d" e=f>x</a></rss>')).toBe(
      '<rss><title>costs > 5 and more</title><a b="c d" e="f">x</a></rss>',
    );
    // In linear time, however many there are.
    expectLinear((n) => repairXml(`<rss><a${' b'.repeat(n)}></a></rss>`), 200_000);
  });

  it("reads a feed whose comment before the root names the root's element", async () => {
    // Before: "malformed feed: Unclosed root tag": the "<rss>" inside the comment was taken for the
    // root, and the document was cut there, inside the comment.
    const { items } = await ingestFixture(conformance('r5-comment-before-root.rss'));
    expect(items.map((i) => [i.title, i.url])).toEqual([['Rack densities pass 120 kW', 'https://racks5.example/news/120kw-racks']]);
  });
});

describe('links', () => {
  it('reads a <link> written as an HTML void element, and the first <link> with a URL', async () => {
    // Before: the first two items were skipped as having no http(s) link: "<link />URL" read as an
    // empty link (the channel's too: its link was ""), and "<link></link><link>URL</link>" as its
    // first, empty one.
    const { feed, items, skipped } = await ingestFixture(conformance('r5-link-forms.rss'));
    expect(skipped).toEqual({});
    expect(feed.link).toBe('https://fabric5.example/');
    expect(items.map((i) => [i.title, i.url])).toEqual([
      ['800G optics reach volume shipments', 'https://fabric5.example/2026/11/800g-optics'],
      ['Switch vendor ships 102T silicon', 'https://fabric5.example/2026/11/102t-switch'],
      // feedparser takes the last; the first is the item's, as before.
      ['Two links, the first counts', 'https://fabric5.example/2026/11/first'],
    ]);
  });

  it("resolves a channel's relative xml:base against the one on <rss>", async () => {
    // Before: https://chips5.example/foundry/2026/11/2nm-line.html and
    // https://chips5.example/memory/hbm-supply.html: "foundry/" resolved against the channel's
    // <link>, the root's xml:base lost.
    const { items } = await ingestFixture(conformance('r5-nested-base.rss'), { documentUrl: 'https://feeds.chips5.example/rss' });
    expect(items.map((i) => i.url)).toEqual([
      'https://chips5.example/news/foundry/2026/11/2nm-line.html',
      'https://chips5.example/news/memory/hbm-supply.html',
      'https://chips5.example/news/foundry/2026/11/packaging.html',
    ]);
  });

  it('links an item with no <link> to a permalink guid that is a path; a bare word or a script is none', async () => {
    // Before: both were skipped as having no http(s) link.
    const { items, skipped } = await ingestFixture(conformance('r5-guid-paths.rss'));
    expect(items.map((i) => [i.title, i.url])).toEqual([
      ['Immersion cooling pilot goes live', 'https://cool5.example/news/2026/immersion-pilot'],
      ['Rear-door heat exchangers retrofitted', 'https://cool5.example/archive/rear-door-retrofit'],
    ]);
    // The id comes from the guid, as for an absolute one.
    expect(items[0]!.id).toBe(stableId('/news/2026/immersion-pilot'));
    expect(skipped).toEqual({ 'no http(s) link': 2 });
  });
});

describe('JSON Feed', () => {
  it('says a JSON Feed is one when its content holds HTML', async () => {
    // Before: "not a feed: the document's root element is <p>", the <p> of its content_html.
    await expect(ingestFixture(conformance('r5-jsonfeed-html.json'))).rejects.toThrow(/JSON Feed/);
  });
});

describe('dates, whatever the machine time zone', () => {
  const useZone = machineZone();

  describe.each(MACHINE_ZONES)('under TZ=%s', (tz) => {
    it('reads RFC 850, slashed dates with one reading, Unix time, Polish months and other languages\' "at"', async () => {
      useZone(tz);
      const { items, skipped } = await ingestFixture(conformance('r5-dates.rss'));
      expect(skipped).toEqual({});
      expect(items.map((i) => [i.title, i.published])).toEqual([
        // Before: 2001-11-24T02:00, a date 25 years out, silently.
        ['RFC 850, two-digit year', '2026-11-23T00:00:00.000Z'],
        // Before: no date (V8 reads month first), so the time of the run.
        ['Day first, day past 12', '2026-11-23T10:30:00.000Z'],
        ['Month first', '2026-11-23T10:30:00.000Z'],
        // Before: 2026-02-11, V8's month-first reading; 2 November is as likely. No date rather
        // than the wrong one of two: the time of the run.
        ['Either way round', NOW.toISOString()],
        // Before: no date for each of the others, so the time of the run.
        ['Unix seconds', '2026-11-23T10:00:00.000Z'],
        ['Unix milliseconds', '2026-11-23T10:00:00.000Z'],
        ['Polish abbreviation', '2026-11-23T09:00:00.000Z'],
        ['Polish genitive', '2026-11-23T10:00:00.000Z'],
        ['Italian ore', '2026-11-23T10:00:00.000Z'],
        ['Dutch om', '2026-11-23T10:00:00.000Z'],
        ['French 1er and à', '2026-11-01T10:00:00.000Z'],
      ]);
    });
  });

  it('reads each form alone, and no slashed date that reads both ways', () => {
    // Before: 2001-11-25T02:00:00.000Z.
    expect(parseFeedDate('24-Nov-26')?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(parseFeedDate('Tuesday, 24-Nov-26 10:00:00 GMT')?.toISOString()).toBe('2026-11-24T10:00:00.000Z');
    // Before: 2026-03-04T00:00:00.000Z. One that reads the same both ways is a date, as before.
    expect(parseFeedDate('03/04/2026')).toBeUndefined();
    expect(parseFeedDate('04/04/2026')?.toISOString()).toBe('2026-04-04T00:00:00.000Z');
    // Before: undefined.
    expect(parseFeedDate('24/11/2026 10:30 PM EST')?.toISOString()).toBe('2026-11-25T03:30:00.000Z');
    expect(parseFeedDate('1795000000')?.toISOString()).toBe('2026-11-18T11:06:40.000Z');
    expect(parseFeedDate('1795000000000')?.toISOString()).toBe('2026-11-18T11:06:40.000Z');
    // A count of seconds before 1990, or of another length, is no date.
    expect(parseFeedDate('123456789')).toBeUndefined();
    expect(parseFeedDate('12345678901')).toBeUndefined();
    expect(parseFeedDate('3 października 2026')?.toISOString()).toBe('2026-10-03T00:00:00.000Z');
    expect(parseFeedDate('24. November 2026 um 10:00 Uhr')?.toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });
});
