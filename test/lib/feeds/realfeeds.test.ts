// Every document in ../shared/realfeeds (79 real feeds from other parsers' test suites) goes through
// decode, parse and normalise: items with clean text, or a clear per-feed error. Never a crash.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../src/lib/feeds/decode.ts';
import { FeedError } from '../../../src/lib/feeds/errors.ts';
import { normalizeFeed } from '../../../src/lib/feeds/normalize.ts';
import { parseFeed } from '../../../src/lib/feeds/parse.ts';
import { NewsItemSchema } from '../../../src/lib/schema/news.ts';
import { MARKUP } from '../../helpers/markup.ts';
import { hasRealfeeds, NOW, realfeedsDir } from './fixtures.ts';

interface Row {
  file: string;
  format: string;
  itemCount: number | undefined;
}

function index(): Row[] {
  const lines = readFileSync(path.join(realfeedsDir, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [file = '', , format = '', , count = ''] = line.split('\t');
    return { file, format, itemCount: /^\d+$/.test(count) ? Number(count) : undefined };
  });
}

// Documents that are not feeds, or feeds broken beyond safe repair: each must fail with a clear reason.
const EXPECTED_ERRORS: Record<string, RegExp> = {
  'nodefeedparser__notafeed.html': /^not a feed: an HTML page with no feed link$/,
  'rssparser__unrecognized.rss': /^not a feed: an HTML page/,
  'feedrs__xml_iso8859.xml': /^not a feed: the document's root element is <rdf>$/,
  'feedrs__rss_2.0_invalid_1.xml': /^malformed feed: Unclosed root tag/,
  'feedparser__rss_incomplete_cdata.xml': /^malformed feed: Unclosed root tag/,
};

const HOSTILE = /javascript:(?!\s)|onerror\s*=|onload\s*=|onclick\s*=/i;

async function ingest(file: string, documentUrl?: string) {
  const bytes = readFileSync(path.join(realfeedsDir, file));
  const decoded = decodeFeed(bytes);
  const feed = await parseFeed(decoded.text, { url: documentUrl });
  return { bytes, decoded, feed, ...normalizeFeed(feed, { source: { id: 'real', name: 'Real' }, documentUrl, now: NOW }) };
}

describe.skipIf(!hasRealfeeds)('real-world feeds (../shared/realfeeds)', () => {
  const rows = hasRealfeeds ? index() : [];

  it('lists 79 documents', () => expect(rows).toHaveLength(79));

  it.each(rows.map((r) => [r.file, r] as const))('%s', async (file, row) => {
    const expectedError = EXPECTED_ERRORS[file];
    let result: Awaited<ReturnType<typeof ingest>>;
    try {
      result = await ingest(file);
    } catch (error) {
      expect(error, `${file} threw something other than a FeedError`).toBeInstanceOf(FeedError);
      expect((error as Error).message).toMatch(expectedError ?? /^\0never/);
      return;
    }
    expect(expectedError, `${file} was expected to fail`).toBeUndefined();
    if (row.itemCount !== undefined) expect(result.feed.entries).toHaveLength(row.itemCount);
    // Mojibake check: a replacement character only where the source bytes already had one.
    const sourceHadFffd = Buffer.from(result.bytes).includes(Buffer.from([0xef, 0xbf, 0xbd]));
    for (const item of result.items) {
      if (!sourceHadFffd) expect(`${item.title} ${item.summary}`, file).not.toContain('\uFFFD');
      const text = `${item.title} ${item.summary} ${item.author ?? ''}`;
      expect(text, file).not.toMatch(MARKUP);
      expect(text, file).not.toMatch(HOSTILE);
      expect(item.url).toMatch(/^https?:\/\//);
      expect(item.summary.length).toBeLessThanOrEqual(400);
      const parsed = NewsItemSchema.safeParse({ ...item, topics: [], companies: [], clusterId: item.id, clusterSize: 1 });
      expect(parsed.success, `${file}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('keeps text in angle brackets that is no markup: IRC nicks, an e-mail address, a TwiML verb', async () => {
    const summaries = async (file: string) => (await ingest(file)).items.map((item) => item.summary).join('\n');
    expect(await summaries('miniflux__encoding_WINDOWS-1251.xml')).toContain('<L29Ah> [[ clang++ == *g++ ]] && echo yay <L29Ah> yay <Minoru>');
    expect(await summaries('miniflux__small_atom.xml')).toContain('Signed-off-by: dependabot[bot] <support@github.com>');
    expect(await summaries('rsparser__cloudblog.rss')).toContain('The new TwiML <stream> command');
  });

  it('reads authors written as Atom writes them in RSS, and iTunes authors', async () => {
    // Before: none for either feed.
    const cloud = (await ingest('rsparser__cloudblog.rss')).items;
    expect(cloud.filter((item) => item.author).length).toBe(cloud.length);
    expect(cloud.map((item) => item.author)).toContain('Quentin Hardy');
    expect(new Set((await ingest('rome__leshow.xml')).items.map((item) => item.author))).toEqual(new Set(['Harry Shearer']));
  });

  it('reads a Portuguese feed\'s dates ("Seg, 24 Set 2018 19:42:40 -0300")', async () => {
    // Before: every item took the time of the run, as if published now.
    const dates = (await ingest('rssparser__uolNoticias.rss')).items.map((item) => item.published);
    expect(dates).not.toContain(NOW.toISOString());
    expect(dates[0]).toBe('2018-09-24T22:42:40.000Z');
  });

  it('decodes declared and undeclared non-UTF-8 encodings to readable text', async () => {
    const title = async (file: string) => (await ingest(file)).items[0]!.title;
    expect(await title('miniflux__encoding_WINDOWS-1251.xml')).toBe('Цитата #17703');
    expect(await title('miniflux__koi8r.xml')).toBe('Первая новость');
    expect(await title('rsparser__kc0011.rss')).toBe('建国35周年纪念，华表，和平鸽');
    expect(await title('simplepie__feed-utf16le.xml')).toBe('Test feed title 1');
    expect(await title('miniflux__no_encoding_ISO-8859-1.xml')).toBe('Perturbateurs endocriniens : quels effets sur le cerveau ?');
    expect(await title('nodefeedparser__compressed.xml')).toBe(await title('nodefeedparser__iconv.xml'));
    expect((await ingest('miniflux__windows-1252-incorrect-prolog.xml')).decoded.charset).toBe('utf-8');
  });

  it('resolves relative links against the document URL', async () => {
    const { items } = await ingest('nodefeedparser__rss-with-relative-urls.xml', 'https://www.arcgames.com/en/games/neverwinter/news/rss');
    expect(items[0]!.url).toBe('https://www.arcgames.com/en/games/neverwinter/news/detail/10743874-neverwinter-%26-jingle-jam-humble-bundle%21');
  });

  it('strips tracking parameters seen in the wild', async () => {
    const { items } = await ingest('rssparser__heise.atom');
    expect(items.every((i) => !/[?&](?:utm_|wt_mc)/.test(i.url))).toBe(true);
  });

  it('keeps scripts, handlers and iframes of hostile entries out of every field', async () => {
    for (const file of [
      'feedparser__item_description_crazy.xml',
      'feedparser__entry_content_crazy.xml',
      'rsparser__natasha.xml',
      'rsparser__dcrainmaker.xml',
      'nodefeedparser__tpm.atom',
      'rsparser__kc0011.rss',
    ]) {
      const { feed } = await ingest(file);
      // Normalise every entry, with a link supplied when the synthetic ones have none, to see their text.
      const withLinks = { ...feed, entries: feed.entries.map((e) => ({ ...e, link: e.link ?? 'https://x.example/' })) };
      const { items } = normalizeFeed(withLinks, { source: { id: 'real', name: 'Real' }, now: NOW });
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(JSON.stringify(item), file).not.toMatch(/<script|<iframe|onload=|onclick=|onmouseover=|javascript:/i);
    }
  });

  it('reads an XSS test entry as the text a reader would see', async () => {
    const { feed } = await ingest('feedparser__item_description_crazy.xml');
    const { items } = normalizeFeed(
      { ...feed, entries: feed.entries.map((e) => ({ ...e, link: 'https://x.example/' })) },
      { source: { id: 'real', name: 'Real' }, now: NOW },
    );
    expect(items[0]!.title).toBe('Did The Javascript Execute? I will execute here, too, if you mouse over me');
  });
});
