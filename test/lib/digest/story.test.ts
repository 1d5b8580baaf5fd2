import { describe, expect, it } from 'vitest';
import { httpUrl, storyMeta } from '../../../src/lib/digest/story.ts';

describe('story props', () => {
  it('links only absolute http(s) URLs', () => {
    expect(httpUrl('https://waferwire.example/news/a b')).toBe('https://waferwire.example/news/a%20b');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/essays/x/', 'https://', 42, undefined]) expect(httpUrl(bad)).toBeUndefined();
  });

  it('names the source, the day and the others who covered the story', () => {
    expect(
      storyMeta({ title: 't', url: 'https://a.example/', source: 'Wafer Wire', date: '2026-11-19', also: ['Rack Report', 'Infra Daily', 'Photon Post'] }),
    ).toBe('Wafer Wire, 19 Nov; also Rack Report, Infra Daily and Photon Post');
    expect(storyMeta({ title: 't', url: 'https://a.example/', source: 'Wafer Wire', date: 'soon' })).toBe('Wafer Wire');
  });
});
