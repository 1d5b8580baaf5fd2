// `astro build` is atomic (src/integrations/atomic-dist.ts): a build that fails leaves the previous
// dist/ as it was, byte for byte; one that succeeds replaces it whole. And its output, piped, is
// plain: no MODULE_LEVEL_DIRECTIVE noise for .mdx files (withastro/astro#18087), no ANSI codes.
// One scratch copy of the project, three builds: good, broken late (a page that throws while
// rendering), fixed.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atomicDistPaths, recoverStale, swapIntoPlace } from '../../src/integrations/atomic-dist.ts';
import { BUILD_NOW, repoRoot } from '../helpers/site.ts';

const exec = promisify(execFile);
/** A cold build of the whole site in a fresh copy, on a slow machine with other suites building. */
const BUILD_TIMEOUT = 240_000;

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

describe('an atomic build, in a scratch copy of the project', () => {
  let root: string;
  let dist: string;
  let staging: string;
  let trash: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'substation-atomic-'));
    for (const entry of ['src', 'public', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
      cpSync(join(repoRoot, entry), join(root, entry), { recursive: true });
    }
    // A node_modules of links, without Astro's and Vite's caches: this copy's are its own.
    mkdirSync(join(root, 'node_modules'));
    for (const name of readdirSync(join(repoRoot, 'node_modules'))) {
      if (name !== '.astro' && name !== '.vite') symlinkSync(join(repoRoot, 'node_modules', name), join(root, 'node_modules', name));
    }
    ({ target: dist, staging, trash } = atomicDistPaths(join(root, 'dist')));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** `npm run build | cat`: output to pipes, and nothing in the environment asking for colour or none. */
  async function build() {
    const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SUBSTATION_NOW: BUILD_NOW };
    for (const name of ['FORCE_COLOR', 'NO_COLOR', 'CI']) delete env[name];
    try {
      const { stdout, stderr } = await exec(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
        cwd: root,
        env,
        maxBuffer: 64 * 1024 * 1024,
      });
      return { code: 0, output: `${stdout}\n${stderr}` };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, output: `${e.stdout}\n${e.stderr}` };
    }
  }

  let first: { code: number; output: string };
  let before: Record<string, string>;
  let essay: { slug: string; file: string };
  const CHANGE = 'This sentence was added by the atomic build test.';

  it(
    'builds the site into dist/, complete, with nothing left beside it',
    async () => {
      first = await build();
      expect(first.output).toContain('[build] Complete!');
      expect(first.code).toBe(0);
      for (const file of ['index.html', '404.html', 'sitemap-index.xml', 'pagefind/pagefind.js', 'essays/index.html']) {
        expect(existsSync(join(dist, file)), file).toBe(true);
      }
      expect(existsSync(staging)).toBe(false);
      expect(existsSync(trash)).toBe(false);
      before = snapshot(dist);
      const slug = readdirSync(join(dist, 'essays')).find((name) => existsSync(join(root, 'content/essays', `${name}.mdx`)));
      expect(slug, 'a built essay from an .mdx file').toBeDefined();
      essay = { slug: slug!, file: join(root, 'content/essays', `${slug}.mdx`) };
    },
    BUILD_TIMEOUT,
  );

  it('prints no MODULE_LEVEL_DIRECTIVE warning for .mdx files and no ANSI codes when piped', () => {
    // There are .mdx files, each of which would bring the warning.
    expect(readdirSync(join(root, 'content/essays')).filter((name) => name.endsWith('.mdx')).length).toBeGreaterThan(0);
    expect(first.output).not.toContain('MODULE_LEVEL_DIRECTIVE');
    expect(first.output).not.toContain('\x1b[');
  });

  it(
    'leaves dist/ byte for byte as it was when a page throws while rendering, and no staging folder',
    async () => {
      const { ino } = statSync(dist);
      writeFileSync(
        join(root, 'src/pages/boom.astro'),
        "---\nimport { twice } from '../lib/zz-use-client.ts';\nthrow new Error(`boom ${twice(21)}: this page fails while rendering`);\n---\n<p>never</p>\n",
      );
      // A directive of our own: its MODULE_LEVEL_DIRECTIVE warning is not the one filtered out.
      writeFileSync(join(root, 'src/lib/zz-use-client.ts'), "'use client';\nexport const twice = (n: number) => n * 2;\n");
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
    BUILD_TIMEOUT,
  );

  it(
    'replaces dist/ whole when the build is fixed, and clears what a killed build left',
    async () => {
      rmSync(join(root, 'src/pages/boom.astro'));
      rmSync(join(root, 'src/lib/zz-use-client.ts'));
      writeFileSync(join(dist, 'not-from-a-build.txt'), 'a merge would keep this');
      mkdirSync(staging);
      writeFileSync(join(staging, 'left-by-a-killed-build.html'), '<p>stale</p>');
      const { ino } = statSync(dist);
      const { code, output } = await build();
      expect(output).toContain('[build] Complete!');
      expect(code).toBe(0);
      const after = snapshot(dist);
      expect(statSync(dist).ino).not.toBe(ino);
      expect(after['not-from-a-build.txt']).toBeUndefined();
      expect(after['left-by-a-killed-build.html']).toBeUndefined();
      expect(Object.keys(after).filter((path) => path.startsWith('boom'))).toEqual([]);
      expect(readFileSync(join(dist, 'essays', essay.slug, 'index.html'), 'utf8')).toContain(CHANGE);
      expect(after[`essays/${essay.slug}/index.html`]).not.toBe(before[`essays/${essay.slug}/index.html`]);
      expect(existsSync(staging)).toBe(false);
      expect(existsSync(trash)).toBe(false);
    },
    BUILD_TIMEOUT,
  );
});

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
