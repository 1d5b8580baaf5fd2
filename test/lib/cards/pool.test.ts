// The card worker pool: cards in, the same PNG bytes as the single-threaded renderer out, through
// the file cache; a card that fails is named and the pool carries on; a worker that dies or cannot
// start fails its cards instead of leaving them waiting; close() ends every thread, and a pool left
// open does not keep a process alive.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CARD_POOL_UNAVAILABLE, isPoolUnavailable } from '../../../src/lib/cards/active-pool.ts';
import { createCardPool } from '../../../src/lib/cards/pool.ts';
import { createCardRenderer } from '../../../src/lib/cards/renderer-fs.ts';
import type { CardInput } from '../../../src/lib/cards/template.ts';

const run = promisify(execFile);
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

const cards: Array<[string, CardInput]> = [
  [
    'essays/electrons',
    {
      kicker: ['Energy', 'Data centres'],
      title: 'Waiting in Line for Electrons',
      dek: 'Grid connections, not chips, decide which data centres get built.',
      byline: 'Theo Lindqvist and Priya Raman',
      date: '1 March 2026',
    },
  ],
  [
    'essays/chart',
    {
      kicker: ['Chips'],
      title: 'Memory All the Way Down',
      dek: 'HBM is the bottleneck.',
      byline: 'Mara Okafor',
      date: '2 March 2026',
      chart: { label: 'HBM, GB', values: [16, 24, Number.NaN, 80, 141, 192] },
    },
  ],
  [
    'essays/cyrillic',
    {
      kicker: ['Сети'],
      title: 'Полупроводники и «узкие места»',
      dek: 'Ηλεκτρισμός και δίκτυα. Chuỗi cung ứng bán dẫn.',
      byline: 'Priya Raman',
      date: '3 March 2026',
    },
  ],
  ['topics/energy', { kicker: ['Topic'], title: 'Energy', dek: 'Power for compute.', footer: 'substation.example/topics/energy' }],
  ['home', { kicker: ['Investment research'], title: 'Research on the infrastructure under AI', footer: 'substation.example' }],
];

describe('card pool', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-pool-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('renders the same PNG bytes as the single-threaded renderer, one worker per card in parallel', async () => {
    const pool = createCardPool({ cache: false, size: 2, warmUp: false });
    try {
      expect(pool.size).toBe(2);
      const pooled = await Promise.all(cards.map(([name, input]) => pool.render(input, name)));
      const single = createCardRenderer({ cache: false, warn: () => {} });
      for (const [i, [name, input]] of cards.entries()) {
        const expected = await single.card(input, name);
        expect(pooled[i]!.key, name).toBe(expected.key);
        expect(pooled[i]!.png?.equals(expected.png), name).toBe(true);
      }
      expect(pool.stats).toMatchObject({ jobs: cards.length, rendered: cards.length, cached: 0, failed: 0 });
    } finally {
      await pool.close();
    }
    expect(pool.running).toBe(0);
  });

  it('writes finished cards to the file cache and answers with their key; a second pool finds them there', async () => {
    const cache = tempDir();
    const first = createCardPool({ cache, size: 2, warmUp: false });
    const done = await Promise.all(cards.map(([name, input]) => first.render(input, name)));
    await first.close();
    const single = createCardRenderer({ cache: false, warn: () => {} });
    for (const [i, [name, input]] of cards.entries()) {
      expect(done[i]!.png, 'bytes come from the cache, not the message').toBeUndefined();
      expect(first.read(done[i]!.key)?.equals(await single.render(input, name)), name).toBe(true);
    }
    expect(readdirSync(cache).sort()).toEqual(done.map((d) => `${d.key}.png`).sort());

    const second = createCardPool({ cache, size: 1, warmUp: false });
    try {
      const again = await Promise.all(cards.map(([name, input]) => second.render(input, name)));
      expect(again.every((d) => d.cached)).toBe(true);
      expect(second.stats).toMatchObject({ rendered: 0, cached: cards.length });
    } finally {
      await second.close();
    }
  });

  it('rejects a card that fails with its name, and keeps rendering the others', async () => {
    const warnings: string[] = [];
    const pool = createCardPool({ cache: false, size: 1, warmUp: false, warn: (m) => warnings.push(m) });
    try {
      const broken = pool.render({ kicker: [], title: 42 as unknown as string }, 'essays/broken');
      const fine = pool.render(cards[0]![1], 'essays/fine');
      const noGlyphs = pool.render({ kicker: ['Chips'], title: 'HBM 半導体' }, 'essays/cjk');
      await expect(broken).rejects.toThrow(/^card essays\/broken: TypeError/);
      await expect(broken).rejects.not.toHaveProperty('code', CARD_POOL_UNAVAILABLE);
      expect((await fine).png?.length).toBeGreaterThan(1000);
      await noGlyphs;
      expect(pool.stats).toMatchObject({ jobs: 3, rendered: 2, failed: 1 });
      expect(warnings).toEqual([expect.stringMatching(/^card essays\/cjk: no font for 半 導 体/)]);
    } finally {
      await pool.close();
    }
  });

  it('fails the card a worker died on by name, and the cards still queued as unavailable, without waiting', async () => {
    const warnings: string[] = [];
    const pool = createCardPool({ cache: false, size: 1, warmUp: false, workerUrl: fixture('crash-worker.ts'), warn: (m) => warnings.push(m) });
    try {
      const before = pool.render(cards[0]![1], 'before');
      const crash = pool.render(cards[0]![1], 'crash');
      const after = pool.render(cards[0]![1], 'after');
      await expect(before).resolves.toMatchObject({ key: 'key-before' });
      await expect(crash).rejects.toThrow('card crash: the card worker stopped (exit code 3)');
      const queued = await after.catch((error: unknown) => error);
      expect(isPoolUnavailable(queued)).toBe(true);
      expect((queued as Error).message).toBe('card after: no card worker is running (the card worker stopped (exit code 3))');
      await expect(pool.render(cards[0]![1], 'later')).rejects.toHaveProperty('code', CARD_POOL_UNAVAILABLE);
      expect(pool.running).toBe(0);
      expect(warnings).toEqual(['card pool: worker 1 stopped: exit code 3']);
    } finally {
      await pool.close();
    }
  });

  it('takes cards in the order asked, except one asked for first, which goes to the front of the queue', async () => {
    const pool = createCardPool({ cache: false, size: 1, warmUp: false, workerUrl: fixture('crash-worker.ts') });
    try {
      // Asked for before the worker has started, so all four wait in the queue.
      const order: string[] = [];
      const names = ['a', 'b', 'c'];
      const jobs = names.map((name) => pool.render(cards[0]![1], name).then(() => void order.push(name)));
      jobs.push(pool.render(cards[0]![1], 'now', { first: true }).then(() => void order.push('now')));
      await Promise.all(jobs);
      expect(order).toEqual(['now', 'a', 'b', 'c']);
    } finally {
      await pool.close();
    }
  });

  it('reports workers that cannot start, and fails their cards as unavailable rather than waiting', async () => {
    const warnings: string[] = [];
    const pool = createCardPool({ cache: false, size: 2, warmUp: false, workerUrl: fixture('broken-worker.ts'), warn: (m) => warnings.push(m) });
    const card = await pool.render(cards[0]![1], 'essays/a').catch((error: unknown) => error);
    expect(isPoolUnavailable(card)).toBe(true);
    expect((card as Error).message).toMatch(/^card essays\/a: no card worker is running \(.*missing font package @fontsource\/inter/);
    await pool.close();
    expect(warnings).toHaveLength(2);
  });

  it('close() ends busy and idle workers, rejects what is left as unavailable, and takes no more cards', async () => {
    const pool = createCardPool({ cache: false, size: 2, workerUrl: fixture('crash-worker.ts') });
    const done = await pool.render(cards[0]![1], 'first');
    expect(done.key).toBe('key-first');
    // Two cards that never finish keep both workers busy; the third waits in the queue.
    const left = Promise.allSettled([pool.render(cards[0]![1], 'hang'), pool.render(cards[0]![1], 'hang'), pool.render(cards[0]![1], 'queued')]);
    await pool.close();
    for (const result of await left) expect(result).toMatchObject({ status: 'rejected', reason: { code: CARD_POOL_UNAVAILABLE } });
    expect(pool.running).toBe(0);
    await expect(pool.render(cards[0]![1], 'late')).rejects.toThrow('card late: the card pool was closed');
    await pool.close(); // twice is fine
  });

  it('lets a process exit that rendered with a pool and never closed it', async () => {
    // Worker start-up and one card take a few seconds; a pool that held the process open would run into the timeout.
    const script = join(import.meta.dirname, 'fixtures/forgotten-pool.ts');
    const { stdout } = await run(process.execPath, [script], { cwd: join(import.meta.dirname, '../../..'), timeout: 60_000 });
    expect(stdout).toMatch(/^rendered \d{4,} bytes; 2 workers still running$/m);
  }, 70_000);

  it('keeps one file and no temporary one when two workers render the same card', async () => {
    const cache = tempDir();
    const pool = createCardPool({ cache, size: 2, warmUp: false });
    try {
      const [a, b] = await Promise.all([pool.render(cards[0]![1], 'one'), pool.render(cards[0]![1], 'two')]);
      expect(a.key).toBe(b.key);
      expect(existsSync(join(cache, `${a.key}.png`))).toBe(true);
      expect(readdirSync(cache)).toEqual([`${a.key}.png`]);
    } finally {
      await pool.close();
    }
  });
});
