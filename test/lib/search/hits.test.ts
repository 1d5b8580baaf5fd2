import { describe, expect, it } from 'vitest';
import { excerptParts, hitOf, safeUrl, withoutLeadingTitle } from '../../../src/lib/search/hits.ts';

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
  it('is applied to stories only', () => {
    const fragment = { url: '/news/#n-1', excerpt: 'Headline <mark>x</mark> summary', meta: { title: 'Headline x', date: '2026-11-03T14:05:00.000Z' } };
    expect(hitOf({ ...fragment, filters: { kind: ['news'] } }).excerpt).toEqual([{ text: 'summary', mark: false }]);
    expect(hitOf({ ...fragment, filters: { kind: ['essay'] } }).excerpt).toHaveLength(3);
  });
});
