// A built site with news in it, and the store it was built from. `newsSite()` is the shared build
// with ingest's demo store (content/news/*.json) when there is one; `syntheticNewsSite()` is one
// scratch build per run with a synthetic store of several pages (real taxonomy companies, plus a
// hostile headline), shared by suites like builtSite(), for pagination and escaping at size.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readNewsStore } from '../../src/lib/news/store-fs.ts';
import { scratchBuild } from '../../scripts/bench/scratch-build.ts';
import { syntheticItems, toShards } from '../../scripts/bench/synthetic-store.ts';
import type { NewsItem } from '../../src/lib/schema/news.ts';
import { TaxonomySchema, type Taxonomy } from '../../src/lib/schema/taxonomy.ts';
import { BUILD_NOW, builtSite, repoRoot } from './site.ts';

export const HOSTILE_TITLE = '<script>alert("wire")</script> TSMC & <b>Samsung</b> "quoted"';

export interface NewsSite {
  dist: string;
  items: NewsItem[];
  taxonomy: Taxonomy;
  /** Stories the search index carries, newest first (SUBSTATION_SEARCH_NEWS_LIMIT of the build). */
  searchLimit: number;
}

/** The synthetic store's build indexes its newest 200 stories of 263, so a build past the limit is tested too. */
const SYNTHETIC_SEARCH_LIMIT = 200;

export const taxonomy = TaxonomySchema.parse(parseYaml(readFileSync(join(repoRoot, 'content/taxonomy.yaml'), 'utf8')));

function fixtureItems(): NewsItem[] {
  const items = syntheticItems({ count: 263, companies: taxonomy.companies, newest: new Date('2026-11-24T09:30:00Z'), spacingMinutes: 53 });
  items[5] = { ...items[5]!, title: HOSTILE_TITLE, summary: '<img src=x onerror=alert(1)>', companies: ['samsung', 'tsmc'], clusterSize: 2 };
  // The oldest story a month earlier, so the wire spans two months (its "By month" links).
  const last = items.length - 1;
  items[last] = { ...items[last]!, published: '2026-10-30T22:15:00.000Z', firstSeen: '2026-10-30T22:15:00.000Z' };
  return items;
}

async function waitFor(file: string) {
  const until = Date.now() + 240_000;
  while (!existsSync(file)) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${file}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function newsSite(): Promise<NewsSite> {
  const store = join(repoRoot, 'content/news');
  if (existsSync(store) && readdirSync(store).some((n) => n.endsWith('.json'))) {
    return { dist: await builtSite(), items: readNewsStore(store), taxonomy, searchLimit: Infinity };
  }
  return syntheticNewsSite();
}

export async function syntheticNewsSite(): Promise<NewsSite> {
  const items = fixtureItems();
  const base = join(repoRoot, 'test/.tmp');
  const dir = join(base, `news-site-${inject('runId')}`);
  const done = join(dir, 'done');
  try {
    mkdirSync(base, { recursive: true });
    mkdirSync(dir);
  } catch {
    await waitFor(done);
    if (readFileSync(done, 'utf8') !== 'ok') throw new Error(`the news site build failed:\n${readFileSync(done, 'utf8')}`);
    return { dist: join(dir, 'dist'), items, taxonomy, searchLimit: SYNTHETIC_SEARCH_LIMIT };
  }
  for (const old of readdirSync(base)) if (old.startsWith('news-site-') && join(base, old) !== dir) rmSync(join(base, old), { recursive: true, force: true });
  try {
    await scratchBuild({
      root: repoRoot,
      shards: toShards(items),
      env: { SUBSTATION_NOW: BUILD_NOW, SUBSTATION_SEARCH_NEWS_LIMIT: String(SYNTHETIC_SEARCH_LIMIT) },
      dir,
    });
    writeFileSync(done, 'ok');
  } catch (error) {
    const e = error as { message: string; stdout?: string; stderr?: string };
    writeFileSync(done, `${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
    throw error;
  }
  return { dist: join(dir, 'dist'), items, taxonomy, searchLimit: SYNTHETIC_SEARCH_LIMIT };
}
