// node scripts/bench-news.ts [count] [--no-build] [--keep]: the news wire at scale. Generates a
// store of `count` items (default 20,000) in a temp folder, times reading it, sorting, paginating,
// grouping and the company index (what the pages do), then a full production build of a scratch
// copy of the site with that store beside one with no news, and prints what the news adds, page
// counts and sizes. Issue 7: stay fast at 20,000; issue 13: 100,000 items add at most 60 s.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CommandSpec } from '../src/lib/cli/args.ts';
import { readCommandLine } from '../src/lib/cli/process.ts';
import { TaxonomySchema } from '../src/lib/schema/taxonomy.ts';
import { readNewsStore } from '../src/lib/news/store-fs.ts';
import { scratchBuild } from './bench/scratch-build.ts';
import { syntheticItems, toShards } from './bench/synthetic-store.ts';
import { byNewest, groupByDay } from '../src/lib/news-site/wire.ts';
import { companyCounts, latestNewsByCompany } from '../src/lib/news-site/companies.ts';

const root = resolve(import.meta.dirname, '..');
const COMMAND = {
  name: 'bench:news',
  usage: 'npm run bench:news -- [count] [--no-build] [--keep]',
  summary:
    'Generates a news store of `count` items in a temporary folder, times reading, sorting, paginating, grouping and the company index, then a production build of a scratch copy of the site with that store beside one with no news, and prints what the news adds to the build, page counts and sizes.',
  positional: { name: 'count', describe: 'how many news items to generate', integer: { min: 1 }, defaultText: '20000' },
  options: {
    'no-build': { type: 'boolean', describe: 'time the store only, skip the build' },
    keep: { type: 'boolean', describe: 'keep the scratch build and print its folder' },
  },
  examples: ['npm run bench:news', 'npm run bench:news -- 5000 --no-build'],
} as const satisfies CommandSpec;
const { values, positionals } = readCommandLine(COMMAND);
const count = Number(positionals[0] ?? 20_000);
const PAGE = 50;

const time = <T>(label: string, work: () => T): T => {
  const started = performance.now();
  const result = work();
  console.log(`✓ ${label} in ${Math.round(performance.now() - started)}ms`);
  return result;
};

const taxonomy = TaxonomySchema.parse(parseYaml(readFileSync(join(root, 'content/taxonomy.yaml'), 'utf8')));
const shards = time(`generated ${count} items`, () =>
  toShards(syntheticItems({ count, companies: taxonomy.companies, newest: new Date('2026-11-24T08:00:00Z') })),
);
const store = mkdtempSync(join(tmpdir(), 'substation-store-'));
for (const shard of shards) writeFileSync(join(store, `${shard.month}.json`), JSON.stringify(shard, null, 2));
const storeBytes = readdirSync(store).reduce((sum, f) => sum + statSync(join(store, f)).size, 0);
console.log(`  ${shards.length} shards, ${(storeBytes / 1e6).toFixed(1)} MB`);

const items = time('read and validated the store', () => readNewsStore(store));
const sorted = time('sorted newest first', () => [...items].sort(byNewest));
const pages = time(`paginated and grouped by day (${PAGE} a page)`, () => {
  const out = [];
  for (let i = 0; i < sorted.length; i += PAGE) out.push(groupByDay(sorted.slice(i, i + PAGE)));
  return out;
});
const topicPages = time('paginated every topic', () =>
  taxonomy.topics.reduce((n, t) => n + Math.ceil(sorted.filter((item) => item.topics.includes(t.id)).length / PAGE), 0),
);
time('company counts and latest news per company', () => [companyCounts([], sorted), latestNewsByCompany(sorted, 20)]);
console.log(`  ${pages.length} wire pages, ${topicPages} topic pages`);
rmSync(store, { recursive: true, force: true });

if (!values['no-build']) {
  const env = { SUBSTATION_NOW: '2026-11-24T12:00:00Z' };
  // The baseline beside it: the same copy with no news at all, so the line below says what the news costs.
  const bare = await scratchBuild({ root, shards: [], env });
  bare.remove();
  console.log(`✓ astro build with no news items in ${(bare.ms / 1000).toFixed(1)}s (the baseline)`);
  const build = await scratchBuild({ root, shards, env });
  const pageLine = build.output
    .split('\n')
    .find((l) => /page\(s\) built/.test(l))
    ?.replace(/^.*\[build\]\s*/, '');
  const loaderLine = build.output
    .split('\n')
    .find((l) => /news items from/.test(l))
    ?.replace(/^.*✓/, '✓');
  const searchLine = build.output
    .split('\n')
    .find((l) => /indexed .* pages for search/.test(l))
    ?.replace(/^.*✓/, '✓');
  console.log(`✓ astro build with ${count} items in ${(build.ms / 1000).toFixed(1)}s (${pageLine ?? 'page count unknown'})`);
  console.log(`  the news adds ${((build.ms - bare.ms) / 1000).toFixed(1)}s to the build`);
  if (loaderLine) console.log(`  loader: ${loaderLine}`);
  if (searchLine) console.log(`  search: ${searchLine}`);
  const size = (path: string) => statSync(join(build.dist, path)).size;
  const dirSize = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? dirSize(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
  console.log(
    `  /news/ ${Math.round(size('news/index.html') / 1024)} KB, /companies/tsmc/ ${Math.round(size('companies/tsmc/index.html') / 1024)} KB, pagefind ${(dirSize(join(build.dist, 'pagefind')) / 1e6).toFixed(1)} MB`,
  );
  if (values.keep) console.log(`  kept ${build.root}`);
  else build.remove();
}
