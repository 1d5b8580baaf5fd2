// `npm run bench:cards`: renders distinct social cards into an empty cache (cold) through the card
// worker pool a build uses (src/lib/cards/pool.ts), then again from that cache (warm), and prints
// ms per card and peak RSS. Then, on one thread, what a cold card costs stage by stage (satori,
// resvg drawing, PNG encoding) and under other resvg options or JPEG, with a few cards of each
// written to a folder to look at. The options are in COMMAND below, which is also the --help text.
//
// Times are wall ms and CPU ms: CPU time is the process's (every thread), so CPU ms per card is the
// cost of a card on one core, and it holds up when other work shares the machine; wall time does not.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import satori from 'satori';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { CommandSpec } from '../src/lib/cli/args.ts';
import { readCommandLine } from '../src/lib/cli/process.ts';
import { fileCardCache } from '../src/lib/cards/cache-fs.ts';
import { loadCardFonts } from '../src/lib/cards/fonts-fs.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../src/lib/cards/paths.ts';
import { createCardPool } from '../src/lib/cards/pool.ts';
import { encodePng } from '../src/lib/cards/png.ts';
import { createCardRenderer } from '../src/lib/cards/renderer-fs.ts';
import { cardTree, coverInput, type CardInput } from '../src/lib/cards/template.ts';

const COMMAND = {
  name: 'bench:cards',
  usage: 'npm run bench:cards -- [--cards N] [--workers N]',
  summary:
    'Renders distinct social cards into an empty cache through the card worker pool (cold), then from that cache (warm), and prints ms per card and peak RSS; then the cost of a card stage by stage and under other resvg options or JPEG, with sample images.',
  options: {
    cards: { type: 'integer', arg: 'N', min: 1, default: 500, describe: 'how many cards to render' },
    workers: {
      type: 'integer',
      arg: 'N',
      min: 1,
      describe: 'worker threads for the cold run; 1 renders on the main thread alone',
      defaultText: 'one per core',
    },
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
      chart: i % 3 === 0 ? { label: 'Dataset, GW', values: Array.from({ length: 12 }, (_, k) => (k * ((i % 5) + 1)) ** 1.3) } : undefined,
    };
  });
}

const cpuMs = (since?: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const settle = () => new Promise((resolve) => setImmediate(resolve)); // lets resvg's finalizers run (see render.ts)

async function renderAll(list: CardInput[], cacheDir: string): Promise<void> {
  const renderer = createCardRenderer({ cache: fileCardCache(cacheDir), warn: () => {} });
  for (const [i, input] of list.entries()) await renderer.render(input, String(i));
}

// ---------------------------------------------------------------------------------------------
// One card, stage by stage, and the alternatives. Every variant draws the same satori SVG, so the
// table compares resvg options and encoders alone; the images are written for a look side by side.

/** The renderer's own settings (render.ts), which each variant changes one thing of. */
const CURRENT: ResvgRenderOptions = { fitTo: { mode: 'width', value: CARD_WIDTH }, font: { loadSystemFonts: false } };

type Encode = (svg: string) => Promise<Buffer>;
const resvgPng =
  (options: ResvgRenderOptions): Encode =>
  async (svg) =>
    encodePng(new Resvg(svg, options).render());

async function variants(): Promise<Array<[string, Encode, string]>> {
  const list: Array<[string, Encode, string]> = [
    ['current: resvg pixels, encodePng', resvgPng(CURRENT), 'png'],
    ["resvg's own PNG encoder (before)", async (svg) => Buffer.from(new Resvg(svg, CURRENT).render().asPng()), 'png'],
    ['no fitTo', resvgPng({ font: CURRENT.font! }), 'png'],
    ['shapeRendering optimizeSpeed', resvgPng({ ...CURRENT, shapeRendering: 0 }), 'png'],
    ['shapeRendering crispEdges', resvgPng({ ...CURRENT, shapeRendering: 1 }), 'png'],
    ['textRendering optimizeSpeed', resvgPng({ ...CURRENT, textRendering: 0 }), 'png'],
    ['imageRendering optimizeSpeed', resvgPng({ ...CURRENT, imageRendering: 1 }), 'png'],
  ];
  // JPEG needs an encoder; sharp is here only as Astro's image service dependency, so it is tried, not required.
  try {
    const sharp = (await import('sharp')).default;
    const jpeg =
      (quality: number): Encode =>
      async (svg) => {
        const image = new Resvg(svg, CURRENT).render();
        return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
          .removeAlpha()
          .jpeg({ quality })
          .toBuffer();
      };
    list.push(['JPEG q90 (sharp)', jpeg(90), 'jpg'], ['JPEG q80 (sharp)', jpeg(80), 'jpg']);
  } catch {
    list.push(['JPEG: no encoder installed (sharp)', async () => Buffer.alloc(0), 'jpg']);
  }
  return list;
}

async function stages(list: CardInput[], out: string): Promise<string[]> {
  const fonts = loadCardFonts();
  const covered = list
    .map((raw) => coverInput(raw, fonts.covered).input)
    .filter((input) => [...input.title].every((c) => c === ' ' || fonts.latin.covered.has(c.codePointAt(0)!)));
  const options = { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: fonts.latin.fonts, loadAdditionalAsset: async () => [] };
  const svgOf = (input: CardInput) => satori(cardTree(input) as unknown as Parameters<typeof satori>[0], options);
  await svgOf(covered[0]!); // satori's start-up is not a card's cost
  const t = { satori: 0, parse: 0, draw: 0, encode: 0 };
  const svgs: string[] = [];
  for (const input of covered) {
    let since = process.cpuUsage();
    const svg = await svgOf(input);
    t.satori += cpuMs(since);
    since = process.cpuUsage();
    const resvg = new Resvg(svg, CURRENT);
    t.parse += cpuMs(since);
    since = process.cpuUsage();
    const image = resvg.render();
    t.draw += cpuMs(since);
    since = process.cpuUsage();
    encodePng(image);
    t.encode += cpuMs(since);
    svgs.push(svg);
    await settle();
  }
  const n = covered.length;
  const f = (ms: number) => (ms / n).toFixed(1);
  const lines = [
    `one thread, ${n} Latin cards, CPU ms per card: satori ${f(t.satori)}, resvg parse ${f(t.parse)}, resvg draw ${f(t.draw)}, PNG encode ${f(t.encode)}; total ${f(t.satori + t.parse + t.draw + t.encode)}`,
  ];
  // Interleaved card by card, each card starting at the next variant, so neither load on the machine
  // nor going first (about 1 ms, measured) falls on one variant more than another.
  const tried = await variants();
  const acc = tried.map(() => ({ cpu: 0, bytes: 0 }));
  for (const [, encode] of tried) await encode(svgs[0]!); // the first call of each pays its start-up, about 30 ms
  for (const [i, svg] of svgs.entries()) {
    for (let k = 0; k < tried.length; k++) {
      const v = (i + k) % tried.length;
      const [name, encode, ext] = tried[v]!;
      const since = process.cpuUsage();
      const bytes = await encode(svg);
      acc[v]!.cpu += cpuMs(since);
      acc[v]!.bytes += bytes.length;
      if (i < 3 && bytes.length)
        writeFileSync(
          join(
            out,
            `card-${i}-${name
              .replace(/[^a-z0-9]+/gi, '-')
              .replace(/-$/, '')
              .toLowerCase()}.${ext}`,
          ),
          bytes,
        );
      await settle();
    }
  }
  const base = acc[0]!.cpu / n;
  lines.push('resvg and encoder, CPU ms per card after satori (same SVG for each), and file size:');
  for (const [v, [name]] of tried.entries()) {
    const ms = acc[v]!.cpu / n;
    lines.push(
      `  ${name.padEnd(36)} ${ms.toFixed(1).padStart(5)} ms  ${v ? `${ms - base >= 0 ? '+' : ''}${(ms - base).toFixed(1)}` : '    '}  ${Math.round(acc[v]!.bytes / n / 1024)} KB`,
    );
  }
  return lines;
}

const { values } = readCommandLine(COMMAND);
const count = values.cards;
// One worker per core: measured here, 2 workers on 2 cores render a cold card in about half the time of 1.
const workers = values.workers ?? availableParallelism();
const list = inputs(count);
const dir = mkdtempSync(join(tmpdir(), 'bench-cards-'));
const out = mkdtempSync(join(tmpdir(), 'bench-cards-images-'));
try {
  let startup = 0;
  let wall = performance.now();
  let cpu = process.cpuUsage();
  if (workers > 1) {
    const pool = createCardPool({ cache: dir, size: workers, warn: () => {} });
    await pool.ready();
    startup = performance.now() - wall;
    wall = performance.now();
    cpu = process.cpuUsage();
    await Promise.all(list.map((input, i) => pool.render(input, String(i))));
    await pool.close();
  } else await renderAll(list, dir);
  const cold = { wall: performance.now() - wall, cpu: cpuMs(cpu) };
  wall = performance.now();
  cpu = process.cpuUsage();
  await renderAll(list, dir);
  const warm = { wall: performance.now() - wall, cpu: cpuMs(cpu) };
  const rss = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`cards: ${count}, workers: ${workers}, cores: ${availableParallelism()}, load average ${loadavg()[0]!.toFixed(1)}`);
  console.log(
    `✓ cold: ${(cold.wall / count).toFixed(1)} ms/card wall, ${(cold.cpu / count).toFixed(1)} ms/card CPU (${(cold.wall / 1000).toFixed(1)}s in all` +
      (workers > 1
        ? `, after ${(startup / 1000).toFixed(1)}s starting ${workers} workers: fonts loaded and satori warmed up once per thread)`
        : ', one thread)'),
  );
  console.log(`✓ warm: ${(warm.wall / count).toFixed(2)} ms/card wall (every card from the cache)`);
  console.log(`✓ peak RSS: ${rss} MB (main thread and workers)`);
  for (const line of await stages(list.slice(0, Math.min(count, 40)), out)) console.log(line);
  console.log(`three cards of each variant, to look at: ${out}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
