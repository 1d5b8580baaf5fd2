// The layers of the house, checked on every import: src/lib is framework-free and imports no Astro,
// no site glue, no scripts and no tests; scripts/ import the library, never the site; and no module
// of src/lib takes part in an import cycle.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/site.ts';

function files(dir: string): string[] {
  return readdirSync(join(repoRoot, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(repoRoot, path)).isDirectory() ? files(path) : /\.(ts|astro|mjs)$/.test(name) ? [path] : [];
  });
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

/** Every import of a file: the specifier, and for a relative one the file it names (from the repo root). */
function importsOf(file: string): Array<{ specifier: string; target?: string }> {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const specifier = (m[1] ?? m[2] ?? m[3])!;
    return specifier.startsWith('.') ? { specifier, target: normalize(join(dirname(file), specifier)) } : { specifier };
  });
}

const lib = files('src/lib');
// bare-site.ts writes the source of a separate, bare Astro project for bench:build; the imports in
// it are text it writes, not imports of its own.
const scripts = files('scripts').filter((f) => f !== 'scripts/bench/bare-site.ts');

describe('the layers', () => {
  it('src/lib imports neither Astro nor the site, the scripts or the tests', () => {
    const bad = lib.flatMap((file) =>
      importsOf(file)
        .filter(({ specifier, target }) => /^astro(:|\/|$)/.test(specifier) || (target !== undefined && !target.startsWith('src/lib/')))
        .map(({ specifier }) => `${file} imports ${specifier}`),
    );
    expect(bad).toEqual([]);
  });

  it('scripts import the library and their own helpers, never the site', () => {
    const bad = scripts.flatMap((file) =>
      importsOf(file)
        .filter(({ target }) => target !== undefined && !target.startsWith('src/lib/') && !target.startsWith('scripts/'))
        .map(({ specifier }) => `${file} imports ${specifier}`),
    );
    expect(bad).toEqual([]);
  });

  it('no module of src/lib is in an import cycle', () => {
    const graph = new Map(lib.map((file) => [file, importsOf(file).flatMap(({ target }) => (target && target.startsWith('src/lib/') ? [target] : []))]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative('src/lib', f)).join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
