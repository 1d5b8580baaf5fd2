import { describe, expect, it } from 'vitest';
import { syntheticItems, toShards } from '../../scripts/bench/synthetic-store.ts';
import { NewsShardSchema } from '../../src/lib/schema/news.ts';

const companies = [
  { id: 'tsmc', name: 'Taiwan Semiconductor Manufacturing Co.', aliases: ['TSMC'], topics: ['chips'] },
  { id: 'vistra', name: 'Vistra Corp.', aliases: [], topics: ['energy'] },
];

describe('the synthetic store', () => {
  it('is valid, deterministic and sharded by month, newest first within a shard', () => {
    const make = () => toShards(syntheticItems({ count: 120, companies, newest: new Date('2026-12-01T03:00:00Z'), spacingMinutes: 60 }));
    const shards = make();
    expect(shards).toEqual(make());
    expect(shards.map((s) => s.month)).toEqual(['2026-11', '2026-12']);
    for (const shard of shards) {
      expect(NewsShardSchema.safeParse(shard).success).toBe(true);
      expect(shard.items.every((i) => i.published.startsWith(shard.month))).toBe(true);
    }
    expect(shards[1]!.items[0]!.title).toBe('TSMC expands capacity as AI orders climb (0)');
  });
});
