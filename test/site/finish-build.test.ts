// The last steps of `npm run build` (src/lib/build/finish-fs.ts), after Astro's process has
// handed over its staging folder: the search index built in this process, then the swap. Real
// Pagefind on a copy of the shared build; a wire page that lost its ids makes the index fail, and
// the previous output must then be exactly as it was.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atomicDistPaths } from '../../src/lib/build/swap-fs.ts';
import { finishBuild } from '../../src/lib/build/finish-fs.ts';
import { builtSite, repoRoot } from '../helpers/site.ts';

describe('finishing a handed-over build', () => {
  let built: string;
  let dir: string;
  beforeAll(async () => {
    built = await builtSite();
    dir = mkdtempSync(join(tmpdir(), 'substation-finish-'));
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A staging folder holding the built site without its index, beside an old output. */
  function handoff(name: string) {
    const paths = atomicDistPaths(join(dir, name, 'dist'));
    cpSync(built, paths.staging, { recursive: true });
    rmSync(join(paths.staging, 'pagefind'), { recursive: true });
    mkdirSync(paths.target, { recursive: true });
    writeFileSync(join(paths.target, 'index.html'), 'the previous build');
    return { root: repoRoot, ...paths };
  }

  it('indexes the staging folder and puts it in place of the old output', async () => {
    const paths = handoff('good');
    const line = await finishBuild(paths);
    expect(line).toMatch(/^✓ indexed \d+ news stories and \d+ pages for search into pagefind\//);
    expect(readFileSync(join(paths.target, 'index.html'), 'utf8')).toBe(readFileSync(join(built, 'index.html'), 'utf8'));
    const entry = JSON.parse(readFileSync(join(paths.target, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages)[0]!.page_count).toBeGreaterThan(50);
    expect(existsSync(paths.staging) || existsSync(paths.trash)).toBe(false);
  }, 60_000);

  it('leaves the old output as it was when the index fails, and removes staging', async () => {
    const paths = handoff('bad');
    // The wire's headlines lose the ids search results link to (as an edit of NewsItem.astro would).
    const wire = join(paths.staging, 'news/index.html');
    writeFileSync(wire, readFileSync(wire, 'utf8').replaceAll(/ id="n-[^"]+"/g, ''));
    await expect(finishBuild(paths)).rejects.toThrow(/SearchIndexFailed[\s\S]*stories have no entry with id="n-<id>"/);
    expect(readdirSync(paths.target)).toEqual(['index.html']);
    expect(readFileSync(join(paths.target, 'index.html'), 'utf8')).toBe('the previous build');
    expect(existsSync(paths.staging)).toBe(false);
  }, 60_000);
});
