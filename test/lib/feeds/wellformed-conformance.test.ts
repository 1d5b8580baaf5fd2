// Documents that are not well-formed XML in ways a lenient reader (Python's feedparser) takes: each
// rejected the whole feed, or lost or merged entries, before repair-xml.ts repaired it. Fixtures in
// test/fixtures/feeds/conformance/wf-*. Each repair must leave a well-formed document as it was, and
// stay linear on hostile input.
import { describe, expect, it } from 'vitest';
import { repairXml } from '../../../src/lib/feeds/repair-xml.ts';
import { ingestFixture } from './fixtures.ts';
import { expectLinear } from '../../helpers/growth.ts';

const ingest = (name: string) => ingestFixture(`conformance/${name}`);
const read = async (name: string) => (await ingest(name)).items.map((i) => [i.title, i.url]);

describe('comments', () => {
  it('keeps a feed whose comments hold "--" (XML forbids it; it was "Malformed comment")', async () => {
    expect(await read('wf-double-dash-comment.rss')).toEqual([
      ['Foundry adds a 2nm line', 'https://chipdesk.example/2nm'],
      ['DRAM prices climb again', 'https://chipdesk.example/dram'],
    ]);
  });

  it('reads no element inside a comment: a "<description>" in one no longer pairs with a later end tag', async () => {
    const { items } = await ingest('wf-comment-with-tags.rss');
    expect(items.map((i) => [i.title, i.summary])).toEqual([
      ['Interconnector back in service', 'Flows resumed overnight.'],
      ['Battery park reaches 1 GWh', 'Second phase done.'],
    ]);
  });
});

describe('attributes', () => {
  it('quotes unquoted attribute values, read as HTML reads them, instead of rejecting the feed', async () => {
    const { feed, items } = await ingest('wf-unquoted-attr.rss');
    expect(items.map((i) => [i.title, i.url])).toEqual([
      ['Subsea cable lands in Lisbon', 'https://backbone.example/cable'],
      ['Exchange upgrades to 400G', 'https://backbone.example/ix'],
    ]);
    expect(feed.entries[0]).toMatchObject({ guid: 'bb-cable-7', guidIsPermalink: false });
    expect(repairXml('<e><enclosure url=https://x.example/a.mp3?a=1&b=2 length=12 type=audio/mpeg /><g p=false>x</g></e>')).toBe(
      '<e><enclosure url="https://x.example/a.mp3?a=1&amp;b=2" length="12" type="audio/mpeg" /><g p="false">x</g></e>',
    );
  });
});

describe('text constructs holding markup', () => {
  it('ends an xhtml summary at its own end tag, past an HTML <summary> inside it', async () => {
    const { items } = await ingest('wf-xhtml-nested-summary.atom');
    expect(items.map((i) => [i.title, i.summary])).toEqual([
      ['Why wafers are round', 'The short answer Crystals grow as cylinders.'],
      ['Cleanroom classes explained', ''],
    ]);
  });

  it('reads no element inside CDATA: an HTML <summary> cut off in one loses no entry', async () => {
    const { items } = await ingest('wf-cdata-html-summary.rss');
    expect(items.map((i) => [i.title, i.summary])).toEqual([
      ['Heat pumps outsell boilers', 'Sales data Read the numbers'],
      ['Tidal project approved', 'Plain text.'],
      ['Solar curtailment rises', 'Spring peaks.'],
    ]);
  });
});

describe('entities declared in the document', () => {
  const doc = (dtd: string, body: string) => `<?xml version="1.0"?>\n<!DOCTYPE rss [\n${dtd}\n]>\n<rss>${body}</rss>`;

  it('expands internal general entities, nested ones too, and never an external one', () => {
    const entities = '<!ENTITY org "Grid Forum"><!ENTITY full \'the &org; &amp; "partners"\'><!ENTITY ext SYSTEM "https://x.example/e.ent">';
    expect(repairXml(doc(entities, '<t a="&full;">&full; &ext; &nbsp;</t>'))).toBe(
      '<rss><t a="the Grid Forum &amp; &quot;partners&quot;">the Grid Forum &amp; &quot;partners&quot; &amp;ext; &#160;</t></rss>',
    );
  });

  it('does not expand an entity holding markup, a cycle, or one nested or grown past the limits', () => {
    const laughs = ['<!ENTITY l0 "ha">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join('');
    // &l9; would be 10^9 "ha": that it stays unexpanded in the output is the proof it was never built.
    const out = repairXml(doc(`${laughs}<!ENTITY m "<b>x</b>"><!ENTITY a "&b;"><!ENTITY b "&a;">`, '<t>&l2;|&l9;|&m;|&a;</t>'));
    expect(out).toBe(`<rss><t>${'ha'.repeat(100)}|&amp;l9;|&amp;m;|&amp;a;</t></rss>`);
    // However many times an entity is used, the document grows by at most a million characters.
    const big = `<!ENTITY k "${'x'.repeat(10_000)}">`;
    expect(repairXml(doc(big, '<t>&k;</t>'.repeat(200))).length).toBeLessThan(1_100_000);
  });

  it('reads a feed that uses them, its titles expanded and an external entity left as written', async () => {
    const { items } = await ingest('wf-internal-entities.rss');
    expect(items.map((i) => [i.title, i.summary])).toEqual([
      ['A statement from the Grid Operators Forum & partners', ''],
      ['Winter outlook… tight', 'Undeclared &ext; stays as written'],
    ]);
  });
});

describe('elements left open', () => {
  it('closes a title left unclosed before the next field, keeping that item and the next', async () => {
    const { feed, items } = await ingest('wf-unclosed-title.rss');
    expect(items.map((i) => [i.title, i.url])).toEqual([
      ['EUV tool shipments up', 'https://litho.example/euv'],
      ['High-NA pilot begins', 'https://litho.example/high-na'],
      ['Mask shop expands', 'https://litho.example/masks'],
    ]);
    expect(feed.entries[1]?.guid).toBe('litho-2');
  });

  it('closes unclosed fields inside out, and leaves unclosed HTML in a description to the escaping', () => {
    expect(repairXml('<item><title>A<link>u<guid>g</item>')).toBe('<item><title>A</title><link>u</link><guid>g</guid></item>');
    expect(repairXml('<item><pubDate>Mon</item>')).toBe('<item><pubDate>Mon</pubDate></item>');
    expect(repairXml('<item><description>a<br>b</description></item>')).toBe('<item><description type="html">a&lt;br&gt;b</description></item>');
  });

  it("ends a CDATA section never terminated before its element's end tag", async () => {
    const { items } = await ingest('wf-unterminated-cdata.rss');
    expect(items.map((i) => [i.title, i.summary])).toEqual([
      ['Core router refresh', 'Done.'],
      ['Edge firmware recalled', 'Patch pending'],
      ['Peering dispute settled', ''],
    ]);
  });
});

describe('well-formed documents', () => {
  it('are left as they are by the repairs', () => {
    const docs = [
      '<rss><channel><!-- a - b --><item><title>T</title><description><![CDATA[<summary>x]]></description><guid isPermaLink="false">g</guid></item></channel></rss>',
      '<feed><entry><summary type="text">a &lt;b&gt; c</summary><content><![CDATA[a --> ]] b]]></content><link href="h?a=1&amp;b=2"/></entry></feed>',
      "<rss><channel><item><title a='x=y'>T</title><x:y>z</x:y></item></channel></rss>",
    ];
    for (const doc of docs) expect(repairXml(doc)).toBe(doc);
  });
});

describe('repairXml on hostile input', () => {
  // Each is about 1 MB at its full count; a quadratic repair takes seconds to minutes on them. Each is
  // also repaired at a sixteenth of its count, and the times must grow like the input
  // (test/helpers/growth.ts), which a loaded machine cannot fake.
  const inputs: [string, (n: number) => string, number][] = [
    ['unclosed titles', (n) => `<rss><channel>${'<title>a<b>'.repeat(n)}</channel></rss>`, 90_000],
    ['stray end tags in a construct', (n) => `<rss><item><title><b>${'</i>'.repeat(n)}</title></item></rss>`, 200_000],
    ['deep nesting and unclosed fields', (n) => `<rss>${'<item><link>'.repeat(n)}</rss>`, 80_000],
    ['unquoted attributes', (n) => `<rss>${'<a b=c d=e '.repeat(n)}</rss>`, 80_000],
    ['one unfinished tag', (n) => `<rss><a${' b=c'.repeat(n)}`, 250_000],
    ['dashes in comments', (n) => `<rss><!--${'-'.repeat(n)}--></rss>`, 1_000_000],
    ['unterminated CDATA', (n) => `<rss>${'<d><![CDATA[x'.repeat(n)}</rss>`, 80_000],
    ['unterminated CDATA with end tags', (n) => `<rss>${'<d><![CDATA[x</d>'.repeat(n)}</rss>`, 60_000],
    ['unclosed quotes', (n) => `<rss>${'<a b="'.repeat(n)}</rss>`, 150_000],
  ];
  it.each(inputs)('repairs %s in linear time', (_, input, count) => {
    expectLinear((n) => repairXml(input(n)), count);
  });
});
