// Round four of the comparison with Python's feedparser: faults found in forms real publishers
// write (static site generators, Blogger, podcasts, CMS date templates), each reproduced by a small
// fixture of ours in test/fixtures/feeds/conformance/r4-*. Dates are checked under several machine
// time zones, as in conformance.test.ts.
import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../../src/lib/feeds/canonical-url.ts';
import { parseFeedDate } from '../../../src/lib/feeds/dates.ts';
import { stableId } from '../../../src/lib/feeds/normalize.ts';
import { conformance, ingestFixture, NOW } from './fixtures.ts';
import { expectLinear } from '../../helpers/growth.ts';
import { MACHINE_ZONES, machineZone } from '../../helpers/zone.ts';

describe('dates, whatever the machine time zone', () => {
  const useZone = machineZone();

  it.each(MACHINE_ZONES)('reads Go\'s zero time as no date, and ordinals, "at", "9:30am", "a.m." and Java\'s [zone], under TZ=%s', async (tz) => {
    useZone(tz);
    const { items, skipped } = await ingestFixture(conformance('r4-dates.rss'));
    expect(skipped).toEqual({});
    expect(items.map((i) => [i.title, i.published])).toEqual([
      // Before: 2001-01-01 (V8 reads the year 0001 as 2001), so the page sorted as 25 years old.
      ['Hugo page without a date', NOW.toISOString()],
      // Before: 2001-01-01 too, the zero time hiding the real date beside it.
      ['Go zero time beside a real dc:date', '2026-11-20T10:00:00.000Z'],
      // Before: no date for each of the others, so the time of the run.
      ['An ordinal day', '2026-11-23T00:00:00.000Z'],
      ['At, and am written onto the time', '2026-11-23T14:30:00.000Z'],
      ['A dash and pm', '2026-11-23T16:15:00.000Z'],
      ['AP style a.m.', '2026-11-23T14:30:00.000Z'],
      ['Java ZonedDateTime', '2026-11-23T08:30:00.000Z'],
    ]);
  });

  it('keeps four digits after the time an offset, reads a [zone] with no offset by its name, and no unknown zone', () => {
    expect(parseFeedDate('Mon, 23 Nov 2026 14:05:00 0000')?.toISOString()).toBe('2026-11-23T14:05:00.000Z');
    expect(parseFeedDate('0001-01-01T00:00:00Z')).toBeUndefined();
    expect(parseFeedDate('2026-11-23T09:30:00[Europe/Paris]')?.toISOString()).toBe('2026-11-23T08:30:00.000Z');
    expect(parseFeedDate('Mon, 23 Nov 2026 09:30:00 AMT')).toBeUndefined();
  });

  it('reads a date with a long run of spaces as no date, in linear time', () => {
    // Before: 4 to 5 s for these 30,000 spaces, growing with their square (a 1 MB date, hours).
    expect(parseFeedDate(`1:00${' '.repeat(30_000)}a`)).toBeUndefined();
    expectLinear((n) => parseFeedDate(`1:00${' '.repeat(n)}a`), 30_000);
  });

  it('reads a 1 MB date as no date, in linear time', () => {
    expect(parseFeedDate(`1:00${' '.repeat(1_000_000)}a`)).toBeUndefined();
    expect(parseFeedDate(`Nov 23, 2026${' at'.repeat(300_000)}`)).toBeUndefined();
    expectLinear((n) => parseFeedDate(`Nov 23, 2026${' at'.repeat(n)}`), 300_000);
  });
});

describe('authors written with an e-mail address', () => {
  it('takes the name, as RSS 2.0 ("address (name)") and mail headers ("name <address>") write it', async () => {
    const { items } = await ingestFixture(conformance('r4-authors.rss'));
    expect(items.map((i) => [i.title, i.author])).toEqual([
      // Before: "noreply@blogger.example (Ada Net)", and so on: the address shown as the author's name.
      ['Home lab switch upgrade', 'Ada Net'],
      ['Grid battery pilot', 'Jonas Große'],
      ['Chip export rules', 'Kim Lee'],
      ['Undersea cable repair', 'Pat Roe'],
      ['An address alone stays', 'press@authors4.example'],
      ['Parentheses without an address stay', 'Jo Park (Ed.)'],
    ]);
  });
});

describe('entries whose content is elsewhere', () => {
  it("links a podcast episode without a <link> to its audio, and takes an episode's <itunes:title> for an empty <title>", async () => {
    const { items, skipped } = await ingestFixture(conformance('r4-podcast.rss'));
    // Before: { 'no http(s) link': 2, 'no title': 1 }, and no episode at all.
    expect(skipped).toEqual({});
    expect(items.map((i) => [i.title, i.url, i.published])).toEqual([
      ['Ep 40: Grid-scale batteries', 'https://cdn.pod4.example/episodes/ep40.mp3', '2026-11-23T05:00:00.000Z'],
      ['Ep 41: Photonic interconnects', 'https://cdn.pod4.example/episodes/ep41.mp3', '2026-11-23T06:00:00.000Z'],
      ['Ep 42: Cooling the data hall', 'https://pod4.example/episodes/42', '2026-11-23T07:00:00.000Z'],
    ]);
    // The ids come from the guids, as before for episodes with links.
    expect(new Set(items.map((i) => i.id)).size).toBe(3);
  });

  it('links an Atom entry without a link to its <content src>, never its enclosure; its own link comes first', async () => {
    const { items, skipped } = await ingestFixture(conformance('r4-content-src.atom'));
    // Before: the first was skipped as having no http(s) link. An Atom enclosure is still never the
    // article (the conformance case): an entry with only that and a tag: id has no link.
    expect(skipped).toEqual({ 'no http(s) link': 1 });
    expect(items.map((i) => [i.title, i.url])).toEqual([
      ['Transmission plan, by reference', 'https://src4.example/reports/transmission-plan.html'],
      ['A link of its own wins', 'https://src4.example/posts/own'],
    ]);
  });
});

describe('Google Alerts', () => {
  it("links each alert to the publisher's article, under the id the publisher's own feed gives it", async () => {
    const { items, skipped } = await ingestFixture(conformance('r4-google-alerts.atom'));
    expect(skipped).toEqual({});
    // Before: https://www.google.com/url?rct=j&sa=t&url=…&usg=…, a click-tracking redirect, so the
    // story had another id than the same story read from the publisher's feed.
    expect(items.map((i) => [i.title, i.url])).toEqual([
      ['Utility energises new substation for data centres', 'https://grid-news.example/2026/11/new-substation'],
      ['Substation fire cuts power to chip plant', 'https://fab-wire.example/news/substation-fire'],
    ]);
    expect(items.map((i) => i.id)).toEqual(items.map((i) => stableId(i.url)));
  });

  it("unwraps only an absolute http(s) target of Google's /url", () => {
    expect(canonicalUrl('https://www.google.co.uk/url?q=https://grid-news.example/a&sa=U')).toBe('https://grid-news.example/a');
    expect(canonicalUrl('https://www.google.com/url?url=javascript:alert(1)')).toBe('https://www.google.com/url?url=javascript:alert(1)');
    expect(canonicalUrl('https://www.google.com/url?url=//grid-news.example/a')).toBe('https://www.google.com/url?url=//grid-news.example/a');
    expect(canonicalUrl('https://www.google.com/search?q=https://grid-news.example/a')).toBe('https://www.google.com/search?q=https://grid-news.example/a');
    expect(canonicalUrl('https://news.google.com/url?url=https://grid-news.example/a')).toBe('https://news.google.com/url?url=https://grid-news.example/a');
  });
});
