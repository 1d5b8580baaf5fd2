// Scratch projects for the benchmarks and tests: a copy of this one, and the node_modules they share.
// node_modules is a folder of links to the real one's entries, except the caches (.astro, .vite,
// .cache), so Astro's content cache and the card cache (node_modules/.cache/substation-cards) are
// the copy's own: a cold build starts from none, and the real project's caches are never touched.
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const PROJECT = ['src', 'public', 'content', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
const CACHES = new Set(['.astro', '.vite', '.cache']);

/** Makes `dest`/node_modules a folder of links to `root`/node_modules's entries, caches left out. */
export function linkNodeModules(root: string, dest: string): void {
  mkdirSync(join(dest, 'node_modules'), { recursive: true });
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (!CACHES.has(name)) symlinkSync(join(root, 'node_modules', name), join(dest, 'node_modules', name));
  }
}

/** Copies the project at `root` into `dest` (src, public, content, the configs) with linked node_modules. */
export function copyProject(root: string, dest: string): void {
  mkdirSync(dest, { recursive: true });
  for (const entry of PROJECT) cpSync(join(root, entry), join(dest, entry), { recursive: true });
  linkNodeModules(root, dest);
}
