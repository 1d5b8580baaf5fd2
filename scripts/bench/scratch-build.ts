// A production build of this publication with a different news store, in a scratch copy of the
// project: for the news tests (until ingest ships a demo store) and the 20,000-item benchmark.
// The copy gets its own node_modules folder of links, so Astro's cache (node_modules/.astro) is its
// own and a concurrent build of the real project is never disturbed.
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NewsShard } from '../../src/lib/schema/news.ts';
import { scratchProject } from './scratch-project.ts';

const run = promisify(execFile);

export interface ScratchBuildOptions {
  /** The real project's root. */
  root: string;
  /** The store to build with, written to content/news/<month>.json in the copy. */
  shards: readonly NewsShard[];
  /** Environment for `astro build` (SUBSTATION_NOW and the like), added to process.env. */
  env?: Record<string, string>;
  /** Where to make the copy. Default: a new folder in the OS temp dir. */
  dir?: string;
}

export interface ScratchBuild {
  root: string;
  dist: string;
  /** Wall time of `astro build`, in ms. */
  ms: number;
  output: string;
  remove(): void;
}

export async function scratchBuild({ root, shards, env = {}, dir }: ScratchBuildOptions): Promise<ScratchBuild> {
  const copy = scratchProject(root, 'substation-news-', dir);
  rmSync(join(copy.root, 'content/news'), { recursive: true, force: true });
  mkdirSync(join(copy.root, 'content/news'));
  for (const shard of shards) writeFileSync(join(copy.root, `content/news/${shard.month}.json`), `${JSON.stringify(shard, null, 2)}\n`);
  const dist = join(copy.root, 'dist');
  const started = performance.now();
  const { stdout, stderr } = await run(process.execPath, [join(copy.root, 'scripts/build.ts'), '--outDir', dist], {
    cwd: copy.root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  return { root: copy.root, dist, ms, output: `${stdout}\n${stderr}`, remove: copy.remove };
}
