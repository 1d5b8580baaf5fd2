import { describe, expect, it } from 'vitest';
import { NewsItemSchema } from '../../../src/lib/schema/news.ts';
import { normalizeFeed } from '../../../src/lib/feeds/normalize.ts';
import { ingestFixture, NOW } from './fixtures.ts';

const forSchema = (item: object) => ({ ...item, topics: [], companies: [], clusterId: (item as { id: string }).id, clusterSize: 1 });

describe('normalizeFeed', () => {
  it('resolves links through the xml:base chain and dates to ISO UTC', async () => {
    const { items } = await ingestFixture('base.atom');
    expect(items[0]).toMatchObject({
      url: 'https://atom.example/blog/2026/11/cpo.html',
      title: 'Silicon photonics & co-packaged optics',
      summary: 'Optics move into the package.',
      author: 'Ada Byte',
      published: '2026-11-05T13:30:00.000Z',
      firstSeen: NOW.toISOString(),
    });
    expect(items[1]).toMatchObject({ url: 'https://atom.example/blog/posts/only-updated', published: '2026-11-04T07:00:00.000Z', summary: 'XHTML content.' });
    // No usable date: first seen.
    expect(items[2]!.published).toBe(NOW.toISOString());
  });

  it('collapses whitespace and falls back to first seen for undated RDF items', async () => {
    const { items } = await ingestFixture('dates.rdf');
    expect(items.map((i) => [i.title, i.published])).toEqual([
      ['Grid operator warns of tight winter', '2026-11-06T04:00:00.000Z'],
      ['No date at all', NOW.toISOString()],
    ]);
  });

  it('derives a stable id from the canonical URL', async () => {
    const a = await ingestFixture('dates.rdf');
    const b = await ingestFixture('dates.rdf', { now: new Date('2026-11-25T00:00:00Z') });
    expect(a.items.map((i) => i.id)).toEqual(b.items.map((i) => i.id));
    expect(a.items[0]!.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reads a date without a zone as UTC', async () => {
    const { items } = await ingestFixture('broken.rss');
    expect(items[0]!.published).toBe('2026-11-07T10:00:00.000Z');
  });

  it('keeps the first of two entries with the same guid', async () => {
    const feed = {
      format: 'rss' as const,
      entries: [
        { title: 'A', link: 'https://x.example/a?session=1', guid: 'g1' },
        { title: 'A again', link: 'https://x.example/a?session=2', guid: 'g1' },
      ],
    };
    expect(normalizeFeed(feed, { source: { id: 's', name: 'S' }, now: NOW })).toMatchObject({ items: [{ title: 'A' }], skipped: { 'duplicate guid': 1 } });
  });

  it('keeps a later copy of a guid when the first copy was skipped (no link)', async () => {
    const feed = {
      format: 'rss' as const,
      entries: [
        { title: 'B', guid: 'k' },
        { title: 'B with its link', link: 'https://x.example/b', guid: 'k' },
      ],
    };
    expect(normalizeFeed(feed, { source: { id: 's', name: 'S' }, now: NOW })).toMatchObject({
      items: [{ title: 'B with its link', url: 'https://x.example/b' }],
      skipped: { 'no http(s) link': 1 },
    });
  });

  describe('hostile entries', () => {
    it('drops entries whose only links are javascript: or data:', async () => {
      const { items, skipped } = await ingestFixture('hostile.rss');
      expect(skipped).toEqual({ 'no http(s) link': 1 });
      expect(items.map((i) => i.url)).toEqual([
        'https://hostile.example/news/nvidia-gpus?id=7',
        // The data: link is dropped; the guid, a permalink, stands in.
        'https://hostile.example/news/double-escaped',
        'https://hostile.example/news/relative-hbm',
        'https://hostile.example/news/future',
      ]);
    });

    it('stores no markup, no script and no event handler', async () => {
      const { items } = await ingestFixture('hostile.rss');
      expect(items[0]).toMatchObject({ title: 'Nvidia ships GPUs', author: 'Eve', summary: 'Overlay Read more about the GPU shipment.' });
      expect(items[1]).toMatchObject({ title: 'Double-escaped in a data center headline', summary: 'Summary after an SVG.' });
      for (const item of items) {
        const text = JSON.stringify(item);
        expect(text).not.toMatch(/<|>|javascript:|vbscript:|data:text|onerror|onload|onclick|steal\(|alert\(/i);
        expect(NewsItemSchema.safeParse(forSchema(item)).success).toBe(true);
      }
    });

    it('clamps a date in the future to now', async () => {
      const { items } = await ingestFixture('hostile.rss');
      expect(items[3]!.published).toBe(NOW.toISOString());
    });
  });
});
