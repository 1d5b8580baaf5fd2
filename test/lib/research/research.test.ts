// Research conventions in the content check and in print: disclosures required once an essay names a
// company and validated against its authors and companies (no shape silently dropped), corrections
// dated after publication, essays named in the text as links; and how they read on a page or in a feed.
import { describe, expect, it } from 'vitest';
import { checkContent, italicEssayTitles } from '../../../src/lib/content/validate.ts';
import { beforeFootnotes, disclosureStatements, disclosuresHtml, withResearchNotes } from '../../../src/lib/research/disclosures.ts';
import { allCorrections, correctionsHtml, lastRevised, newestFirst } from '../../../src/lib/research/corrections.ts';
import { author, essay, files } from '../content/fixtures.ts';

const problemsFor = (fields: Record<string, string | undefined>) => checkContent(files([essay('the-foundry.mdx', fields)])).problems;
const withPriya = (fields: Record<string, string | undefined>) =>
  checkContent({
    ...files([essay('the-foundry.mdx', { authors: '[mara-okafor, priya-raman]', ...fields })]),
    authors: [author, { file: 'content/authors/priya-raman.yaml', text: author.text.replace('Mara Okafor', 'Priya Raman') }],
  }).problems;

describe('disclosures in the content check', () => {
  it('fails an essay that names companies without disclosures, at its companies line, with the fix', () => {
    expect(problemsFor({ disclosures: undefined })).toMatchInlineSnapshot(`
      [
        "content/essays/the-foundry.mdx:7: disclosures: required because the essay names companies (tsmc, nvidia): add \`disclosures: { mara-okafor: none }\`, or list an author's positions, e.g. \`mara-okafor: [{ company: tsmc, position: long }]\`",
      ]
    `);
    expect(problemsFor({ disclosures: undefined, companies: '[]' })).toEqual([]);
  });

  it('accepts "none" or a list of positions per author', () => {
    expect(
      problemsFor({ disclosures: '{ mara-okafor: [{ company: nvidia, position: long }, { company: tsmc, position: short, note: "through options" }] }' }),
    ).toEqual([]);
  });

  it('refuses every shape it does not know, saying where and what is expected', () => {
    expect(problemsFor({ disclosures: 'none' })).toEqual([
      'content/essays/the-foundry.mdx:11: disclosures: expected one entry per author, such as `mara-okafor: none`, received "none"',
    ]);
    expect(problemsFor({ disclosures: '{ mara-okafor: "long NVDA" }' })).toEqual([
      'content/essays/the-foundry.mdx:11: disclosures.mara-okafor: expected "none" or a list of positions such as [{ company: nvidia, position: long }], received "long NVDA"',
    ]);
    expect(problemsFor({ disclosures: '{ mara-okafor: None }' })).toEqual([
      'content/essays/the-foundry.mdx:11: disclosures.mara-okafor: write "none" in lower case',
    ]);
    expect(problemsFor({ disclosures: '{ mara-okafor: [] }' })).toEqual([
      'content/essays/the-foundry.mdx:11: disclosures.mara-okafor: an empty list discloses nothing: write "none", or list positions such as [{ company: nvidia, position: long }]',
    ]);
    expect(problemsFor({ disclosures: '{ mara-okafor: [{ company: tsmc, position: holds, size: 100 }] }' })).toEqual([
      'content/essays/the-foundry.mdx:11: disclosures.mara-okafor[0].position: expected "long" or "short", received "holds"',
      'content/essays/the-foundry.mdx:11: disclosures.mara-okafor[0].size: unknown field "size" in a position: allowed fields are company, position, note',
    ]);
    expect(problemsFor({ disclosures: '{ mara-okafor: [nvidia] }' })).toEqual([
      'content/essays/the-foundry.mdx:11: disclosures.mara-okafor[0]: expected a position such as { company: nvidia, position: long }, received "nvidia"',
    ]);
  });

  it('checks disclosures against the authors and the companies the essay names', () => {
    expect(problemsFor({ disclosures: '{ mara-okafor: [{ company: tsmcc, position: long }] }' })[0]).toMatch(
      /^content\/essays\/the-foundry\.mdx:11: disclosures\.mara-okafor\[0\]\.company: unknown company "tsmcc"; did you mean "tsmc"\?/,
    );
    expect(problemsFor({ companies: '[tsmc]', disclosures: '{ mara-okafor: [{ company: nvidia, position: long }] }' })).toEqual([
      'content/essays/the-foundry.mdx:11: disclosures.mara-okafor[0].company: "nvidia" is not among the companies the essay names (tsmc): add it to `companies` or remove the position',
    ]);
    expect(withPriya({ disclosures: '{ mara-okafor: none, priya-ramen: none }' })).toEqual([
      'content/essays/the-foundry.mdx:11: disclosures: no disclosure for priya-raman, an author of the essay: add `priya-raman: none` or their positions',
      'content/essays/the-foundry.mdx:11: disclosures.priya-ramen: "priya-ramen" is not an author of this essay; did you mean "priya-raman"? Authors: mara-okafor, priya-raman',
    ]);
  });
});

describe('corrections in the content check', () => {
  it('takes a list of { date, text } dated on or after publication', () => {
    expect(problemsFor({ corrections: '[{ date: 2026-03-01, text: "An earlier version gave the wrong year." }]' })).toEqual([]);
    expect(problemsFor({ corrections: '[{ date: 2026-01-01, text: "Too early." }, { when: 2026-03-01 }]' })).toEqual([
      'content/essays/the-foundry.mdx:12: corrections[1].date: required: add `date: 2026-03-14` (a date as YYYY-MM-DD)',
      'content/essays/the-foundry.mdx:12: corrections[1].text: required: add `text: "..."` to the frontmatter',
      'content/essays/the-foundry.mdx:12: corrections[1].when: unknown field "when" in a correction: allowed fields are date, text',
    ]);
    expect(problemsFor({ corrections: '[{ date: 2026-01-01, text: "Too early." }]' })).toEqual([
      'content/essays/the-foundry.mdx:12: corrections[0].date: a correction cannot predate the essay (2026-02-10): give the day the correction was made',
    ]);
    expect(problemsFor({ corrections: '"fixed a typo"' })).toEqual([
      'content/essays/the-foundry.mdx:12: corrections: expected a list such as [{ date: 2026-03-14, text: "..." }], received "fixed a typo"',
    ]);
  });
});

describe('essays named in the text', () => {
  const titles = new Map([['The Package Is the Product', 'the-package-is-the-product']]);
  it('are links: an italic title of an essay of ours is reported with the link to write', () => {
    const source = {
      file: 'content/essays/a.mdx',
      text: "---\ntitle: A\n---\n\nSee *The Package Is the Product* and _The Package Is the Product_.\nRAND's *Securing AI Model Weights* is not ours.\n",
    };
    expect(italicEssayTitles([source], titles)).toEqual([
      'content/essays/a.mdx:5: *The Package Is the Product* names an essay in italics: link it instead, as [The Package Is the Product](/essays/the-package-is-the-product/)',
      'content/essays/a.mdx:5: _The Package Is the Product_ names an essay in italics: link it instead, as [The Package Is the Product](/essays/the-package-is-the-product/)',
    ]);
    expect(
      italicEssayTitles(
        [{ ...source, text: 'See [The Package Is the Product](/essays/the-package-is-the-product/) and **The Package Is the Product**.' }],
        titles,
      ),
    ).toEqual([]);
  });
});

describe('disclosures in print', () => {
  const names = {
    author: (id: string) => ({ a: 'Mara Okafor', b: 'Theo Lindqvist', c: 'Priya Raman' })[id] ?? id,
    company: (id: string) => ({ tsmc: 'Taiwan Semiconductor Manufacturing Co.', nvda: 'Nvidia' })[id] ?? id,
  };

  it('says one sentence per author, and one for all who hold nothing', () => {
    expect(
      disclosureStatements(
        ['a', 'b', 'c'],
        {
          a: [
            { company: 'tsmc', position: 'long' },
            { company: 'nvda', position: 'short', note: 'through options' },
          ],
          b: 'none',
          c: 'none',
        },
        names,
      ),
    ).toEqual([
      'Mara Okafor holds a long position in Taiwan Semiconductor Manufacturing Co. and a short position in Nvidia (through options).',
      'Theo Lindqvist and Priya Raman hold no positions in the companies named.',
    ]);
    expect(disclosureStatements(['a'], { a: [{ company: 'tsmc', position: 'long' }] }, names)).toEqual([
      'Mara Okafor holds a long position in Taiwan Semiconductor Manufacturing Co.',
    ]);
    expect(disclosureStatements(['a'], undefined, names)).toEqual([]);
  });

  it('goes just before the footnotes, or at the end without them', () => {
    const html = '<p>Body.</p><section data-footnotes="true" class="footnotes"><h2>Footnotes</h2></section>';
    expect(beforeFootnotes(html, '<aside/>')).toBe('<p>Body.</p><aside/><section data-footnotes="true" class="footnotes"><h2>Footnotes</h2></section>');
    expect(beforeFootnotes('<p>Body.</p>', '<aside/>')).toBe('<p>Body.</p><aside/>');
    expect(disclosuresHtml(['A & B hold <none>.'], 'Not advice.')).toBe(
      '<section class="disclosures"><h2>Disclosures</h2><p>A &amp; B hold &lt;none&gt;.</p><p><small>Not advice.</small></p></section>',
    );
  });
});

describe('corrections in print', () => {
  const corrections = [
    { date: new Date('2026-04-01'), text: 'First.' },
    { date: new Date('2026-05-12'), text: 'Second & last.' },
  ];

  it('revise the updated date, newest first', () => {
    expect(lastRevised({ updated: new Date('2026-04-20'), corrections })).toEqual(new Date('2026-05-12'));
    expect(lastRevised({ updated: new Date('2026-06-01'), corrections })).toEqual(new Date('2026-06-01'));
    expect(lastRevised({ corrections: [] })).toBeUndefined();
    expect(newestFirst(corrections).map((c) => c.text)).toEqual(['Second & last.', 'First.']);
  });

  it('head a feed entry and list together across essays', () => {
    const html = correctionsHtml(corrections, (d) => d.toISOString().slice(0, 10));
    expect(html).toBe(
      '<section class="corrections"><p><strong>Corrected on 2026-05-12:</strong> Second &amp; last.</p><p><strong>Corrected on 2026-04-01:</strong> First.</p></section>',
    );
    expect(withResearchNotes('<p>Body.</p>', { statements: ['None.'], disclaimer: 'Not advice.', correctionsHtml: html })).toBe(
      `${html}<p>Body.</p><section class="disclosures"><h2>Disclosures</h2><p>None.</p><p><small>Not advice.</small></p></section>`,
    );
    const listed = allCorrections([
      { id: 'b', data: { title: 'B', corrections: [corrections[0]!] } },
      { id: 'a', data: { title: 'A', corrections } },
    ]);
    expect(listed.map((c) => [c.slug, c.text])).toEqual([
      ['a', 'Second & last.'],
      ['a', 'First.'],
      ['b', 'First.'],
    ]);
  });
});
