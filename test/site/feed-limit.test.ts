// Feeds carry the latest entries only (SITE.feedLimit, 20; SUBSTATION_FEED_LIMIT for one build), so
// their size stays flat as the archive grows; the archive page still lists every essay.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchProject, type ScratchProject } from '../../scripts/bench/scratch-project.ts';
import { BUILD_NOW, repoRoot } from '../helpers/site.ts';

const run = promisify(execFile);
let project: ScratchProject;
let dist: string;

beforeAll(async () => {
  project = scratchProject(repoRoot, 'substation-feed-limit-');
  dist = join(project.root, 'dist');
  await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: project.root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SUBSTATION_NOW: BUILD_NOW, SUBSTATION_FEED_LIMIT: '3' },
    maxBuffer: 64 * 1024 * 1024,
  });
}, 240_000);
afterAll(() => project?.remove());

const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const count = (text: string, tag: string) => text.split(`<${tag}>`).length - 1;

describe('bounded feeds', () => {
  it('carry the latest three essays, newest first, in RSS, Atom and JSON Feed, and say where the rest are', () => {
    const archive = read('archive/index.html');
    const all = [...archive.matchAll(/href="\/essays\/([^/]+)\/"/g)].map((m) => m[1]);
    expect(all.length).toBeGreaterThan(3);
    const rss = read('rss.xml');
    expect(count(rss, 'item')).toBe(3);
    const links = [...rss.matchAll(/<link>https:\/\/substation\.example\/essays\/([^/]+)\/<\/link>/g)].map((m) => m[1]);
    expect(links).toEqual(all.slice(0, 3));
    expect(rss).toContain('The latest 3 essays; every essay is listed at https://substation.example/archive/');
    expect(count(read('atom.xml'), 'entry')).toBe(3);
    expect((JSON.parse(read('feed.json')) as { items: unknown[] }).items).toHaveLength(3);
  });

  it('bound the topic and issue feeds too', () => {
    const chips = read('topics/chips/rss.xml');
    expect(count(chips, 'item')).toBeLessThanOrEqual(3);
    expect(chips).toContain('The latest 3 essays on it');
    expect(count(read('issues/rss.xml'), 'item')).toBeLessThanOrEqual(3);
  });
});
