// A scratch copy of the project for benchmarks and tests that edit content or run astro: src, public, content and
// the config copied, node_modules a folder of links so Astro's cache (node_modules/.astro) is the
// copy's own and a concurrent build of the real project is never disturbed.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PROJECT = ['src', 'public', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export interface ScratchProject {
  root: string;
  remove(): void;
}

/** Copies the project into a new folder under the OS temp dir (named `prefix`…), or into `dir`. */
export function scratchProject(repoRoot: string, prefix = 'substation-scratch-', dir?: string): ScratchProject {
  const root = dir ?? mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(root, { recursive: true });
  for (const entry of PROJECT) cpSync(join(repoRoot, entry), join(root, entry), { recursive: true });
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(repoRoot, 'node_modules'))) {
    if (name !== '.astro' && name !== '.vite') symlinkSync(join(repoRoot, 'node_modules', name), join(root, 'node_modules', name));
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
