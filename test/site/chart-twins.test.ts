// Chart PNG twins in a build with the card pool: on a cold build the card workers draw them (the
// integration's line counts them), byte for byte as the main thread draws them; on a rebuild, with
// every twin in the chart cache, no twin is a job at all. A scratch copy with its own caches, built
// twice.
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchProject, type ScratchProject } from '../../scripts/bench/scratch-project.ts';
import { chartFigure } from '../../src/lib/charts/figure.ts';
import { chartTwin, chartTwinPng } from '../../src/lib/charts/png-fs.ts';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { fsLookup } from '../../src/lib/datasets/dataset-fs.ts';
import { slugFromFile } from '../../src/lib/essays/slug.ts';
import { issueNumberFromFile } from '../../src/lib/schema/issue.ts';
import { figuresOf } from '../../src/lib/mdx/figures.ts';
import { BUILD_NOW, repoRoot } from '../helpers/site.ts';

const run = promisify(execFile);
let project: ScratchProject;
let cold: string;

async function build(): Promise<string> {
  const { stdout } = await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: project.root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SUBSTATION_NOW: BUILD_NOW, SUBSTATION_CARD_WORKERS: '2' },
    maxBuffer: 64 * 1024 * 1024,
  });
  // CI sets CI=true, under which Astro colours its log even into a pipe: read the text alone.
  return stripVTControlCharacters(stdout);
}

/** Every built twin, as /charts/<owner>/<figure>.png → its bytes. */
function builtTwins(): Map<string, Buffer> {
  const dir = join(project.root, 'dist/charts');
  return new Map(
    readdirSync(dir)
      .flatMap((owner) => readdirSync(join(dir, owner)).map((file) => `${owner}/${file}`))
      .sort()
      .map((path) => [path, readFileSync(join(dir, path))]),
  );
}

beforeAll(async () => {
  project = scratchProject(repoRoot, 'substation-chart-twins-');
  cold = await build();
}, 240_000);
afterAll(() => project?.remove());

describe('chart twins with the card pool', { timeout: 240_000 }, () => {
  it('are drawn by the card workers on a cold build, each distinct twin once', () => {
    expect(cold).toContain('[substation:card-pool] 2 card workers started');
    const line = /✓ (\d+) chart twins by 2 workers \((\d+) rendered, (\d+) from the cache\)/.exec(cold);
    expect(line, 'the pool reports the twins it drew').not.toBeNull();
    const [jobs, rendered, cached] = line!.slice(1).map(Number) as [number, number, number];
    const distinct = new Set([...builtTwins().values()].map((png) => png.toString('base64')));
    expect(distinct.size).toBeGreaterThan(5);
    expect(jobs).toBe(distinct.size);
    // A feed that shows a twin may draw it in the main thread first; then a worker finds it cached.
    expect(rendered + cached).toBe(jobs);
    expect(rendered).toBeGreaterThan(0);
  });

  it('are the bytes the main thread draws without the pool', () => {
    const files = readContentFiles(project.root);
    // Where the chart route puts each entry's twins: /charts/<essay id>/, /charts/issue-<number>/.
    const issueNumber = (f: { file: string; text: string }) =>
      (splitFrontmatter(f.text).data as { number?: number } | undefined)?.number ?? issueNumberFromFile(f.file);
    const sources = new Map([
      ...files.essays.map((f) => [slugFromFile(f.file), f] as const),
      ...(files.issues ?? []).map((f) => [`issue-${issueNumber(f)}`, f] as const),
    ]);
    const lookup = fsLookup({ root: project.root });
    const twins = builtTwins();
    expect(twins.size).toBeGreaterThan(5);
    for (const [path, png] of twins) {
      const [owner, file] = path.split('/') as [string, string];
      const source = sources.get(owner)!;
      const figure = figuresOf(splitFrontmatter(source.text).body).find((f) => f.kind === 'chart' && `${f.id}.png` === file);
      expect(figure?.kind, path).toBe('chart');
      if (figure?.kind !== 'chart') continue;
      const fig = chartFigure(figure.component, { ...figure.props, file: source.file }, lookup);
      const expected = chartTwinPng(chartTwin(fig.wide, fig.legend, { root: project.root }), { root: project.root, cache: false }).png;
      expect(png.equals(expected), path).toBe(true);
    }
  });

  it('post no job on a rebuild, where every twin is in the chart cache, and keep their bytes', async () => {
    const before = builtTwins();
    const warm = await build();
    expect(warm).toContain('[substation:card-pool] 2 card workers started');
    expect(warm).not.toMatch(/chart twins by/);
    expect(builtTwins()).toEqual(before);
  });
});
