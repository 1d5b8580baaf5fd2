// `npm run bench:cluster [count]`: clusters `count` items (default 100,000) spread over a year, the
// size of a year of a few hundred sources, and prints the time and the peak memory. Target: at most
// 2 s and 300 MB. The corpus is seeded and synthetic but shaped like a wire: headline words drawn
// from a Zipf vocabulary, a few words ("nvidia", "ai") in one headline of twenty, and stories told
// by 1 to 30 sources within a day in reworded headlines.
import type { CommandSpec } from '../src/lib/cli/args.ts';
import { readCommandLine } from '../src/lib/cli/process.ts';
import { stableId } from '../src/lib/feeds/normalize.ts';
import { clusterItems } from '../src/lib/news/cluster.ts';
import type { ClassifiedItem } from '../src/lib/news/process-feed.ts';

const COMMAND = {
  name: 'bench:cluster',
  usage: 'npm run bench:cluster -- [count]',
  summary:
    'Clusters a seeded synthetic wire of `count` items spread over a year and prints the time and the peak memory. Target: at most 2 s and 300 MB for 100,000.',
  positional: { name: 'count', describe: 'how many items to cluster', integer: { min: 1 }, defaultText: '100000' },
  options: {},
  examples: ['npm run bench:cluster', 'npm run bench:cluster -- 20000'],
} as const satisfies CommandSpec;
const count = Number(readCommandLine(COMMAND).positionals[0] ?? 100_000);
// mulberry32: a seeded generator with 32-bit integer arithmetic, so the corpus is the same every run.
let seed = 20261201;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const VOCABULARY = 30_000;
// Zipf-like: rank r drawn with probability about 1/r.
const word = () => `w${Math.floor(Math.exp(random() * Math.log(VOCABULARY)))}`;
const COMMON = ['nvidia', 'ai', 'chip', 'power', 'data', 'center'];

const year = 365 * 24 * 3_600_000;
const start = Date.UTC(2026, 0, 1);
const items: ClassifiedItem[] = [];
while (items.length < count) {
  const story = Array.from({ length: 7 + Math.floor(random() * 5) }, word);
  if (random() < 0.3) story[Math.floor(random() * story.length)] = COMMON[Math.floor(random() * COMMON.length)]!;
  const at = start + random() * year;
  const sources = 1 + Math.floor(random() ** 3 * 30);
  for (let s = 0; s < sources && items.length < count; s++) {
    // Each source rewords: drops a word and adds one of its own.
    const title = story
      .filter(() => random() > 0.15)
      .concat(word())
      .join(' ');
    const published = new Date(at + random() * 86_400_000).toISOString();
    const id = stableId(`bench:${items.length}`);
    items.push({
      id,
      url: `https://bench.example/${id}`,
      title,
      summary: '',
      source: `s${Math.floor(random() * 300)}`,
      sourceName: 'Bench',
      published,
      firstSeen: published,
      topics: [],
      companies: [],
    });
  }
}

const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const clustered = clusterItems(items);
const ms = performance.now() - started;
const peakMb = process.resourceUsage().maxRSS / 1024;
const clusters = new Set(clustered.map((i) => i.clusterId)).size;
console.log(`✓ clustered ${count.toLocaleString('en')} items over a year into ${clusters.toLocaleString('en')} stories in ${(ms / 1000).toFixed(2)} s`);
console.log(`  peak memory ${peakMb.toFixed(0)} MB (process, corpus included; ${(rssBefore / 1048576).toFixed(0)} MB before clustering)`);
console.log(`  targets: at most 2 s and 300 MB: ${ms <= 2000 && peakMb <= 300 ? 'met' : 'NOT met'}`);
