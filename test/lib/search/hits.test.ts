import { describe, expect, it } from 'vitest';
import { excerptParts, hitOf, safeUrl, withEllipses, withoutLeadingTitle } from '../../../src/lib/search/hits.ts';

describe('excerptParts', () => {
  it('splits an excerpt into text runs and matched runs', () => {
    expect(excerptParts('who makes <mark>TSMC</mark> chips')).toEqual([
      { text: 'who makes ', mark: false },
      { text: 'TSMC', mark: true },
      { text: ' chips', mark: false },
    ]);
  });
  it('decodes entities to text and drops any other markup, so nothing becomes HTML', () => {
    expect(excerptParts('&lt;script&gt;x &amp; <mark>y</mark><img src=x>')).toEqual([
      { text: '<script>x & ', mark: false },
      { text: 'y', mark: true },
    ]);
  });
});

describe('hitOf', () => {
  it('gives an essay its kind, day and authors', () => {
    const hit = hitOf({
      url: '/essays/a/',
      excerpt: 'a',
      meta: { title: 'A', date: '2026-03-14', authors: 'Mara Okafor and Theo Lindqvist' },
      filters: { kind: ['essay'], topic: ['chips'] },
    });
    expect(hit).toEqual({
      kind: 'essay',
      kindLabel: 'Essay',
      title: 'A',
      url: '/essays/a/',
      excerpt: [{ text: 'a', mark: false }],
      date: { datetime: '2026-03-14', text: '14 March 2026' },
      authors: 'Mara Okafor and Theo Lindqvist',
    });
  });

  it('labels an issue and a company, and a page of no known kind', () => {
    expect(
      hitOf({ url: '/issues/1/', excerpt: '', meta: { title: 'No. 1', date: '2026-11-16', authors: 'Priya Raman' }, filters: { kind: ['issue'] } }),
    ).toMatchObject({
      kindLabel: 'Newsletter',
      date: { text: '16 November 2026' },
      authors: 'Priya Raman',
    });
    const company = hitOf({ url: '/companies/tsmc/', excerpt: '', meta: { title: 'TSMC', kind: 'company', authors: 'nobody' } });
    expect(company.kindLabel).toBe('Company');
    expect(company).not.toHaveProperty('authors');
    expect(hitOf({ url: '/x/', excerpt: '', meta: {} })).toMatchObject({ kind: 'page', title: '/x/' });
  });

  it('gives a story its UTC day and time and its source: 00:30 UTC on 1 December is 1 December', () => {
    const hit = hitOf({
      url: '/news/2/#n-0123456789abcdef',
      excerpt: '<mark>HBM</mark> supply',
      meta: { title: 'HBM supply tightens', kind: 'news', date: '2026-12-01T00:30:00.000Z', source: 'Wafer Wire' },
      filters: { kind: ['news'], company: ['sk-hynix'] },
    });
    expect(hit).toMatchObject({
      kind: 'news',
      kindLabel: 'News',
      url: '/news/2/#n-0123456789abcdef',
      date: { datetime: '2026-12-01T00:30:00.000Z', text: '1 December 2026, 00:30 UTC' },
      source: 'Wafer Wire',
    });
    expect(hit).not.toHaveProperty('authors');
  });

  it('leaves out a date it cannot read rather than printing it', () => {
    expect(hitOf({ url: '/essays/a/', excerpt: '', meta: { title: 'A', date: 'soon' }, filters: { kind: ['essay'] } })).not.toHaveProperty('date');
  });
});

describe('safeUrl', () => {
  it('keeps site paths and http(s) links, and nothing else', () => {
    expect(safeUrl('/news/#n-1')).toBe('/news/#n-1');
    expect(safeUrl('https://example.com/')).toBe('https://example.com/');
    expect(safeUrl('javascript:alert(1)')).toBe('#');
    expect(safeUrl('//evil.example/')).toBe('#');
  });
});

describe('withoutLeadingTitle', () => {
  const parts = excerptParts('SK hynix begins sampling <mark>HBM4E</mark> to GPU makers Twelve-high <mark>HBM4E</mark> stacks');
  it('drops the headline a story excerpt starts with, keeping the summary and its marks', () => {
    expect(withoutLeadingTitle(parts, 'SK hynix begins sampling HBM4E to GPU makers')).toEqual([
      { text: 'Twelve-high ', mark: false },
      { text: 'HBM4E', mark: true },
      { text: ' stacks', mark: false },
    ]);
  });
  it('leaves an excerpt that does not start with the headline as it is, and empties one that is only the headline', () => {
    expect(withoutLeadingTitle(parts, 'Another headline')).toEqual(parts);
    expect(withoutLeadingTitle(excerptParts('Only <mark>HBM</mark>'), 'Only HBM')).toEqual([]);
  });
  it("is applied to every kind: a page's text starts with its <h1> as a story's with its headline", () => {
    const fragment = { url: '/news/#n-1', excerpt: 'Headline <mark>x</mark> summary', meta: { title: 'Headline x', date: '2026-11-03T14:05:00.000Z' } };
    expect(hitOf({ ...fragment, filters: { kind: ['news'] } }).excerpt).toEqual([{ text: 'summary', mark: false }]);
    expect(hitOf({ ...fragment, filters: { kind: ['essay'] } }).excerpt).toEqual([{ text: 'summary', mark: false }]);
    expect(hitOf({ ...fragment, meta: { title: 'Another title' }, filters: { kind: ['essay'] } }).excerpt).toHaveLength(3);
  });
});

describe('withEllipses', () => {
  const content = 'The chip pairs two compute dies made on N2 with twelve HBM4 stacks; AMD says rack-scale systems arrive in the second half.';
  const text = (parts: Array<{ text: string }>) => parts.map((p) => p.text).join('');

  it('marks where Pagefind cut the text, at the start, the end or both', () => {
    expect(text(withEllipses(excerptParts('The chip pairs two compute dies made on N2 with twelve <mark>HBM4</mark> stacks;'), content))).toBe(
      'The chip pairs two compute dies made on N2 with twelve HBM4 stacks; …',
    );
    expect(text(withEllipses(excerptParts('twelve <mark>HBM4</mark> stacks; AMD says rack-scale systems arrive in the second half.'), content))).toBe(
      '… twelve HBM4 stacks; AMD says rack-scale systems arrive in the second half.',
    );
    expect(text(withEllipses(excerptParts('two compute dies made on N2 with twelve <mark>HBM4</mark>'), content))).toBe(
      '… two compute dies made on N2 with twelve HBM4 …',
    );
  });

  it('adds nothing to the whole text, or when the text is unknown or does not match', () => {
    expect(text(withEllipses(excerptParts(content), content))).toBe(content);
    expect(text(withEllipses(excerptParts('twelve <mark>HBM4</mark>'), undefined))).toBe('twelve HBM4');
    expect(text(withEllipses(excerptParts('something else'), content))).toBe('something else');
  });

  it("keeps the matched words marked, and drops a page's leading title in the hit", () => {
    const hit = hitOf({
      url: '/companies/tsmc/',
      excerpt: 'Taiwan Semiconductor Manufacturing Co. The world&#39;s largest contract <mark>chipmaker</mark>, making',
      content: "Taiwan Semiconductor Manufacturing Co. The world's largest contract chipmaker, making chips designed by others.",
      meta: { title: 'Taiwan Semiconductor Manufacturing Co.' },
      filters: { kind: ['company'] },
    });
    expect(hit.excerpt).toEqual([
      { text: "The world's largest contract ", mark: false },
      { text: 'chipmaker', mark: true },
      { text: ', making', mark: false },
      { text: ' …', mark: false },
    ]);
  });
});
