import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTemps, writeFileIfChanged } from '../../../src/lib/news/atomic-fs.ts';
import { newsStoreProblems, readIngestState, readNewsStore, writeIngestState, writeNewsStore } from '../../../src/lib/news/store-fs.ts';
import { serializeShard, shardByMonth } from '../../../src/lib/news/store.ts';
import { item } from './items.ts';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'substation-store-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const items = [
  item({ title: 'B', published: '2026-11-02T00:00:00.000Z', author: 'Ann' }),
  item({ title: 'A', published: '2026-11-05T00:00:00.000Z' }),
  item({ title: 'C', published: '2026-10-30T00:00:00.000Z' }),
];

describe('store format', () => {
  it('shards by month, newest first, keys in schema order', () => {
    const shards = shardByMonth(items);
    expect([...shards.keys()]).toEqual(['2026-10', '2026-11']);
    expect(shards.get('2026-11')!.map((i) => i.title)).toEqual(['A', 'B']);
    const text = serializeShard('2026-11', shards.get('2026-11')!);
    expect(Object.keys(JSON.parse(text).items[1])).toEqual([
      'id',
      'url',
      'title',
      'summary',
      'source',
      'sourceName',
      'author',
      'published',
      'firstSeen',
      'topics',
      'companies',
      'clusterId',
      'clusterSize',
    ]);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('store on disk', () => {
  it('round-trips through readNewsStore, sorted and validated', () => {
    writeNewsStore(dir, items);
    expect(readdirSync(dir).sort()).toEqual(['2026-10.json', '2026-11.json']);
    expect(readNewsStore(dir).map((i) => i.title)).toEqual(['A', 'B', 'C']);
  });

  it('rewrites nothing when nothing changed', () => {
    writeNewsStore(dir, items);
    const before = readFileSync(path.join(dir, '2026-11.json'));
    expect(writeNewsStore(dir, [...items].reverse())).toEqual({ written: [], removed: [] });
    expect(readFileSync(path.join(dir, '2026-11.json')).equals(before)).toBe(true);
  });

  it('removes a month that has no items left', () => {
    writeNewsStore(dir, items);
    expect(writeNewsStore(dir, items.slice(0, 2)).removed).toEqual([path.join(dir, '2026-10.json')]);
  });

  it('reads an absent store as empty', () => {
    expect(readNewsStore(path.join(dir, 'missing'))).toEqual([]);
  });

  it('names the file and the field of an invalid item', () => {
    writeFileSync(path.join(dir, '2026-11.json'), JSON.stringify({ month: '2026-11', items: [{ ...items[0], url: 'javascript:alert(1)' }] }));
    expect(() => readNewsStore(dir)).toThrow(`${path.join(dir, '2026-11.json')}: items[0].url: expected an absolute http(s) URL`);
  });

  it('lists every bad shard for the content check, each line naming the file, the field and the fix', () => {
    const store = path.join(dir, 'content/news');
    writeNewsStore(store, items);
    writeFileSync(path.join(store, '2026-09.json'), '{"month": "2026-09", "items": [');
    const october = JSON.parse(readFileSync(path.join(store, '2026-10.json'), 'utf8'));
    october.items[0].url = 'javascript:alert(1)';
    writeFileSync(path.join(store, '2026-10.json'), JSON.stringify(october));
    const { problems, items: read } = newsStoreProblems(dir);
    expect(read).toBe(2);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^content\/news\/2026-09\.json: invalid JSON: .*git checkout -- content\/news\/2026-09\.json/);
    expect(problems[1]).toBe(
      'content/news/2026-10.json: items[0].url: expected an absolute http(s) URL; ingest writes this file: correct the field, or restore it with git checkout -- content/news/2026-10.json',
    );
    expect(newsStoreProblems(path.join(dir, 'nowhere'))).toEqual({ problems: [], items: 0 });
  });

  it('ignores and cleans temporary files left by a killed run', () => {
    writeNewsStore(dir, items);
    writeFileSync(path.join(dir, '2026-11.json.tmp-123-abc'), '{"half');
    expect(readNewsStore(dir)).toHaveLength(3);
    expect(removeStaleTemps(dir)).toBe(1);
  });

  it('keeps the state file byte-identical when the state did not change', () => {
    const state = { version: 1 as const, sources: { b: { failures: 0, etag: '"x"' }, a: { failures: 2, lastError: 'boom' } } };
    expect(writeIngestState(dir, state)).toBe(true);
    const before = statSync(path.join(dir, '.state.json'), { bigint: true });
    expect(writeIngestState(dir, readIngestState(dir))).toBe(false);
    const after = statSync(path.join(dir, '.state.json'), { bigint: true });
    expect([after.ino, after.mtimeNs]).toEqual([before.ino, before.mtimeNs]);
    expect(Object.keys(readIngestState(dir).sources)).toEqual(['a', 'b']);
  });

  it('writeFileIfChanged compares bytes, not decoded text', () => {
    const file = path.join(dir, 'x.json');
    // Invalid UTF-8 decodes to U+FFFD: equal as text, different as bytes, so it must be rewritten.
    writeFileSync(file, Buffer.from([0xff, 0x0a]));
    expect(writeFileIfChanged(file, '\ufffd\n')).toBe(true);
    expect(writeFileIfChanged(file, '\ufffd\n')).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('\ufffd\n');
  });
});
