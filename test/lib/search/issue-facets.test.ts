import { describe, expect, it } from 'vitest';
import { issueFacets, linkedUrls } from '../../../src/lib/search/issue-facets.ts';

describe('issueFacets', () => {
  const stories = new Map([
    ['https://waferwire.example/news/sk-hynix-hbm4e-samples', { topics: ['chips'], companies: ['sk-hynix', 'nvidia'] }],
    ['https://gridgigawatt.example/news/meta-ohio-nuclear', { topics: ['energy', 'datacenters'], companies: ['meta'] }],
  ]);

  it('collects the topics and companies of the stories an issue runs, sorted, each once', () => {
    const body = [
      '## Chips',
      '<Story title={"SK hynix begins sampling HBM4E"} url={"https://waferwire.example/news/sk-hynix-hbm4e-samples"} source={"Wafer Wire"} date="2026-11-17">',
      '  As in [The Package Is the Product](/essays/the-package-is-the-product/).',
      '</Story>',
      'See also https://gridgigawatt.example/news/meta-ohio-nuclear.',
      '[elsewhere](https://example.com/unknown)',
    ].join('\n');
    expect(issueFacets(body, stories)).toEqual({ topics: ['chips', 'datacenters', 'energy'], companies: ['meta', 'nvidia', 'sk-hynix'] });
  });

  it('is empty for an issue that links nothing in the store', () => {
    expect(issueFacets('Welcome to the first issue, with [an essay](/essays/x/).', stories)).toEqual({ topics: [], companies: [] });
  });

  it('reads links out of props, Markdown and text, without their closing punctuation', () => {
    expect(linkedUrls('url={"https://a.example/x"} [b](https://b.example/y) see https://c.example/z.')).toEqual([
      'https://a.example/x',
      'https://b.example/y',
      'https://c.example/z',
    ]);
  });
});
