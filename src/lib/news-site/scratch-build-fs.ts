// A production build of this publication with a different news store, in a scratch copy of the
// project: for the news tests (until ingest ships a demo store) and the 20,000-item benchmark.
// The copy gets its own node_modules folder of links, so Astro's cache (node_modules/.astro) is its
// own and a concurrent build of the real project is never disturbed.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NewsShard } from '../schema/news.ts';

const run = promisify(execFile);
const PROJECT = ['src', 'public', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

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
  const copy = dir ?? mkdtempSync(join(tmpdir(), 'substation-news-'));
  mkdirSync(copy, { recursive: true });
  for (const entry of PROJECT) cpSync(join(root, entry), join(copy, entry), { recursive: true });
  rmSync(join(copy, 'content/news'), { recursive: true, force: true });
  mkdirSync(join(copy, 'content/news'));
  for (const shard of shards) writeFileSync(join(copy, `content/news/${shard.month}.json`), `${JSON.stringify(shard, null, 2)}\n`);
  mkdirSync(join(copy, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name !== '.astro' && name !== '.vite') symlinkSync(join(root, 'node_modules', name), join(copy, 'node_modules', name));
  }
  const dist = join(copy, 'dist');
  const started = performance.now();
  const { stdout, stderr } = await run(process.execPath, [join(copy, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], {
    cwd: copy,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  return { root: copy, dist, ms, output: `${stdout}\n${stderr}`, remove: () => rmSync(copy, { recursive: true, force: true }) };
}
