// Social cards in the built site: a 1200x630 PNG for every essay, topic, issue and the home page,
// drawn by the build's card workers byte for byte as one thread draws them, and og:image /
// twitter:image on every kind of page pointing at a card that exists. A card that fails fails the
// build with its name, and the build exits: no card worker holds it open.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchProject, type ScratchProject } from '../../scripts/bench/scratch-project.ts';
import { homeCardInput, topicCardInput } from '../../src/lib/cards/inputs.ts';
import { createCardRenderer } from '../../src/lib/cards/renderer-fs.ts';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { slugFromFile } from '../../src/lib/essays/slug.ts';
import { BUILD_NOW, builtSite, pageDocument, repoRoot } from '../helpers/site.ts';

const SITE = 'https://substation.example';
let dist: string;

const published = readContentFiles(repoRoot)
  .essays.map((f) => ({ slug: slugFromFile(f.file), ...(splitFrontmatter(f.text).data as { draft?: boolean; date: string | Date }) }))
  .filter((e) => !e.draft && new Date(e.date) <= new Date(BUILD_NOW));
const essay = published[0]!.slug;

function pngSize(file: string) {
  const png = readFileSync(file);
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), file).toBe(true);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const meta = (path: string, key: string) => pageDocument(dist, path).querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');

beforeAll(async () => {
  dist = await builtSite();
});

describe('card files', () => {
  it('exist at stable URLs for the home page, every published essay and every topic, at 1200x630', () => {
    const files = [
      'og/home.png',
      ...published.map((e) => `og/essays/${e.slug}.png`),
      ...readdirSync(join(dist, 'topics'), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => `og/topics/${d.name}.png`),
    ];
    for (const file of files) {
      expect(existsSync(join(dist, file)), file).toBe(true);
      expect(pngSize(join(dist, file)), file).toEqual({ width: 1200, height: 630 });
    }
  });

  it('are the bytes the single-threaded renderer draws, for the home page and every topic', async () => {
    const renderer = createCardRenderer({ cache: false, warn: () => {} });
    const site = new URL(SITE);
    expect(readFileSync(join(dist, 'og/home.png')).equals(await renderer.render(homeCardInput(site), 'home'))).toBe(true);
    const { topics } = parseYaml(readFileSync(join(repoRoot, 'content/taxonomy.yaml'), 'utf8')) as {
      topics: Array<{ id: string; label: string; description: string }>;
    };
    for (const topic of topics) {
      const png = await renderer.render(topicCardInput(topic.id, topic, site), topic.id);
      expect(readFileSync(join(dist, `og/topics/${topic.id}.png`)).equals(png), topic.id).toBe(true);
    }
  });

  it('exist for every published issue and for nothing unpublished', () => {
    const issues = existsSync(join(dist, 'og/issues')) ? readdirSync(join(dist, 'og/issues')) : [];
    for (const file of issues) expect(existsSync(join(dist, 'issues', file.replace(/\.png$/, ''), 'index.html')), file).toBe(true);
    const essays = readdirSync(join(dist, 'og/essays')).map((f) => f.replace(/\.png$/, ''));
    expect(essays.sort()).toEqual(published.map((e) => e.slug).sort());
  });
});

describe('card metadata', () => {
  const cases: Array<[string, string]> = [
    ['/', '/og/home.png'],
    [`/essays/${essay}/`, `/og/essays/${essay}.png`],
    ['/topics/energy/', '/og/topics/energy.png'],
    ['/archive/', '/og/home.png'],
    ['/about/', '/og/home.png'],
    ['/tags/', '/og/home.png'],
    ['/authors/', '/og/home.png'],
  ];

  it('gives every kind of page og:image and a large Twitter card that point at a built card', () => {
    for (const [page, card] of cases) {
      expect(meta(page, 'og:image'), page).toBe(`${SITE}${card}`);
      expect(meta(page, 'twitter:image'), page).toBe(`${SITE}${card}`);
      expect(meta(page, 'twitter:card'), page).toBe('summary_large_image');
      expect(meta(page, 'og:image:width'), page).toBe('1200');
      expect(meta(page, 'og:image:height'), page).toBe('630');
      expect(meta(page, 'og:image:alt'), page).toBeTruthy();
      expect(existsSync(join(dist, card)), card).toBe(true);
    }
  });
});

describe('a card that cannot be drawn', () => {
  let project: ScratchProject;
  beforeAll(() => {
    project = scratchProject(repoRoot, 'substation-broken-card-');
    // A card route as the essays' is: its getStaticPaths hands the card to the pool, which delivers it.
    mkdirSync(join(project.root, 'src/pages/og/broken'));
    writeFileSync(
      join(project.root, 'src/pages/og/broken/[id].png.ts'),
      "import type { APIRoute, GetStaticPaths } from 'astro';\n" +
        "import { cardPaths, cardResponse, type CardProps } from '../../../site/cards.ts';\n" +
        "export const getStaticPaths = (() => cardPaths([{ params: { id: 'card' }, name: 'broken/card', input: { kicker: [], title: 42 as unknown as string } }])) satisfies GetStaticPaths;\n" +
        'export const GET: APIRoute<CardProps> = ({ props }) => cardResponse(props);\n',
    );
  });
  afterAll(() => project.remove());

  it('fails the build with the card named, and the build exits', async () => {
    // The timeout is the test: a pool that kept the process alive would run into it.
    const result = await promisify(execFile)(process.execPath, [join(project.root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: project.root,
      env: { ...process.env, SUBSTATION_NOW: BUILD_NOW, ASTRO_TELEMETRY_DISABLED: '1', SUBSTATION_CARD_WORKERS: '2' },
      timeout: 180_000,
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      () => ({ code: 0, output: '', killed: false }),
      (error: { code: number; killed: boolean; stdout: string; stderr: string }) => ({
        code: error.code,
        killed: error.killed,
        // CI sets CI=true, under which Astro colours its log even into a pipe: read the text alone.
        output: stripVTControlCharacters(`${error.stdout}\n${error.stderr}`),
      }),
    );
    expect(result.killed).toBe(false);
    expect(result.code).toBe(1);
    expect(result.output).toContain('[substation:card-pool] 2 card workers started');
    expect(result.output).toMatch(/card broken\/card: TypeError/);
    expect(existsSync(join(project.root, 'dist'))).toBe(false);
  }, 200_000);
});
