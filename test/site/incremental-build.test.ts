// Astro's incremental build keeps an essay page's previous output when nothing it shows changed, and
// renders it again when anything did: its own text, a linked essay's title, an author's name, a
// dataset its charts read. A scratch copy with its own caches, built four times.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchProject, type ScratchProject } from '../../scripts/bench/scratch-project.ts';
import { BUILD_NOW, repoRoot } from '../helpers/site.ts';

const run = promisify(execFile);
let project: ScratchProject;

interface Built {
  rendered: Set<string>;
  restored: Set<string>;
  /** Social card and chart PNG routes (/og/…, /charts/…), by whether their endpoint ran. */
  images: { rendered: Set<string>; restored: Set<string> };
}

async function build(): Promise<Built> {
  const { stdout: raw } = await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: project.root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SUBSTATION_NOW: BUILD_NOW },
    maxBuffer: 64 * 1024 * 1024,
  });
  // CI sets CI=true, under which Astro colours its log even into a pipe: read the text alone.
  const stdout = stripVTControlCharacters(raw);
  const routes = (how: RegExp) => new Set([...stdout.matchAll(new RegExp(`/essays/([^/]+)/index\\.html \\(${how.source}`, 'g'))].map((m) => m[1]!));
  const images = (how: RegExp) => new Set([...stdout.matchAll(new RegExp(`(/(?:og|charts)/\\S+\\.png) \\(${how.source}`, 'g'))].map((m) => m[1]!));
  return { rendered: routes(/\+/), restored: routes(/restored/), images: { rendered: images(/\+/), restored: images(/restored/) } };
}

const edit = (file: string, from: string | RegExp, to: string) => {
  const path = join(project.root, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file}: ${String(from)} not found`);
  writeFileSync(path, next);
};
const page = (slug: string) => readFileSync(join(project.root, 'dist/essays', slug, 'index.html'), 'utf8');

beforeAll(async () => {
  project = scratchProject(repoRoot, 'substation-incremental-');
  const first = await build();
  expect(first.rendered.size).toBeGreaterThan(3);
}, 240_000);
afterAll(() => project?.remove());

describe('incremental essay pages', { timeout: 120_000 }, () => {
  it('restores every essay page, social card and chart PNG when nothing changed', async () => {
    const { rendered, restored, images } = await build();
    expect(rendered).toEqual(new Set());
    expect(restored.size).toBeGreaterThan(3);
    // Only the home card, whose route has no getStaticPaths to give a key, runs again.
    expect(images.rendered).toEqual(new Set(['/og/home.png']));
    expect([...images.restored].filter((r) => r.startsWith('/og/essays/')).length).toBe(restored.size);
    expect([...images.restored].some((r) => r.startsWith('/charts/'))).toBe(true);
  });

  it('renders again the edited essay and the pages that link to it by title, and only those', async () => {
    edit('content/essays/memory-all-the-way-down.mdx', /^title: .*$/m, 'title: "Memory, All the Way Down (revised)"');
    const { rendered, restored, images } = await build();
    // Its social card shows the title: drawn again, and no other card.
    expect([...images.rendered].filter((r) => r.startsWith('/og/essays/'))).toEqual(['/og/essays/memory-all-the-way-down.png']);
    expect(rendered).toContain('memory-all-the-way-down');
    expect(page('memory-all-the-way-down')).toContain('Memory, All the Way Down (revised)');
    for (const slug of rendered) if (slug !== 'memory-all-the-way-down') expect(page(slug)).toContain('Memory, All the Way Down (revised)');
    expect(restored.size).toBeGreaterThan(0);
  });

  it('renders every page again when an author name or a dataset changes', async () => {
    edit('content/authors/mara-okafor.yaml', /^name: .*$/m, 'name: Mara Okafor-Reyes');
    const names = await build();
    expect(names.restored).toEqual(new Set());
    expect(page('the-package-is-the-product')).toContain('Mara Okafor-Reyes');
    edit('content/data/hbm-share.csv', /^2025,SK hynix,\d+%$/m, '2025,SK hynix,61%');
    const data = await build();
    expect(data.restored).toEqual(new Set());
    // The charts drawn from that dataset change, so their PNG twins are drawn again.
    expect([...data.images.rendered].some((r) => r.startsWith('/charts/the-package-is-the-product/'))).toBe(true);
    expect(page('the-package-is-the-product')).toContain('61%');
  });
});
