// One production build of the sample publication per test run, shared by every site and browser
// suite across worker processes (a directory lock; the first suite builds, the others wait).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { parseHTML } from 'linkedom';

export const repoRoot = resolve(import.meta.dirname, '../..');
/** The build's pinned clock: the sample's scheduled essay (2027-03-01) stays in the future. */
export const BUILD_NOW = '2026-11-24T12:00:00Z';
const run = promisify(execFile);

async function waitFor(file: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${file}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function builtSite(): Promise<string> {
  const base = join(repoRoot, 'test/.tmp');
  const dir = join(base, `site-${inject('runId')}`);
  const dist = join(dir, 'dist');
  const done = join(dir, 'done');
  mkdirSync(base, { recursive: true });
  try {
    mkdirSync(dir);
  } catch {
    await waitFor(done, 240_000);
    const status = readFileSync(done, 'utf8');
    if (status !== 'ok') throw new Error(`the shared site build failed:\n${status}`);
    return dist;
  }
  // Old runs' builds go; a concurrent run's (younger than an hour) is left alone.
  for (const old of readdirSync(base)) {
    const path = join(base, old);
    if (old.startsWith('site-') && path !== dir && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
  try {
    await run(process.execPath, [join(repoRoot, 'scripts/build.ts'), '--outDir', dist], {
      cwd: repoRoot,
      env: { ...process.env, SUBSTATION_NOW: BUILD_NOW, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    writeFileSync(done, 'ok');
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    writeFileSync(done, `${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
    throw error;
  }
  return dist;
}

/** The HTML of a built page, by URL path ("/essays/foo/"). */
export function readPage(dist: string, path: string): string {
  const file = path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path);
  return readFileSync(file, 'utf8');
}

export function pageDocument(dist: string, path: string): Document {
  return parseHTML(readPage(dist, path)).document as unknown as Document;
}

/** Every HTML file in dist, as URL paths. */
export function allPages(dist: string, dir = ''): string[] {
  return readdirSync(join(dist, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return allPages(dist, rel);
    return entry.name.endsWith('.html') ? [rel.replace(/index\.html$/, '')] : [];
  });
}
