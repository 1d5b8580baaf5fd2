import { describe, expect, it } from 'vitest';
import { excerptParts, hitsOf } from '../../../src/lib/search/hits.ts';

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

describe('hitsOf', () => {
  it('labels an essay, a company and an issue by kind', () => {
    const essay = hitsOf({ url: '/essays/a/', excerpt: 'a', meta: { title: 'A' }, filters: { kind: ['essay'] } });
    expect(essay).toEqual([{ kind: 'essay', kindLabel: 'Essay', title: 'A', url: '/essays/a/', excerpt: [{ text: 'a', mark: false }] }]);
    expect(hitsOf({ url: '/companies/tsmc/', excerpt: '', meta: { title: 'TSMC', kind: 'company' } })[0]!.kindLabel).toBe('Company');
    expect(hitsOf({ url: '/issues/1/', excerpt: '', meta: { title: 'No. 1', date: '2026-11-20' }, filters: { kind: ['issue'] } })[0]).toMatchObject({
      kindLabel: 'Newsletter',
      date: '2026-11-20',
    });
    expect(hitsOf({ url: '/x/', excerpt: '', meta: {} })[0]).toMatchObject({ kind: 'page', title: '/x/' });
  });

  it('turns a wire page into one hit per matching item', () => {
    const hits = hitsOf({
      url: '/news/3/',
      excerpt: 'whole page',
      meta: { title: 'The wire' },
      filters: { kind: ['news'] },
      sub_results: [
        { title: 'The wire', url: '/news/3/', excerpt: 'intro' },
        { title: 'TSMC wins approval', url: '/news/3/#n-0123456789abcdef', excerpt: '<mark>TSMC</mark> wins' },
      ],
    });
    expect(hits).toEqual([
      {
        kind: 'news',
        kindLabel: 'News',
        title: 'TSMC wins approval',
        url: '/news/3/#n-0123456789abcdef',
        excerpt: [
          { text: 'TSMC', mark: true },
          { text: ' wins', mark: false },
        ],
      },
    ]);
  });
});
