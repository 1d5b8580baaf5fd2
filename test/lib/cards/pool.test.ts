// The card worker pool: cards in, the same PNG bytes as the single-threaded renderer out, through
// the file cache; a card that fails is named and the pool carries on; a worker that dies or cannot
// start fails its cards instead of leaving them waiting; close() ends every thread, and a pool left
// open does not keep a process alive. The same workers draw the charts' PNG twins: the bytes the
// main thread draws, through the chart cache, no job for a twin already there, one job for a twin
// asked twice, and the main thread's own error for a twin that cannot be drawn. Cards and twins
// delivered into a build's output: copied from the caches, all or nothing, drawn here when no worker can.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CARD_POOL_UNAVAILABLE, isPoolUnavailable } from '../../../src/lib/cards/active-pool.ts';
import { createCardPool } from '../../../src/lib/cards/pool.ts';
import { createCardRenderer } from '../../../src/lib/cards/renderer-fs.ts';
import type { CardInput } from '../../../src/lib/cards/template.ts';
import { renderAreaChart } from '../../../src/lib/charts/area.ts';
import { renderBarChart } from '../../../src/lib/charts/bar.ts';
import { renderLineChart } from '../../../src/lib/charts/line.ts';
import { chartTwin, chartTwinPng } from '../../../src/lib/charts/png-fs.ts';
import { baseSpec } from '../charts/fixtures.ts';

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

/** Twins of three charts as an essay's would be, named as the chart route names them. */
const twins = [
  ['line', renderLineChart(baseSpec('line'))],
  ['bar', renderBarChart(baseSpec('bar'))],
  ['area', renderAreaChart(baseSpec('area'))],
].map(([id, chart]) => {
  const { svg, legend } = chart as ReturnType<typeof renderLineChart>;
  return { name: `chart "${id}" in content/essays/capex.mdx`, ...chartTwin(svg, legend) };
});

/** A cache folder of its own for one test, removed after the file. */
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'card-pool-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('card pool', () => {
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

  it('gives the card a dead worker held in reserve to another worker', async () => {
    const warnings: string[] = [];
    const pool = createCardPool({ cache: false, size: 2, warmUp: false, workerUrl: fixture('crash-worker.ts'), warn: (m) => warnings.push(m) });
    try {
      await pool.ready();
      // Worker 1 gets "crash", worker 2 "fine"; then "reserve" waits behind "crash" in worker 1.
      const crash = pool.render(cards[0]![1], 'crash');
      const fine = pool.render(cards[0]![1], 'fine');
      const reserve = pool.render(cards[0]![1], 'reserve');
      await expect(crash).rejects.toThrow('card crash: the card worker stopped (exit code 3)');
      await expect(fine).resolves.toMatchObject({ key: 'key-fine' });
      await expect(reserve).resolves.toMatchObject({ key: 'key-reserve' });
      expect(pool.running).toBe(1);
      expect(pool.stats).toMatchObject({ jobs: 3, rendered: 2, failed: 1 });
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

  it('starts every worker when several start at once', async () => {
    // V8's flags are the process's: a worker toggling --expose-gc raced its siblings, one of which
    // then stopped with "gc is not defined" and left the pool a worker short.
    const warnings: string[] = [];
    for (let round = 0; round < 3; round++) {
      const pool = createCardPool({ cache: tempDir(), size: 4, warmUp: false, warn: (message) => warnings.push(message) });
      try {
        await Promise.all(cards.slice(0, 4).map(([, input], i) => pool.render(input, `card ${i}`)));
      } finally {
        await pool.close();
      }
    }
    expect(warnings).toEqual([]);
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

describe('chart twins in the card pool', () => {
  it('draws twins beside cards, byte for byte as the main thread does', async () => {
    const pool = createCardPool({ cache: false, chartCache: false, size: 2, warmUp: false });
    try {
      const [pooled] = await Promise.all([Promise.all(twins.map((twin) => pool.chart(twin))), ...cards.map(([name, input]) => pool.render(input, name))]);
      for (const [i, twin] of twins.entries()) {
        expect(pooled[i]!.key, twin.name).toBe(twin.key);
        expect(pooled[i]!.png?.equals(chartTwinPng(twin, { cache: false }).png), twin.name).toBe(true);
      }
      expect(pool.stats.charts).toMatchObject({ jobs: twins.length, rendered: twins.length, cached: 0, failed: 0 });
      expect(pool.stats).toMatchObject({ jobs: cards.length, rendered: cards.length });
    } finally {
      await pool.close();
    }
  });

  it('writes twins to the chart cache, and a twin already there is no job', async () => {
    const [cache, chartCache] = [tempDir(), tempDir()];
    const first = createCardPool({ cache, chartCache, size: 2, warmUp: false });
    const done = await Promise.all(twins.map((twin) => first.chart(twin)));
    await first.close();
    for (const [i, twin] of twins.entries()) {
      expect(done[i]!.png, 'bytes come from the cache, not the message').toBeUndefined();
      expect(first.readChart(twin.key)?.equals(chartTwinPng(twin, { cache: false }).png), twin.name).toBe(true);
    }
    expect(readdirSync(chartCache).sort()).toEqual(twins.map((t) => `${t.key}.png`).sort());
    expect(readdirSync(cache), 'twins stay out of the card cache').toEqual([]);

    // A worker that never answers: a twin that reached it would hang this test.
    const second = createCardPool({ cache, chartCache, size: 1, warmUp: false, workerUrl: fixture('crash-worker.ts') });
    try {
      const again = await Promise.all(twins.map((twin) => second.chart({ ...twin, name: 'hang' })));
      expect(again.map((d) => [d.key, d.cached])).toEqual(twins.map((t) => [t.key, true]));
      expect(second.stats.charts).toMatchObject({ jobs: 0, rendered: 0 });
    } finally {
      await second.close();
    }
  });

  it('draws a twin asked for twice once, and moves it to the front when someone waits on it', async () => {
    const pool = createCardPool({ cache: false, chartCache: false, size: 1, warmUp: false, workerUrl: fixture('crash-worker.ts') });
    try {
      // Asked for before the worker has started, so everything waits in the queue.
      const order: string[] = [];
      const jobs = ['a', 'b'].map((name) => pool.render(cards[0]![1], name).then(() => void order.push(name)));
      const prefetched = pool.chart(twins[0]!);
      const awaited = pool.chart({ ...twins[0]!, name: 'another essay with the same chart' }, { first: true });
      expect(awaited).toBe(prefetched);
      jobs.push(awaited.then(() => void order.push('twin')));
      await Promise.all(jobs);
      expect(order).toEqual(['twin', 'a', 'b']);
      expect(pool.stats.charts.jobs).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it("fails a twin resvg cannot draw with the main thread's error, and carries on", async () => {
    const broken = { name: 'chart "broken" in content/essays/capex.mdx', key: 'broken', svg: '<svg xmlns="http://www.w3.org/2000/svg"><g>' };
    const inProcess = (() => {
      try {
        chartTwinPng(broken, { cache: false, name: broken.name });
      } catch (error) {
        return error as Error;
      }
    })();
    expect(inProcess?.message).toMatch(/^chart "broken" in content\/essays\/capex\.mdx: its PNG twin could not be rasterised: SVG data parsing failed/);
    const pool = createCardPool({ cache: false, chartCache: false, size: 1, warmUp: false });
    try {
      const pooled = await pool.chart(broken).catch((error: unknown) => error as Error);
      expect(pooled).toBeInstanceOf(Error);
      expect((pooled as Error).message).toBe(inProcess!.message);
      expect(isPoolUnavailable(pooled)).toBe(false);
      expect((await pool.chart(twins[0]!)).png?.length).toBeGreaterThan(1000);
      expect(pool.stats.charts).toMatchObject({ jobs: 2, rendered: 1, failed: 1 });
    } finally {
      await pool.close();
    }
  });

  it('fails the twin a worker died on by its name, and the twins still queued as unavailable', async () => {
    const warnings: string[] = [];
    const pool = createCardPool({
      cache: false,
      chartCache: false,
      size: 1,
      warmUp: false,
      workerUrl: fixture('crash-worker.ts'),
      warn: (m) => warnings.push(m),
    });
    try {
      const crash = pool.chart({ ...twins[0]!, name: 'crash' });
      const after = pool.chart(twins[1]!);
      await expect(crash).rejects.toThrow('crash: the card worker stopped (exit code 3)');
      await expect(after).rejects.toThrow(`${twins[1]!.name}: no card worker is running (the card worker stopped (exit code 3))`);
      await expect(after).rejects.toHaveProperty('code', CARD_POOL_UNAVAILABLE);
      expect(warnings).toEqual(['card pool: worker 1 stopped: exit code 3']);
    } finally {
      await pool.close();
    }
  });
});

describe('cards and twins delivered into the build output', () => {
  it('copies each finished card and twin from its cache to its path, byte for byte as the main thread draws it', async () => {
    const [cache, chartCache, out] = [tempDir(), tempDir(), tempDir()];
    const pool = createCardPool({ cache, chartCache, size: 2, warmUp: false });
    const unused = () => Promise.reject(new Error('no fallback: the pool took every job'));
    try {
      for (const [name, input] of cards) pool.deliver(`og/${name}.png`, 'card', pool.render(input, name), unused);
      for (const twin of twins) pool.deliver(`charts/capex/${twin.key.slice(0, 6)}.png`, 'chart', pool.chart(twin), unused);
      expect(await pool.writeDelivered(out)).toMatchObject({ cards: cards.length, charts: twins.length });
    } finally {
      await pool.close();
    }
    const single = createCardRenderer({ cache: false, warn: () => {} });
    for (const [name, input] of cards) expect(readFileSync(join(out, `og/${name}.png`)).equals(await single.render(input, name)), name).toBe(true);
    for (const twin of twins)
      expect(readFileSync(join(out, `charts/capex/${twin.key.slice(0, 6)}.png`)).equals(chartTwinPng(twin, { cache: false }).png), twin.name).toBe(true);
  });

  it('fails with the failed card named and writes nothing; several failures are listed', async () => {
    const out = tempDir();
    const pool = createCardPool({ cache: false, size: 1, warmUp: false });
    const unused = () => Promise.reject(new Error('no fallback'));
    try {
      pool.deliver('og/essays/fine.png', 'card', pool.render(cards[0]![1], 'essays/fine'), unused);
      pool.deliver('og/essays/broken.png', 'card', pool.render({ kicker: [], title: 42 as unknown as string }, 'essays/broken'), unused);
      await expect(pool.writeDelivered(out)).rejects.toThrow(/^card essays\/broken: TypeError/);
      expect(readdirSync(out)).toEqual([]);
      for (const name of ['a', 'b']) pool.deliver(`og/${name}.png`, 'card', pool.render({ kicker: [], title: 7 as unknown as string }, name), unused);
      await expect(pool.writeDelivered(out)).rejects.toThrow(
        /^2 social cards or chart twins could not be drawn:\n- card a: TypeError[^\n]*\n- card b: TypeError/,
      );
      expect(readdirSync(out)).toEqual([]);
    } finally {
      await pool.close();
    }
  });

  it('draws in this thread, by its fallback, a card the pool could not take', async () => {
    const out = tempDir();
    const pool = createCardPool({ cache: false, size: 1, warmUp: false });
    await pool.close();
    const single = createCardRenderer({ cache: false, warn: () => {} });
    const [name, input] = cards[0]!;
    const job = pool.render(input, name);
    await expect(job).rejects.toHaveProperty('code', CARD_POOL_UNAVAILABLE);
    pool.deliver(`og/${name}.png`, 'card', job, () => single.render(input, name));
    expect(await pool.writeDelivered(out)).toMatchObject({ cards: 1, charts: 0 });
    expect(readFileSync(join(out, `og/${name}.png`)).equals(await single.render(input, name))).toBe(true);
  });
});
