// One scratch copy of the project with its own caches, built six times in the order an author meets
// builds: cold, again with nothing changed, after an essay's title and a news story are edited, after a
// dataset is, then with a page that throws while rendering, then fixed along with an author's name.
// Each build is checked for what it must
// show (these were three suites of ten builds; one copy serves them all):
// - `astro build` is atomic (src/integrations/atomic-dist.ts): a build that fails leaves the previous
//   dist/ as it was, byte for byte; one that succeeds replaces it whole. Its output, piped, is plain:
//   no MODULE_LEVEL_DIRECTIVE noise for .mdx files (withastro/astro#18087), no ANSI codes.
// - Astro's incremental build keeps an essay page's previous output when nothing it shows changed,
//   and renders it again when anything did: its own text, a linked essay's title, an author's name,
//   a dataset its charts read.
// - Social cards and chart PNG twins are no Astro routes: the card workers draw them (the
//   integration's lines count them), byte for byte as the main thread draws them, and the pool
//   copies them into the output. A rebuild draws again only the cards and twins whose input changed;
//   with nothing changed no twin is a job at all.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchProject, type ScratchProject } from '../../scripts/bench/scratch-project.ts';
import { atomicDistPaths } from '../../src/lib/build/swap-fs.ts';
import { chartFigure } from '../../src/lib/charts/figure.ts';
import { chartTwin, chartTwinPng } from '../../src/lib/charts/png-fs.ts';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { fsLookup } from '../../src/lib/datasets/dataset-fs.ts';
import { slugFromFile } from '../../src/lib/essays/slug.ts';
import { figuresOf } from '../../src/lib/mdx/figures.ts';
import { issueNumberFromFile } from '../../src/lib/schema/issue.ts';
import { BUILD_NOW, repoRoot } from '../helpers/site.ts';

const exec = promisify(execFile);
/** A cold build of the whole site in a fresh copy, on a slow machine with other suites building. */
const COLD = 240_000;
/** A rebuild: most pages and images restored, but the whole of Astro's build still runs. */
const REBUILD = 180_000;

let project: ScratchProject;
let dist: string;
let staging: string;
let trash: string;

interface Built {
  code: number;
  /** stdout and stderr, as a piped `npm run build | cat` shows them. */
  output: string;
  /** Essay pages (by slug) rendered again and restored from the previous build. */
  rendered: Set<string>;
  restored: Set<string>;
  /** Social card and chart PNG routes (/og/…, /charts/…) Astro rendered: the home card's alone with the card pool. */
  imageRoutes: Set<string>;
  /** The pool's lines: cards drawn and found in the cache, twins posted as jobs and drawn (0 and 0 when no twin was a job), files delivered. */
  pool: { cardsRendered: number; cardsCached: number; twinJobs: number; twinsRendered: number; cardsDelivered: number; twinsDelivered: number };
  /** Tag and company pages and topic and company feeds (/tags/x/index.html, /companies/x/index.html, /topics/x/rss.xml, /companies/x/rss.xml), the same way. */
  lists: { rendered: Set<string>; restored: Set<string> };
}

/** `npm run build | cat`: output to pipes, nothing in the environment asking for colour or none, two card workers. */
async function build(): Promise<Built> {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SUBSTATION_NOW: BUILD_NOW, SUBSTATION_CARD_WORKERS: '2' };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'CI']) delete env[name];
  let code = 0;
  let stdout: string;
  let stderr: string;
  try {
    ({ stdout, stderr } = await exec(process.execPath, ['scripts/build.ts'], { cwd: project.root, env, maxBuffer: 64 * 1024 * 1024 }));
  } catch (error) {
    ({ code, stdout, stderr } = error as { code: number; stdout: string; stderr: string });
  }
  const routes = (how: RegExp) => new Set([...stdout.matchAll(new RegExp(`/essays/([^/]+)/index\\.html \\(${how.source}`, 'g'))].map((m) => m[1]!));
  const imageRoutes = new Set([...stdout.matchAll(/(\/(?:og|charts)\/\S+\.png) \((?:\+|restored)/g)].map((m) => m[1]!));
  const numbers = (re: RegExp) => re.exec(stdout)?.slice(1).map(Number) ?? [];
  const [cardsRendered = -1, cardsCached = -1] = numbers(/✓ \d+ cards by 2 workers \((\d+) rendered, (\d+) from the cache/);
  const [twinJobs = 0, twinsRendered = 0] = numbers(/✓ (\d+) chart twins by 2 workers \((\d+) rendered/);
  const [cardsDelivered = -1, twinsDelivered = -1] = numbers(/✓ (\d+) cards into og\/ and (\d+) chart twins into charts\//);
  const lists = (how: RegExp) =>
    new Set(
      [...stdout.matchAll(new RegExp(`(/(?:(?:tags|companies)/[^/\\s]+/index\\.html|(?:topics|companies)/[^/\\s]+/rss\\.xml)) \\(${how.source}`, 'g'))].map(
        (m) => m[1]!,
      ),
    );
  return {
    code,
    output: `${stdout}\n${stderr}`,
    rendered: routes(/\+/),
    restored: routes(/restored/),
    imageRoutes,
    pool: { cardsRendered, cardsCached, twinJobs, twinsRendered, cardsDelivered, twinsDelivered },
    lists: { rendered: lists(/\+/), restored: lists(/restored/) },
  };
}

/** Every entry under `dir`, by relative path: a file's SHA-256, a link's target, or "dir". */
function snapshot(dir: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    const full = join(dir, path);
    if (entry.isSymbolicLink()) out[path] = `link:${readlinkSync(full)}`;
    else if (entry.isDirectory()) Object.assign(out, { [path]: 'dir' }, snapshot(dir, path));
    else out[path] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return out;
}

const edit = (file: string, from: string | RegExp, to: string) => {
  const path = join(project.root, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file}: ${String(from)} not found`);
  writeFileSync(path, next);
};
const page = (slug: string) => readFileSync(join(dist, 'essays', slug, 'index.html'), 'utf8');
const built = (route: string) => readFileSync(join(dist, route), 'utf8');
/** Whether a tag page lists the essay, or a feed carries it as an item (not merely a link in another essay's text). */
const carries = (route: string, slug: string) =>
  route.endsWith('.xml')
    ? built(route).includes(`<guid isPermaLink="true">https://substation.example/essays/${slug}/</guid>`)
    : built(route).includes(`<a href="/essays/${slug}/">`);

/** Every built twin, as /charts/<owner>/<figure>.png → its bytes. */
function builtTwins(): Map<string, Buffer> {
  const dir = join(dist, 'charts');
  return new Map(
    readdirSync(dir)
      .flatMap((owner) => readdirSync(join(dir, owner)).map((file) => `${owner}/${file}`))
      .sort()
      .map((path) => [path, readFileSync(join(dir, path))]),
  );
}
/** Every built social card and twin (og/…, charts/…) → its SHA-256. */
const builtImages = () => ({
  ...snapshot(join(dist, 'og')),
  ...Object.fromEntries(Object.entries(snapshot(join(dist, 'charts'))).map(([k, v]) => [`charts/${k}`, v])),
});
/** The images whose bytes differ between two builtImages(), or that one has and the other not. */
const changed = (before: Record<string, string>, after: Record<string, string>) =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k] && before[k] !== 'dir').sort();

let cold: Built;
beforeAll(async () => {
  project = scratchProject(repoRoot, 'substation-rebuilds-');
  ({ target: dist, staging, trash } = atomicDistPaths(join(project.root, 'dist')));
  cold = await build();
}, COLD);
afterAll(() => project?.remove());

describe('a cold build', () => {
  it('builds the site into dist/, complete, with nothing left beside it', () => {
    expect(cold.output).toContain('[build] Complete!');
    expect(cold.code).toBe(0);
    // The content check, run beside Astro's start, says its verdict before any line of Astro's.
    const valid = cold.output.indexOf('[substation:content-check] ✓ content valid: 9 essays, 2 issues');
    expect(valid).toBeGreaterThanOrEqual(0);
    expect(valid).toBeLessThan(cold.output.indexOf('[substation:atomic-dist] building into'));
    for (const file of ['index.html', '404.html', 'sitemap-index.xml', 'pagefind/pagefind.js', 'essays/index.html']) {
      expect(existsSync(join(dist, file)), file).toBe(true);
    }
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(trash)).toBe(false);
    expect(cold.rendered.size).toBeGreaterThan(3);
  });

  it('prints no MODULE_LEVEL_DIRECTIVE warning for .mdx files and no ANSI codes when piped', () => {
    // There are .mdx files, each of which would bring the warning.
    expect(readdirSync(join(project.root, 'content/essays')).filter((name) => name.endsWith('.mdx')).length).toBeGreaterThan(0);
    expect(cold.output).not.toContain('MODULE_LEVEL_DIRECTIVE');
    expect(cold.output).not.toContain('\x1b[');
  });

  it('has the card workers draw the chart twins, each distinct twin once', () => {
    expect(cold.output).toContain('[substation:card-pool] 2 card workers started');
    const line = /✓ (\d+) chart twins by 2 workers \((\d+) rendered, (\d+) from the cache\)/.exec(cold.output);
    expect(line, 'the pool reports the twins it drew').not.toBeNull();
    const [jobs, rendered, cached] = line!.slice(1).map(Number) as [number, number, number];
    const distinct = new Set([...builtTwins().values()].map((png) => png.toString('base64')));
    expect(distinct.size).toBeGreaterThan(5);
    expect(jobs).toBe(distinct.size);
    // A feed that shows a twin may draw it in the main thread first; then a worker finds it cached.
    expect(rendered + cached).toBe(jobs);
    expect(rendered).toBeGreaterThan(0);
  });

  it('has the pool write every card and twin into the output, with no route for any but the home card', () => {
    expect(cold.imageRoutes).toEqual(new Set(['/og/home.png']));
    const cards = Object.entries(snapshot(join(dist, 'og'))).filter(([path, hash]) => hash !== 'dir' && path !== 'home.png');
    expect(cards.length).toBeGreaterThan(10);
    expect(cold.pool.cardsDelivered).toBe(cards.length);
    expect(cold.pool.twinsDelivered).toBe(builtTwins().size);
    expect(cold.pool.cardsRendered).toBeGreaterThan(10);
  });

  it('draws the twins byte for byte as the main thread draws them without the pool', () => {
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
});

describe('rebuilds', () => {
  it(
    'restore every essay page and draw no social card or chart PNG when nothing changed, posting no twin job',
    async () => {
      const images = builtImages();
      const { code, rendered, restored, pool, lists, output } = await build();
      expect(code).toBe(0);
      expect(rendered).toEqual(new Set());
      expect(restored.size).toBeGreaterThan(3);
      // Every card found in the cache, none drawn; every twin in the chart cache, no job; every file as it was.
      expect(output).toContain('[substation:card-pool] 2 card workers started');
      expect(pool.cardsRendered).toBe(0);
      expect(pool.cardsCached).toBe(pool.cardsDelivered + 1); // and the home card's, a route
      expect(pool.twinJobs).toBe(0);
      expect(output).not.toMatch(/chart twins by/);
      expect(changed(images, builtImages())).toEqual([]);
      // Tag and company pages and topic and company feeds have keys too (src/site/page-keys.ts): all kept.
      expect(lists.rendered).toEqual(new Set());
      expect([...lists.restored].filter((r) => r.startsWith('/tags/')).length).toBeGreaterThan(3);
      expect([...lists.restored].filter((r) => r.startsWith('/topics/')).length).toBeGreaterThan(3);
      expect([...lists.restored].filter((r) => /^\/companies\/.*rss\.xml$/.test(r)).length).toBeGreaterThan(10);
      expect([...lists.restored].filter((r) => /^\/companies\/.*index\.html$/.test(r)).length).toBeGreaterThan(10);
    },
    REBUILD,
  );

  describe("after an essay's title and a news story are edited, in one build", () => {
    const TITLE = 'Memory, All the Way Down (revised)';
    const STORY = 'Nvidia opens NVLink Fusion to more third-party CPUs';
    let images: Record<string, string>;
    let after: Built;
    beforeAll(async () => {
      images = builtImages();
      edit('content/essays/memory-all-the-way-down.mdx', /^title: .*$/m, `title: "${TITLE}"`);
      edit('content/news/2026-11.json', '"title":"Nvidia opens NVLink Fusion to third-party CPUs"', `"title":"${STORY}"`);
      after = await build();
    }, REBUILD);

    it('render again the edited essay and the pages that link to it by title, and only those', () => {
      const { rendered, restored, pool, lists } = after;
      // Its tags' and companies' pages and the feeds that carry it show the title: those again, and the
      // lists that show the edited story or read the news, every other one kept.
      const carrying = [...lists.rendered, ...lists.restored].filter((r) => carries(r, 'memory-all-the-way-down'));
      const showingStory = [...lists.rendered, ...lists.restored].filter((r) => built(r).includes(STORY));
      // A feed that carries an essay embedding a NewsList reads the news store, whichever story changed.
      const readingNews = readdirSync(join(project.root, 'content/essays'))
        .filter((name) => readFileSync(join(project.root, 'content/essays', name), 'utf8').includes('<NewsList'))
        .map(slugFromFile);
      const feedsReadingNews = [...lists.rendered, ...lists.restored].filter((r) => r.endsWith('.xml') && readingNews.some((slug) => carries(r, slug)));
      expect(readingNews.length).toBeGreaterThan(0);
      expect(carrying.filter((r) => r.startsWith('/tags/')).length).toBeGreaterThan(0);
      expect(carrying.filter((r) => r.startsWith('/topics/')).length).toBeGreaterThan(0);
      expect(carrying.filter((r) => r.endsWith('/index.html') && r.startsWith('/companies/')).length).toBeGreaterThan(0);
      expect(lists.rendered).toEqual(new Set([...carrying, ...showingStory, ...feedsReadingNews]));
      for (const route of carrying) expect(built(route).includes(TITLE), route).toBe(true);
      expect(lists.restored.size).toBeGreaterThan(10);
      // Its social card shows the title: drawn again, and no other card or twin (no card shows a story).
      expect(pool.cardsRendered).toBe(1);
      expect(changed(images, builtImages())).toEqual(['essays/memory-all-the-way-down.png']);
      expect(rendered).toContain('memory-all-the-way-down');
      expect(page('memory-all-the-way-down')).toContain(TITLE);
      for (const slug of rendered) if (slug !== 'memory-all-the-way-down') expect(page(slug)).toContain(TITLE);
      expect(restored.size).toBeGreaterThan(0);
    });

    it("render again a company's page and feed when its stories change, and keep the other companies'", () => {
      const { lists } = after;
      for (const route of ['/companies/nvidia/index.html', '/companies/nvidia/rss.xml']) {
        expect(lists.rendered, route).toContain(route);
        expect(built(route), route).toContain(STORY);
      }
      expect(lists.restored).toContain('/companies/tsmc/index.html');
      expect(lists.restored).toContain('/companies/tsmc/rss.xml');
    });
  });

  it(
    'render every page again when a dataset changes',
    async () => {
      const images = builtImages();
      edit('content/data/hbm-share.csv', /^2025,SK hynix,\d+%$/m, '2025,SK hynix,61%');
      const data = await build();
      expect(data.restored).toEqual(new Set());
      // The charts drawn from that dataset change, so their PNG twins are drawn again, each distinct one
      // once; of the cards, only the one whose hero chart reads it can change.
      const after = builtImages();
      const redrawn = changed(images, after);
      const twins = redrawn.filter((path) => path.startsWith('charts/'));
      expect(twins.some((path) => path.startsWith('charts/the-package-is-the-product/'))).toBe(true);
      expect(data.pool.twinJobs).toBe(new Set(twins.map((path) => after[path])).size);
      expect(redrawn.filter((path) => !path.startsWith('charts/'))).toEqual(
        redrawn.includes('essays/the-package-is-the-product.png') ? ['essays/the-package-is-the-product.png'] : [],
      );
      expect(page('the-package-is-the-product')).toContain('61%');
    },
    REBUILD,
  );
});

describe('a build that fails, then is fixed', () => {
  let before: Record<string, string>;
  let essay: { slug: string; file: string };
  const CHANGE = 'This sentence was added by the atomic build test.';

  it(
    'leaves dist/ byte for byte as it was when a page throws while rendering, and no staging folder',
    async () => {
      before = snapshot(dist);
      const slug = readdirSync(join(dist, 'essays')).find((name) => existsSync(join(project.root, 'content/essays', `${name}.mdx`)));
      expect(slug, 'a built essay from an .mdx file').toBeDefined();
      essay = { slug: slug!, file: join(project.root, 'content/essays', `${slug}.mdx`) };
      const { ino } = statSync(dist);
      writeFileSync(
        join(project.root, 'src/pages/boom.astro'),
        "---\nimport { twice } from '../lib/zz-use-client.ts';\nthrow new Error(`boom ${twice(21)}: this page fails while rendering`);\n---\n<p>never</p>\n",
      );
      // A directive of our own: its MODULE_LEVEL_DIRECTIVE warning is not the one filtered out.
      writeFileSync(join(project.root, 'src/lib/zz-use-client.ts'), "'use client';\nexport const twice = (n: number) => n * 2;\n");
      appendFileSync(essay.file, `\n${CHANGE}\n`);
      const { code, output } = await build();
      expect(code).not.toBe(0);
      expect(output).toContain('boom 42: this page fails while rendering');
      expect(output).toContain('[MODULE_LEVEL_DIRECTIVE] The semantics of the module level directive "use client" in "src/lib/zz-use-client.ts"');
      expect(output).not.toContain('"use astro:head-inject"');
      expect(output).not.toContain('\x1b[');
      expect(snapshot(dist)).toEqual(before);
      expect(statSync(dist).ino).toBe(ino);
      expect(existsSync(staging)).toBe(false);
      expect(existsSync(trash)).toBe(false);
    },
    REBUILD,
  );

  it(
    "replaces dist/ whole when the build is fixed, clears what a killed build left, and renders every page again for an author's new name",
    async () => {
      rmSync(join(project.root, 'src/pages/boom.astro'));
      rmSync(join(project.root, 'src/lib/zz-use-client.ts'));
      // The fix comes with an author's new name, which every page shows: all of them are rendered again.
      edit('content/authors/mara-okafor.yaml', /^name: .*$/m, 'name: Mara Okafor-Reyes');
      writeFileSync(join(dist, 'not-from-a-build.txt'), 'a merge would keep this');
      mkdirSync(staging);
      writeFileSync(join(staging, 'left-by-a-killed-build.html'), '<p>stale</p>');
      const { ino } = statSync(dist);
      const { code, output, restored } = await build();
      expect(output).toContain('[build] Complete!');
      expect(code).toBe(0);
      expect(restored).toEqual(new Set());
      expect(page('the-package-is-the-product')).toContain('Mara Okafor-Reyes');
      const after = snapshot(dist);
      expect(statSync(dist).ino).not.toBe(ino);
      expect(after['not-from-a-build.txt']).toBeUndefined();
      expect(after['left-by-a-killed-build.html']).toBeUndefined();
      expect(Object.keys(after).filter((path) => path.startsWith('boom'))).toEqual([]);
      expect(page(essay.slug)).toContain(CHANGE);
      // The feeds that carry the essay carry its new text (a feed's key holds its entries' content).
      const feeds = Object.keys(after).filter((path) => /^(topics|companies)\/[^/]+\/rss\.xml$/.test(path) && carries(path, essay.slug));
      expect(feeds.length).toBeGreaterThan(0);
      for (const feed of feeds) expect(built(feed), feed).toContain(CHANGE);
      expect(after[`essays/${essay.slug}/index.html`]).not.toBe(before[`essays/${essay.slug}/index.html`]);
      expect(existsSync(staging)).toBe(false);
      expect(existsSync(trash)).toBe(false);
    },
    REBUILD,
  );
});
