// `npm run bench:cards`: renders 500 distinct social cards into an empty cache (cold), then again
// from that cache (warm), and prints ms per card and peak RSS. The options are in COMMAND below,
// which is also the --help text (`--workers 1` measures the main thread alone).
import { availableParallelism, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { CommandSpec } from '../src/lib/cli/args.ts';
import { readCommandLine } from '../src/lib/cli/process.ts';
import { fileCardCache } from '../src/lib/cards/cache-fs.ts';
import { createCardRenderer } from '../src/lib/cards/renderer-fs.ts';
import type { CardInput } from '../src/lib/cards/template.ts';

const COMMAND = {
  name: 'bench:cards',
  usage: 'npm run bench:cards -- [--cards N] [--workers N]',
  summary: 'Renders distinct social cards into an empty cache (cold), then again from that cache (warm), and prints ms per card and peak RSS.',
  options: {
    cards: { type: 'integer', arg: 'N', min: 1, default: 500, describe: 'how many cards to render' },
    workers: { type: 'integer', arg: 'N', min: 1, describe: 'worker threads for the cold run; 1 renders on the main thread alone', defaultText: 'one per core' },
  },
  examples: ['npm run bench:cards', 'npm run bench:cards -- --cards 100 --workers 1'],
} as const satisfies CommandSpec;

const TOPICS = ['Chips', 'Energy', 'Networks', 'Data centres', 'Storage', 'Security'];
const WORDS = 'grid power packaging memory optics cooling turbines interconnection queue weights silicon capacity premium build-out bottleneck'.split(' ');

/** Deterministic, varied inputs: titles of different lengths, some with a chart, a few in Cyrillic. */
function inputs(count: number): CardInput[] {
  return Array.from({ length: count }, (_, i) => {
    const words = Array.from({ length: 3 + (i % 11) }, (_, j) => WORDS[(i * 7 + j * 3) % WORDS.length]!);
    const title = `${i % 25 === 0 ? 'Сеть и ' : ''}${words.join(' ').replace(/^./, (c) => c.toUpperCase())} ${i}`;
    return {
      kicker: [TOPICS[i % 6]!, TOPICS[(i + 2) % 6]!],
      title,
      dek: `Card ${i}: why ${words.slice(0, 3).join(', ')} decide who captures value in the AI build-out, and what would change our view.`,
      byline: i % 2 ? 'Mara Okafor and Theo Lindqvist' : 'Priya Raman',
      date: `${1 + (i % 28)} March 2026`,
      chart: i % 3 === 0 ? { label: 'Dataset, GW', values: Array.from({ length: 12 }, (_, k) => (k * (i % 5 + 1)) ** 1.3) } : undefined,
    };
  });
}

async function renderAll(list: CardInput[], cacheDir: string): Promise<void> {
  const renderer = createCardRenderer({ cache: fileCardCache(cacheDir), warn: () => {} });
  for (const [i, input] of list.entries()) await renderer.render(input, String(i));
}

async function inWorkers(list: CardInput[], cacheDir: string, workers: number): Promise<void> {
  const slices = Array.from({ length: workers }, (_, w) => list.filter((_, i) => i % workers === w));
  await Promise.all(
    slices.map(
      (slice) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { slice, cacheDir } });
          worker.once('message', () => resolve());
          worker.once('error', reject);
        }),
    ),
  );
}

if (!isMainThread) {
  const { slice, cacheDir } = workerData as { slice: CardInput[]; cacheDir: string };
  await renderAll(slice, cacheDir);
  parentPort!.postMessage('done');
} else {
  const { values } = readCommandLine(COMMAND);
  const count = values.cards;
  // One worker per core: measured here, 2 workers on 2 cores render a cold card in about half the time of 1.
  const workers = values.workers ?? availableParallelism();
  const list = inputs(count);
  const dir = mkdtempSync(join(tmpdir(), 'bench-cards-'));
  try {
    let t = performance.now();
    if (workers > 1) await inWorkers(list, dir, workers);
    else await renderAll(list, dir);
    const cold = performance.now() - t;
    t = performance.now();
    await renderAll(list, dir);
    const warm = performance.now() - t;
    const rss = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(`cards: ${count}, workers: ${workers}, cores: ${availableParallelism()}`);
    console.log(`✓ cold: ${(cold / count).toFixed(1)} ms/card (${(cold / 1000).toFixed(1)}s in all, fonts loaded once per thread)`);
    console.log(`✓ warm: ${(warm / count).toFixed(2)} ms/card (every card from the cache)`);
    console.log(`✓ peak RSS: ${rss} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
