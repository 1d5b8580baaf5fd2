import { describe, expect, it } from 'vitest';
import { newsEntry } from '../../../src/lib/syndication/news-entry.ts';
import { rssFeed } from '../../../src/lib/syndication/rss.ts';
import type { NewsItem } from '../../../src/lib/schema/news.ts';

const item: NewsItem = {
  id: '0123456789abcdef',
  url: 'https://example.com/tsmc-capex',
  title: 'TSMC raises capex <script>alert(1)</script>',
  summary: 'Plain text & nothing else.',
  source: 'wafer-wire',
  sourceName: 'Wafer Wire',
  published: '2026-11-19T06:10:00.000Z',
  firstSeen: '2026-11-19T07:00:00.000Z',
  topics: ['chips'],
  companies: ['tsmc'],
  clusterId: '0123456789abcdef',
  clusterSize: 3,
};
const labels = { topics: new Map([['chips', 'Chips']]), companies: new Map([['tsmc', 'TSMC']]) };

describe('newsEntry', () => {
  it('links to the original article and names the source and the other coverage', () => {
    const entry = newsEntry(item, 'https://substation.example/', labels);
    expect(entry).toMatchObject({ id: item.url, url: item.url, authors: [{ name: 'Wafer Wire' }] });
    expect(entry.summary).toBe('Plain text & nothing else. (Wafer Wire) Also covered by 2 other sources.');
    expect(entry.categories.map((c) => `${c.label} ${c.scheme}`)).toEqual([
      'Chips https://substation.example/topics/',
      'TSMC https://substation.example/companies/',
    ]);
    expect(entry.contentHtml).toBeUndefined();
  });

  it('is written as escaped text in RSS, never as markup', () => {
    const xml = rssFeed({ title: 'w', description: 'd', homeUrl: 'https://substation.example/news/', links: {}, language: 'en' }, [
      newsEntry(item, 'https://substation.example/', labels),
    ]);
    expect(xml).toContain('TSMC raises capex &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('<link>https://example.com/tsmc-capex</link>');
    expect(xml).not.toContain('content:encoded>');
  });
});
