// `npm run build` on a publication with mistakes: it must fail, naming every file and field.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { essay } from '../lib/content/fixtures.ts';
import { scratchProject, type ScratchProject } from '../../scripts/bench/scratch-project.ts';
import { repoRoot } from '../helpers/site.ts';

const exec = promisify(execFile);
let project: ScratchProject;
let root: string;

beforeAll(() => {
  project = scratchProject(repoRoot, 'substation-bad-');
  root = project.root;
});
afterAll(() => project.remove());

async function build() {
  try {
    await exec(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', join(root, 'dist')], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    return { code: 0, output: '' };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: `${e.stdout}\n${e.stderr}` };
  }
}

describe('a build with bad content', () => {
  it('fails and lists each problem with its file and field, and no stack trace', async () => {
    const author = 'mara-okafor';
    const bad = essay('zz-bad-topic.mdx', { authors: `[${author}]`, topics: '[chips, enrgy]', companies: '[tsmc]' });
    const noTitle = essay('zz-no-title.mdx', { authors: `[${author}]`, title: undefined, date: 'someday', companies: '[tsmc]' });
    writeFileSync(join(root, bad.file), bad.text);
    writeFileSync(join(root, noTitle.file), noTitle.text);
    writeFileSync(join(root, 'content/essays/ZZ-Bad-Topic.md'), bad.text);
    const { code, output } = await build();
    expect(code).not.toBe(0);
    expect(output).toContain(
      'content/essays/zz-bad-topic.mdx:6: topics[1]: unknown topic "enrgy"; did you mean "energy"? Allowed: chips, energy, networks, datacenters, storage, security',
    );
    expect(output).toContain('content/essays/zz-no-title.mdx: title: required');
    expect(output).toContain('content/essays/zz-no-title.mdx:3: date: expected a date as YYYY-MM-DD');
    expect(output).toMatch(/duplicate slug "zz-bad-topic"/);
    expect(output).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
  });

  it('stops on a body mistake in a draft with the line check prints, naming the essay, not a feed', async () => {
    for (const f of ['zz-bad-topic.mdx', 'zz-no-title.mdx', 'ZZ-Bad-Topic.md']) rmSync(join(root, 'content/essays', f), { force: true });
    const draft = essay('zz-draft-chart.mdx', { authors: '[mara-okafor]', draft: 'true' });
    const body = `${draft.text}\n<BarChart data="hbm-share" x="year" y="shar" alt="Shares." />\n\n<LinChart />\n`;
    writeFileSync(join(root, draft.file), body);
    const { code, output } = await build();
    expect(code).not.toBe(0);
    const line = body.split('\n').findIndex((l) => l.startsWith('<BarChart')) + 1;
    expect(output).toContain(`content/essays/zz-draft-chart.mdx:${line}:`);
    expect(output).toContain('<BarChart y="shar">: unknown column "shar" in content/data/hbm-share.csv; did you mean "share"? Columns: year, supplier, share');
    expect(output).toContain(`content/essays/zz-draft-chart.mdx:${line + 2}:1: <LinChart>: unknown component; did you mean "LineChart"?`);
    expect(output).not.toMatch(/atom\.xml|rss\.xml|Caught error rendering/);
    expect(output).not.toMatch(/\n\s+at .*\.(ts|js|mjs):\d+/);
  });

  it('npm run build: the check, run beside Astro, prints its lines alone, stops Astro and leaves dist/ as it was', async () => {
    // scripts/build.ts checks in a worker while Astro's process starts and holds Astro's output until
    // the verdict: a mistake must read as under a plain astro build, with nothing of Astro's after it.
    rmSync(join(root, 'content/essays/zz-draft-chart.mdx'), { force: true });
    const bad = essay('zz-bad-topic.mdx', { authors: '[mara-okafor]', topics: '[chips, enrgy]', companies: '[tsmc]' });
    writeFileSync(join(root, bad.file), bad.text);
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(join(root, 'dist/index.html'), '<p>the previous build</p>');
    let code = 0;
    let output = '';
    try {
      await exec(process.execPath, [join(root, 'scripts/build.ts')], { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      ({ code } = e);
      output = `${e.stdout}\n${e.stderr}`;
    }
    expect(code).toBe(1);
    expect(output).toContain('[substation:content-check] ✗ 1 problem in the content:');
    expect(output).toContain('content/essays/zz-bad-topic.mdx:6: topics[1]: unknown topic "enrgy"; did you mean "energy"?');
    expect(output).toContain('Fix them, then build again');
    // Nothing Astro printed while it started (the atomic build's first line, the content sync) shows.
    expect(output).not.toMatch(/\[(?:substation:atomic-dist|content|build|types)\]/);
    expect(output).not.toMatch(/\n\s+at .*\.(ts|js|mjs):\d+/);
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('<p>the previous build</p>');
    expect(existsSync(join(root, '.dist-staging'))).toBe(false);
    rmSync(join(root, bad.file));
  });
});
