// The swap that makes `astro build` atomic (src/integrations/atomic-dist.ts), on folders of its own:
// staging beside the output, put in place whole, the old output back when the move fails, and what a
// killed build left cleared. The builds themselves, good, failing and fixed, are in rebuilds.test.ts.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atomicDistPaths, recoverStale, swapIntoPlace } from '../../src/lib/build/swap-fs.ts';

describe('the swap', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'substation-swap-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function folder(path: string, files: Record<string, string>) {
    mkdirSync(path, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
  }

  it('stages beside the output folder, whatever it is called', () => {
    expect(atomicDistPaths('/site/dist/')).toEqual({ target: '/site/dist', staging: '/site/.dist-staging', trash: '/site/.dist-trash' });
    expect(atomicDistPaths('/tmp/out/public-html')).toEqual({
      target: '/tmp/out/public-html',
      staging: '/tmp/out/.public-html-staging',
      trash: '/tmp/out/.public-html-trash',
    });
  });

  it('puts staging in place of the old output, and works when there was none', () => {
    const paths = atomicDistPaths(join(dir, 'a', 'dist'));
    folder(paths.staging, { 'index.html': 'first' });
    swapIntoPlace(paths);
    expect(readFileSync(join(paths.target, 'index.html'), 'utf8')).toBe('first');
    folder(paths.staging, { 'index.html': 'second' });
    writeFileSync(join(paths.target, 'old.html'), 'old');
    swapIntoPlace(paths);
    expect(readdirSync(paths.target)).toEqual(['index.html']);
    expect(readFileSync(join(paths.target, 'index.html'), 'utf8')).toBe('second');
    expect(existsSync(paths.staging) || existsSync(paths.trash)).toBe(false);
  });

  it('puts the old output back when staging cannot be moved', () => {
    const paths = atomicDistPaths(join(dir, 'b', 'dist'));
    folder(paths.target, { 'index.html': 'kept' });
    expect(() => swapIntoPlace(paths)).toThrow(/ENOENT/);
    expect(readFileSync(join(paths.target, 'index.html'), 'utf8')).toBe('kept');
    expect(existsSync(paths.trash)).toBe(false);
  });

  it('at the next start, removes a stale staging folder and restores an output killed mid-swap', () => {
    const paths = atomicDistPaths(join(dir, 'c', 'dist'));
    folder(paths.staging, { 'half.html': 'half' });
    folder(paths.trash, { 'index.html': 'previous' });
    recoverStale(paths);
    expect(readFileSync(join(paths.target, 'index.html'), 'utf8')).toBe('previous');
    expect(existsSync(paths.staging) || existsSync(paths.trash)).toBe(false);
    folder(paths.trash, { 'index.html': 'older' });
    recoverStale(paths);
    expect(readFileSync(join(paths.target, 'index.html'), 'utf8')).toBe('previous');
    expect(existsSync(paths.trash)).toBe(false);
  });
});
